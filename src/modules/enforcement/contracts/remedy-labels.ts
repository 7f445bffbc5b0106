/**
 * 行政复议、行政诉讼 and 行政强制: vocabularies shared by the server and the console. The results are the
 * words of the 国办公开办函〔2021〕30号 table (四、政府信息公开行政复议、行政诉讼情况).
 */
export const REMEDY_KINDS = ['行政复议', '行政诉讼'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export const REMEDY_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结'] as const;
export type RemedyResult = (typeof REMEDY_RESULTS)[number];
/** What the contested decision was about; set from the linked case when there is one. */
export const REMEDY_MATTERS = ['政府信息公开', '行政处罚', '行政许可', '最低生活保障', '行政强制', '其他'] as const;
export type RemedyMatter = (typeof REMEDY_MATTERS)[number];

/** 《行政强制法》第九条 (措施) and 第十二条 (执行) as 民政部门 use them. */
export const COERCION_MEASURES = ['查封场所、设施或者财物', '扣押财物', '冻结存款、汇款', '加处罚款', '其他行政强制措施'] as const;
export type CoercionMeasure = (typeof COERCION_MEASURES)[number];

export const REMEDY_ERRORS = {
  NOT_FOUND: '复议诉讼记录不存在或不在数据范围内',
  DECISION_NOT_FOUND: '「被复议（起诉）的决定」不存在或不在本人数据范围内',
  DECISION_NEEDED: '请关联被复议（起诉）的决定，或填写决定的名称和文号',
  RESULT_DATE: '已审结的案件须填写「结果日期」；尚未审结的不填',
  RESULT_BEFORE: '「结果日期」不能早于「受理日期」',
  FUTURE: (f: string) => `「${f}」不能晚于今天`,
  AFTER_REVIEW: '只有行政诉讼可以是「复议后起诉」',
  NO_RIGHT: '没有登记本单位行政复议、行政诉讼和行政强制记录的权限（enforcement.handle）',
  PENALTY_NOT_FOUND: '「行政处罚案件」不存在或不在本人数据范围内',
} as const;
