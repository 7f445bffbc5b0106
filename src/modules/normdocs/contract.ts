/**
 * 规范性文件 (normative documents) module contract: enums, series and error texts other code may
 * rely on. See regulations.md §6 and README.md.
 */
export const NORMDOC_TYPE = 'normdoc';

export const DISPOSITIONS = ['采纳', '部分采纳', '不采纳'] as const;
export const COMMENT_CHANNELS = ['门户网站', '定向征求', '其他渠道'] as const;
/** Ways whose consultation is open to the public on the portal. */
export const PUBLIC_WAYS: readonly string[] = ['公开征求意见', '公开和定向征求意见'];
export const CONSULT_WAYS = ['公开征求意见', '定向征求意见', '公开和定向征求意见'] as const;
export const REVIEW_CONCLUSIONS = ['通过', '修改后通过', '不予通过'] as const;
/** 合法性审核要点 (国办发〔2018〕115号, regulations.md §6.1): each answered 符合 / 不符合 in every round. */
export const REVIEW_CHECKLIST = [
  '制定主体合法',
  '未超越法定职权',
  '内容合法，与上位法不抵触',
  '未违法设定行政许可、行政处罚、行政强制、行政收费等事项',
  '未违法减损公民、法人和其他组织合法权益或者增加其义务',
  '制定程序合法（已征求意见）',
  '符合公平竞争审查要求',
] as const;
/** 合法性审核 一般不少于5个工作日，最长不超过15个工作日 (国办发〔2018〕115号, ❓M): the floor for a passing conclusion. */
export const REVIEW_MIN_WORKDAYS = 5;
/** The kernel 会签 step of the heads at 集体审议 (workflow.signoffs). */
export const HEADS_SIGNOFF = 'heads';
export const MEETING_DECISIONS = ['审议通过', '原则通过，按审议意见修改后签发'] as const;

/** The 发文字号 word of each issuing area (自治区民政厅, 地级市民政局): 宁民规发〔2026〕1号. */
export const SERIES_WORD: Record<string, string> = {
  '640000': '宁民规发',
  '640100': '银民规发',
  '640200': '石民规发',
  '640300': '吴民规发',
  '640400': '固民规发',
  '640500': '卫民规发',
};
export const formatNumber = (word: string, year: number, n: number) => `${word}〔${year}〕${n}号`;

export const LAW_CONSULT = '国办发〔2018〕37号（参照《规章制定程序条例》第十五条第二款：征求意见的期限一般不少于30日）';
export const LAW_REVIEW = '国办发〔2018〕115号（合法性审核一般不少于5个工作日，最长不超过15个工作日）';
/** 继续施行 (regulations.md §6.2, ⚠️L): 有效期届满前评估认为需要继续施行的，重新登记编号和有效期并公布. */
export const LAW_CONTINUE = '有效期届满前 6 个月评估，需继续施行的重新登记编号、重新确定有效期（regulations.md §6.2）';
export const LAW_FILING = '参照《法规规章备案条例》第三条、《规章制定程序条例》第三十四条（自公布之日起30日内报送备案）';

/** Validity ceilings in years (regulations.md §6.2, typical practice): 5; 暂行 / 试行 2. */
export const VALIDITY_YEARS = 5;
export const PROVISIONAL_VALIDITY_YEARS = 2;
export const isProvisional = (title: string) => /暂行|试行/.test(title);

/** 清理 conclusions (国办发〔2018〕37号「定期清理」): 废止 and 宣布失效 end the document; 修改 opens a new draft. */
export const CLEANUP_CONCLUSIONS = ['继续有效', '修改', '废止', '宣布失效'] as const;
export type CleanupConclusion = (typeof CLEANUP_CONCLUSIONS)[number];

/** The evaluation reminder: 有效期届满前 6 个月评估 (regulations.md §6.2, ⚠️L). */
export const EVALUATION_MONTHS_BEFORE = 6;
/** 评估结论 (有效期届满前评估 / 决策后评估): 修改 opens a revision draft like a 清理's. */
export const EVALUATION_CONCLUSIONS = ['继续有效', '修改', '废止'] as const;
export const EVALUATION_METHODS = ['自行评估', '委托第三方评估', '联合评估'] as const;
/** Days a 清理 runs by default (its deadline when none is given). */
export const CLEANUP_DEFAULT_DAYS = 60;

export const NORMDOC_ERRORS = {
  NOT_FOUND: '规范性文件不存在',
  AREA: '本模块登记自治区民政厅和地级市民政局的规范性文件，当前单位不在其列',
  NO_CONSULTATION: '未经征求意见：须先完成征求意见（期满且每条意见均已处理），方可送合法性审核',
  CONSULTATION_RUNNING: '征求意见期尚未届满，不能送合法性审核',
  COMMENTS_OPEN: '尚有意见未作处理（采纳、部分采纳或不采纳并说明理由），不能送合法性审核',
  CONSULTATION_EXISTS: '已开展过征求意见',
  CONSULT_TOO_SHORT: (n: number) => `征求意见期限不少于 ${n} 日（自开始之日的次日起算）`,
  NO_REVIEW: '未经合法性审核或审核未通过：须经政策法规处合法性审核通过，方可提请集体审议',
  NO_MEETING: '未经集体审议：须经厅长办公会等会议集体审议通过，方可签发',
  NOT_SIGNED: '未经领导签发，不能登记编号',
  NO_SIGNOFF: '未经参会领导会签：集体审议须有会议记录并经参会领导会签同意',
  NOT_LEGAL_SIGNED: '未经政策法规处签字，不能签发',
  REVIEW_TOO_EARLY: (day: string) => `合法性审核一般不少于 5 个工作日，${day} 起方可作出通过结论`,
  CHECKLIST_FAILED: '审核要点有「不符合」的，不能作「通过」结论（可修改后通过或不予通过）',
  NOT_NUMBERED: '未统一登记编号，不能公布',
  NOT_PUBLISHED: '未公布的文件不能报送备案',
  NOT_IN_REVIEW: '文件不在合法性审核环节',
  COMMENT_NOT_FOUND: '该意见不存在',
  NO_CHANGE: '新版本内容与上一版本相同',
  DATE_FUTURE: (f: string) => `「${f}」不能晚于今天`,
  EFFECTIVE_BEFORE_PUBLISH: '「施行日期」不能早于公布日期',
  PUBLISH_BEFORE_SIGN: '「公布日期」不能早于签发日期',
  VALIDITY: (years: number) => `有效期不得超过 ${years} 年（暂行、试行的不超过 2 年）`,
  SETTING: '征求意见期限只能延长，不得少于 30 日',
  DATE: '「on」日期格式应为 YYYY-MM-DD',
  STILL_VALID: (until: string) => `有效期至 ${until}，尚未届满，不能宣布失效（可废止）`,
  NOT_OPEN: '该文件不在公开征求意见期内，不能提交意见',
  NOT_TARGETED: '该文件未定向征求意见，不能登记为定向征求的意见',
  CLEANUP_NOT_FOUND: '清理不存在',
  CLEANUP_RUNNING: '本机关尚有未完成的清理，请先完成该清理',
  CLEANUP_CLOSED: '该清理已完成，不能再修改',
  CLEANUP_ITEM_NOT_FOUND: '该文件不在本次清理的文件清单中',
  CLEANUP_OPEN_ITEMS: (n: number) => `尚有 ${n} 件文件未作清理结论（继续有效、修改、废止或宣布失效并说明理由），不能完成清理`,
  CLEANUP_ENDED: (title: string) => `《${title}》已在清理期间废止或失效，不能按本次清理结论处理`,
  CLEANUP_EMPTY: '清理基准日现行有效的文件为零件，无需开展清理',
  NOT_DECLARED: '该文件不在已完成清理的「宣布失效」结论中',
  NOT_REVISED: '该文件没有已公布的修改后文件，不能按修改失效',
  NOT_IN_FORCE: '该文件未公布，不是有效的规范性文件',
  CLEANUP_STALLED: (due: string, n: number) => `清理期限 ${due} 已过，尚有 ${n} 件文件未作清理结论，清理停滞`,
  EVALUATION_KIND: '只能对已公布的文件进行评估',
  CONTINUE_NO_EVALUATION: '继续施行须有评估结论为「继续有效」的有效期届满前评估（最近一次评估），请先登记评估',
  CONTINUE_NOT_DUE: (from: string) => `有效期届满前 6 个月内（${from} 起）方可继续施行、重新登记`,
  CONTINUE_EXPIRED: (until: string) => `有效期已于 ${until} 届满，不能继续施行（须重新制定）`,
  CONTINUE_GAP: (latest: string) => `新的「施行日期」不得晚于原有效期届满的次日（${latest}），以免出现无文件可依的空档`,
  CONTINUE_BEFORE_EVALUATION: '「公布日期」不能早于评估日期',
  NOT_CONTINUATION: '只有继续施行的文件可以直接重新登记公布，其他文件须经全部制定程序',
} as const;

/** A document's end of force (废止/失效), for modules that cite documents (政策问答), and its 公布 (主动公开): see events.ts. */
export { onNormdocChange, onNormdocPublished, type NormdocChange, type NormdocPublished } from './events.ts';

/** The 行政规范性文件 figures of the yearly 政府信息公开 report (制发, 废止, 现行有效 with their case ids). */
// Server-only, loaded on first call: the console imports this contract for its vocabularies, and must not bundle the query.
export const normdocDisclosureFigures = async (...args: Parameters<typeof import('./report/disclosure-figures.ts').normdocDisclosureFigures>) =>
  (await import('./report/disclosure-figures.ts')).normdocDisclosureFigures(...args);
