/**
 * 政务服务大厅 (hall) contract: case types, the 好差评 scale and indicators (regulations.md §7.5),
 * channels, delivery ways and the error texts other code may rely on. See README.md.
 */
export const APPLICATION_TYPE = 'hall.application';
export const COMPLAINT_TYPE = 'hall.complaint';

export const CHANNELS = ['窗口', '网上'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 办理深度 (regulations.md §7.4, ❓M), lowest to highest. */
export const DEPTHS = ['信息公开', '在线预审', '在线受理', '全程网办'] as const;
export type Depth = (typeof DEPTHS)[number];

/** 送达 ways; only 窗口领取 needs a visit. */
export const DELIVERY_WAYS = ['电子送达', '邮寄送达', '窗口领取'] as const;

/** 好差评 five levels (国办发〔2019〕51号), best first; stars = 5 … 1. */
export const RATING_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const NEGATIVE_LEVELS: readonly RatingLevel[] = ['不满意', '非常不满意'];
export const starsOf = (l: RatingLevel) => 5 - RATING_LEVELS.indexOf(l);

/** Indicators: 网上服务「一事一评」 and 现场服务「一次一评」 (§7.5). */
export const ONLINE_INDICATORS = ['整体满意度', '办事效率', '办事指南精确度', '办事便捷度', '平台操作性'] as const;
export const OFFLINE_INDICATORS = ['整体满意度', '服务效率', '服务水平', '服务态度'] as const;
export const indicatorsOf = (channel: Channel) => (channel === '网上' ? ONLINE_INDICATORS : OFFLINE_INDICATORS);

/** 差评 handling outcomes. */
export const RECTIFY_WAYS = ['立行立改', '限期整改', '解释说明'] as const;

export const LAW_EVALUATION = '《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）';
export const LAW_ONLINE = '《国务院关于在线政务服务的若干规定》（国务院令第716号）';

/** 限期整改 default, working days (四川 example, regulations.md §7.5 ❓M); a setting may only shorten it. */
export const RECTIFY_DEFAULT_WORKDAYS = 15;

export const HALL_ERRORS = {
  ITEM_UNKNOWN: '「办理事项」不存在或本地未开通',
  ITEM_OFFLINE_ONLY: '该事项办理深度为「信息公开」，不能网上申请，请到窗口办理',
  OFFICE_UNKNOWN: '「受理地区」没有开通政务服务窗口的民政部门',
  FIELDS_MISSING: '申请表有未填写的必填项',
  MATERIALS_MISSING: '申请材料不齐全',
  NOT_CORRECTING: '当前不在补正阶段，不能提交补正材料',
  CORRECTION_EMPTY: '一次性告知须列明需要补正的全部材料或内容',
  QUERY_FAILED: '申请编号或查询码不正确',
  NOT_DELIVERED: '办理结果尚未送达，送达后可下载电子证照',
  NOT_FINISHED: '服务尚未办结，办结后才能评价',
  ALREADY_RATED: '该服务已经评价过（一事一评、一次一评），不能重复评价',
  INDICATORS: '请对每一项评价指标打分（1 至 5 星）',
  COMMENT_REQUIRED: '差评请写明不满意的原因',
  RECTIFY_DAYS: `限期整改期限只能从严设置，不得超过 ${RECTIFY_DEFAULT_WORKDAYS} 个工作日`,
  NOT_FOUND: '办件不存在或无权查看',
  BAD_PERIOD: '统计期间格式不正确，应为 YYYY-MM-DD，且开始日期不晚于结束日期',
} as const;
