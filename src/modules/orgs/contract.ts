/** 社会组织: vocabularies shared by the server, the console and the tests (browser-safe, no imports). */

export const ORG_KINDS = ['social_group', 'social_service', 'foundation'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABEL: Record<OrgKind, string> = {
  social_group: '社会团体',
  social_service: '社会服务机构（民办非企业单位）',
  foundation: '基金会',
};
/** USCC position 2 (机构类别代码) under 登记管理部门 5 (民政), regulations.md §3.1. */
export const ORG_KIND_USCC_TYPE: Record<OrgKind, string> = { social_group: '1', social_service: '2', foundation: '3' };

export const ORG_STATUSES = ['normal', 'deregistered', 'revoked'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export const ORG_STATUS_LABEL: Record<OrgStatus, string> = { normal: '正常', deregistered: '注销', revoked: '撤销' };

/** 社会组织评估等级 (1A–5A). */
export const RATINGS = ['1A', '2A', '3A', '4A', '5A'] as const;
export type Rating = (typeof RATINGS)[number];

/** The acts a change-history row records. */
export const CHANGE_ACTS = ['成立登记', '变更登记', '更名', '注销登记', '撤销登记', '评估等级', '慈善组织认定', '数据更正'] as const;
export type ChangeAct = (typeof CHANGE_ACTS)[number];

/** The registry fields a 变更登记 may change, with their labels (the history's 字段). */
export const CHANGE_FIELDS = {
  name: '名称',
  domicile: '住所',
  legalRepresentative: '法定代表人',
  businessScope: '业务范围',
  capitalCents: '注册资金（分）',
  supervisorUnit: '业务主管单位',
  charity: '慈善组织',
  publicFundraising: '公开募捐资格',
  rating: '评估等级',
  ratingFrom: '评估等级有效期起',
  ratingUntil: '评估等级有效期止',
} as const;
export type ChangeField = keyof typeof CHANGE_FIELDS;

/** Credit lists of 《社会组织信用信息管理办法》（民政部令第60号） and the 宁夏 诚信缺失 record (seed report). */
export const CREDIT_LISTS = ['abnormal', 'serious', 'integrity_lapse'] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];
export const CREDIT_LIST_LABEL: Record<CreditList, string> = {
  abnormal: '活动异常名录',
  serious: '严重违法失信名单',
  integrity_lapse: '诚信缺失',
};

/**
 * Listing reasons (regulations.md §4.1; 民政部令第60号 as summarised by the official explainers, ✅S).
 * `obligation`: the organisation must do something (report, rectify …) before removal, so the
 * six-month automatic removal does not apply.
 */
export const CREDIT_REASONS = {
  abnormal: {
    annual_report: { label: '未按照规定时限和要求向登记管理机关报送年度工作报告', obligation: true },
    party_org: { label: '未按照有关规定设立党组织', obligation: true },
    rectification: { label: '在抽查和其他监督检查中发现问题，发放整改文书要求限期整改，未按期完成整改', obligation: true },
    fundraising: { label: '具有公开募捐资格的慈善组织，存在《慈善组织公开募捐管理办法》规定的情形', obligation: true },
    minor_penalty: { label: '受到警告或者不满5万元罚款处罚', obligation: false },
    unreachable: { label: '通过登记的住所无法与社会组织取得联系', obligation: false },
    other_law: { label: '法律、行政法规规定应当列入的其他情形', obligation: false },
  },
  serious: {
    abnormal_two_years: { label: '被列入活动异常名录满2年', obligation: true },
    fraudulent_change: { label: '弄虚作假办理变更登记，被撤销变更登记', obligation: false },
    suspension: { label: '受到限期停止活动行政处罚', obligation: false },
    major_fine: { label: '受到5万元以上罚款处罚', obligation: false },
    repeat_penalty: { label: '三年内两次以上受到警告或者不满5万元罚款处罚', obligation: false },
    defaulter: { label: '被司法机关纳入“失信被执行人”名单', obligation: false },
    revocation: { label: '被登记管理机关作出吊销登记证书、撤销成（设）立登记决定', obligation: false },
    other_law: { label: '法律、行政法规规定的其他情形', obligation: false },
  },
  integrity_lapse: {
    inspection_failed: { label: '年检不合格', obligation: false },
    broken_promise: { label: '不履行承诺', obligation: false },
    charter_breach: { label: '不按章程开展活动', obligation: false },
  },
} as const satisfies Record<CreditList, Record<string, { label: string; obligation: boolean }>>;

export const CREDIT_BASIS = {
  abnormal: '《社会组织信用信息管理办法》（民政部令第60号）活动异常名录',
  serious: '《社会组织信用信息管理办法》（民政部令第60号）严重违法失信名单',
  integrity_lapse: '宁夏回族自治区民政厅社会组织诚信激励和惩戒机制（三年内不能参加社会组织评估、不能承接政府购买服务）',
} as const;

export const ELIGIBILITY_PURPOSES = ['purchase', 'grant', 'award'] as const;
export type EligibilityPurpose = (typeof ELIGIBILITY_PURPOSES)[number];
export const ELIGIBILITY_PURPOSE_LABEL: Record<EligibilityPurpose, string> = {
  purchase: '承接政府购买服务',
  grant: '获得资金资助',
  award: '获得表彰奖励',
};

export const ORGS_ERRORS = {
  ORG_NOT_FOUND: '社会组织',
  ORG_BAD_USCC: '统一社会信用代码不正确',
  ORG_USCC_KIND: '统一社会信用代码与组织类型不符',
  ORG_USCC_TAKEN: '统一社会信用代码已被登记',
  ORG_NAME_REJECTED: '名称未通过名称审核',
  ORG_NOT_AUTHORITY: '登记管理机关不正确',
  ORG_NOT_ACTIVE: '该社会组织已注销或被撤销',
  ORG_NO_CHANGE: '没有需要变更的事项',
  ORG_LISTING: '信用名单操作不正确',
} as const;

/** A `date` column as YYYY-MM-DD whichever driver returned it. */
export const dateText = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The articles under which the registrar revokes a registration (撤销登记), per kind — checked in the regulations' texts. */
export const REVOCATION_BASES: Record<OrgKind, Record<string, string>> = {
  social_group: {
    '29': '《社会团体登记管理条例》第二十九条（弄虚作假骗取登记，或取得登记证书之日起1年未开展活动）',
    '30': '《社会团体登记管理条例》第三十条（情节严重的违法行为）',
  },
  social_service: {
    '24': '《民办非企业单位登记管理暂行条例》第二十四条（弄虚作假骗取登记，或业务主管单位撤销批准）',
    '25': '《民办非企业单位登记管理暂行条例》第二十五条（情节严重的违法行为）',
  },
  foundation: {
    '41': '《基金会管理条例》第四十一条（弄虚作假骗取登记、12个月内未按章程开展活动，或应注销不注销仍继续活动）',
    '42': '《基金会管理条例》第四十二条（情节严重的违法行为，含未接受年度检查或年度检查不合格）',
  },
};

/** An organization put on a credit list (for the 主动公开 catalogue): see events.ts. */
export { onCreditListed, type CreditListed } from './events.ts';
/** A 成立登记 decided (准予/不予登记), for the module that handed the application over: see events.ts. */
export { onEstablishmentDecided, type EstablishmentDecided } from './events.ts';

/** 社会组织 登记 decisions (行政许可) of a period, for the yearly 政府信息公开 report, with their case ids. */
// Server-only, loaded on first call: the console imports this contract for its vocabularies, and must not bundle the query.
export const licensingDecisionFigures = async (...args: Parameters<typeof import('./report/licensing-figures.ts').licensingDecisionFigures>) =>
  (await import('./report/licensing-figures.ts')).licensingDecisionFigures(...args);

/** The columns of the import file (a registry export): 类型, 名称, 统一社会信用代码 … */
export const IMPORT_COLUMNS = [
  '类型',
  '名称',
  '统一社会信用代码',
  '业务主管单位',
  '住所',
  '法定代表人',
  '业务范围',
  '注册资金（元）',
  '成立登记日期',
  '登记证书号',
  '慈善组织',
  '公开募捐资格',
] as const;

/**
 * 成立登记 handed over by another module that accepted the application for the registrar (the hall's 受理):
 * files the case in the caller's transaction; refuses (4xx, Chinese) particulars or a name the registrar would.
 */
// Server-only, loaded on first call, and kept out of the console's bundle: unlike the figures above, the filing reaches
// the identity kernel (argon2), which cannot be bundled for the browser, so the path is not a literal Vite would follow.
const FILE_HANDOVER = './lifecycle/file-handover.ts';
export const fileEstablishmentHandover = async (...args: Parameters<typeof import('./lifecycle/file-handover.ts').fileEstablishmentHandover>) =>
  ((await import(/* @vite-ignore */ FILE_HANDOVER)) as typeof import('./lifecycle/file-handover.ts')).fileEstablishmentHandover(...args);
export type { EstablishmentHandover } from './lifecycle/file-handover.ts';
/**
 * The 2019 双随机 spot checks of the demo: they need enforcement's certified officers, so enforcement's demo runs it once
 * they exist. Server-only and out of the console's bundle, as the filing above (it reaches the identity kernel).
 */
const SPOT_CHECK_DEMO = './demo/demo-spot-checks.ts';
export const seedSpotCheckDemo = async (...args: Parameters<typeof import('./demo/demo-spot-checks.ts').seedSpotCheckDemo>) =>
  ((await import(/* @vite-ignore */ SPOT_CHECK_DEMO)) as typeof import('./demo/demo-spot-checks.ts')).seedSpotCheckDemo(...args);
