/**
 * 信访 (petitions) module contract: enums, error codes and tunables other code may rely on.
 * 信访事项 petition · 重信重访 repeat petition · 越级上访 skip-level visit · 复查/复核 review/re-review.
 */
export const PETITION_TYPE = 'petition';

export const CHANNELS = ['来信', '来访', '网上信访', '电话', '上级转来'] as const;
export const SOURCE_BODIES = ['自治区信访局', '民政部', '12345', '其他'] as const;
export const CATEGORIES = ['建议意见', '检举控告', '申诉求决', '其他'] as const;
export const SUBJECTS = ['低保', '特困', '养老服务', '社会组织', '婚姻登记', '殡葬', '区划地名', '其他'] as const;
export const OPINIONS = ['支持', '解释说明', '不予支持'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;

/** Configurable: similarity at or above which the same person's matter counts as 同事 (重信重访). */
export const REPEAT_SIMILARITY_THRESHOLD = 0.5;
/** Configurable: the area level (1 自治区 … 5 村) at which a matter is normally competent (民政 at 县). */
export const COMPETENT_AREA_LEVEL = 3;
/** Configurable: the org that receives online petitions (网上信访) first. */
export const PORTAL_INTAKE_ORG_CODE = '640000-mzt-fgc';
/** 复查 may be requested within 30 日 of receiving the written reply (《信访工作条例》第三十五条). */
export const REVIEW_REQUEST_DAYS = 30;

export const PETITION_ERRORS = {
  ID_NUMBER_INVALID: '身份证号',
  QUERY_FAILED: '查询码或信访事项编号不正确',
  NOT_DELIVERED: '信访事项尚未答复送达,暂不能评价或申请复查',
  ALREADY_RATED: '已评价过该信访事项',
  REVIEW_WINDOW_CLOSED: '已超过申请复查期限(收到书面答复之日起 30 日内)',
  REVIEW_NOT_ALLOWED: '当前状态不能申请复查',
} as const;

export const FIRST_TIME_SKIP_LEVEL_GUIDANCE =
  '首次越级走访:请向信访人宣传解释信访政策,引导其依法逐级走访(向有权处理的本级或上一级机关提出);劝返无效的,联系属地市、县民政部门接回,必要时协调救助站提供救助和返程车费。';
export const REPEAT_GUIDANCE =
  '疑似重信重访(同人同事):请核对原信访事项办理情况;已受理或正在办理的,告知信访人等待办理结果;已复核终结的,同一事实和理由不再受理。';
