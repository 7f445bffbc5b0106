/**
 * 建议提案 (proposals) module contract: 人大代表建议 (deputies' suggestions) and 政协提案 (CPPCC
 * proposals) handled by this department — enums and error texts other code may rely on.
 * See regulations.md §9 and README.md.
 */
export const PROPOSAL_TYPE = 'proposal';
/** A 协办 / 会办 part opened on the kernel's parallel co-handling (core.case_part). */
export const PROPOSAL_PART_TYPE = 'proposal.part';

export const KINDS = ['人大代表建议', '政协提案'] as const;
/** This department's role in the item as assigned (交办) by the 人大常委会 / 政协. */
export const ROLES = ['主办', '协办', '会办', '分办'] as const;
/**
 * Reply categories (办理情况报告 practice, regulations.md §9): A 已解决或基本解决, B 正在解决或列入计划,
 * C 因条件限制以后解决, D 留作参考. B and C are answered again once carried out.
 */
export const CATEGORIES = ['A', 'B', 'C', 'D'] as const;
export const CATEGORY_LABEL: Record<(typeof CATEGORIES)[number], string> = {
  A: 'A 类：所提问题已经解决或基本解决',
  B: 'B 类：所提问题正在解决或列入计划逐步解决',
  C: 'C 类：因条件限制或其他原因需以后解决',
  D: 'D 类：留作参考',
};
export const SECOND_REPLY_CATEGORIES: readonly string[] = ['B', 'C'];
export const CONTACT_WAYS = ['面商', '电话沟通', '座谈', '实地调研', '书面沟通'] as const;
export const RATINGS = ['满意', '基本满意', '不满意'] as const;

export const LAW_DEPUTIES = '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第四十二条';
/** Not Ningxia's own rule: the verified example regulations.md §9 gives (⚠️L); the region's 办法 is not in the reference texts. */
export const LAW_SHANDONG = '参照《山东省人民代表大会代表建议、批评和意见办理工作条例》';

export const PROPOSAL_ERRORS = {
  DUPLICATE: '该建议提案已登记（同一类别、届次、编号）',
  RECEIVED_IN_FUTURE: '「交办日期」不能晚于今天',
  LEAD_OFFICE_REQUIRED: '本单位为协办时，请填写主办单位',
  OBJECTION_LATE: '已超过签收后 5 日的异议期限，不能退回',
  NO_CONTACT: '答复前须与代表、委员面商或沟通，请先记录面商、沟通情况',
  PARTS_OPEN: '协办、会办单位的意见尚未全部送达，主办单位须汇总其意见后统一答复',
  ALREADY_EXTENDED: '已经代表、委员同意延期，不能再次延期',
  CONSENT_DATE: '「同意日期」不能早于交办日期或晚于今天',
  RATED_UNSATISFIED: '评价为不满意的，请选择「不满意，重新办理」',
  NOT_UNSATISFIED: '办理态度和办理结果均未评价为不满意，不能重新办理',
  IMPLEMENTATION_NOT_NEEDED: '只有 B 类、C 类答复须在落实后再次答复',
  IMPLEMENTATION_MISSING: 'B 类、C 类答复须在落实后再次答复，方可办结',
  NOT_FOUND: '建议提案不存在',
  YEAR: '「year」年度格式不正确，应为四位年份',
} as const;
