/** 举报: states, channels and error texts shared by the server, the console and the portal (browser-safe). */
export const TIPOFF_CHANNELS = ['门户网站', '来访', '来电', '来信'] as const;
export type TipoffChannel = (typeof TIPOFF_CHANNELS)[number];
/** Channels staff register by hand (the portal registers its own). */
export const STAFF_CHANNELS = ['来访', '来电', '来信'] as const;

export const TIPOFF_STATES = { received: '待核查', verified: '已核查', decided: '已作出处理决定', closed: '已答复办结' } as const;
export type TipoffState = keyof typeof TIPOFF_STATES;

export const TIPOFF_OUTCOMES = ['立案', '不予立案'] as const;
export type TipoffOutcome = (typeof TIPOFF_OUTCOMES)[number];

/** Who may see an informant's name and phone: this permission, in the handling unit itself. */
export const INFORMANT_PERMISSION = 'enforcement.informant';

/**
 * 答复 period in working days from receipt. No national text for 民政 举报 gives one (regulations.md §5
 * is silent), so it is a setting; the default follows the common 15 个工作日 of local 举报 rules (unverified).
 */
export const DEFAULT_REPLY_WORKDAYS = 15;

export const TIPOFF_ERRORS = {
  NOT_FOUND: '举报不存在或无权查看 (report not found)',
  QUERY_FAILED: '举报编号或查询码不正确 (reference or query code is wrong)',
  OFFICE_UNKNOWN: '「受理机关」不存在，请从列表中选择 (unknown office)',
  STATE: (now: string, need: string) => `该举报当前为「${now}」，须先${need} (wrong step)`,
  CASE_NOT_FOUND: '关联的行政处罚案件不存在或不属于本单位 (penalty case not found)',
  CASE_OR_FILING: '立案须关联已立案的行政处罚案件，或填写立案信息 (a case or a filing is required)',
  INFORMANT_FORBIDDEN: '举报人信息只有承办单位具有「查看举报人信息」权限的人员可以查看 (informant details are restricted)',
  ANONYMOUS: '该举报为匿名举报，没有举报人信息 (anonymous report)',
  FUTURE: (label: string) => `「${label}」不能晚于今天（date in the future）`,
  BEFORE: (label: string, earlier: string) => `「${label}」不能早于${earlier} (date out of order)`,
} as const;
