/** 行政执法: types, labels and error texts shared by the server and the console. */
export const PENALTY_TYPE = 'enforcement_penalty';

export const ENFORCEMENT_PERMISSIONS = {
  read: 'enforcement.read',
  handle: 'enforcement.handle',
  review: 'enforcement.review',
  decide: 'enforcement.decide',
  officers: 'enforcement.officers',
  study: 'enforcement.study',
} as const;

export const CERT_STATUSES = ['valid', 'suspended', 'revoked'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];
export const CERT_STATUS_LABELS: Record<CertStatus, string> = { valid: '有效', suspended: '暂扣', revoked: '吊销' };

/** 《行政处罚法》第九条 types this platform's 民政 powers use. */
export const PENALTY_KINDS = ['警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '限期停止活动', '撤销登记', '吊销许可证件'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

/** 第六十三条: the types whose notice carries the right to a hearing (罚款 only above the 较大数额 setting). */
export const HEARING_KINDS: readonly PenaltyKind[] = ['限期停止活动', '撤销登记', '吊销许可证件'];

export const DECISION_KINDS = ['处罚', '不予处罚', '移送司法机关'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const NO_PENALTY_GROUNDS = ['首违不罚', '违法行为轻微并及时改正', '违法事实不能成立'] as const;

export const EVIDENCE_KINDS = ['书证', '物证', '视听资料', '电子数据', '证人证言', '当事人陈述', '鉴定意见', '勘验笔录、现场笔录'] as const;

/** §5.1 C: the 法制审核 checklist, each item answered. */
export const REVIEW_CHECKLIST = [
  { key: 'authority', label: '执法主体是否合法；执法人员是否具备执法资格' },
  { key: 'procedure', label: '执法程序是否合法' },
  { key: 'facts', label: '案件事实是否清楚，证据是否合法充分' },
  { key: 'law', label: '适用法律、法规、规章是否准确，裁量基准运用是否适当' },
  { key: 'competence', label: '是否超越法定权限' },
  { key: 'documents', label: '执法文书是否完备、规范' },
  { key: 'crime', label: '违法行为是否涉嫌犯罪、需要移送司法机关' },
] as const;

export const PENALTY_STATES = {
  filed: '已立案',
  investigating: '调查取证',
  notified: '已告知',
  hearing: '听证程序',
  reviewing: '法制审核',
  ready: '待决定',
  decided: '已决定',
  served: '已送达',
  executed: '已执行',
  closed: '已结案归档',
} as const;

export const ENFORCEMENT_ERRORS = {
  NOT_FOUND: '执法案件不存在或无权查看 (case not found)',
  OFFICER_NOT_FOUND: '执法人员不存在或无权查看 (officer not found)',
  CERT_DUPLICATE: '该行政执法证号已登记 (certificate number already registered)',
  NOT_CERTIFIED: (name: string, why: string) => `${name}不能实施行政执法：${why}（《行政处罚法》第四十二条，持证执法）（not a valid certificate holder）`,
  ACTOR_NOT_OFFICER: '您没有登记为执法人员，不能实施调查取证等执法行为（持证执法）(you are not a registered officer)',
  TWO_OFFICERS: '调查取证的执法人员不得少于两人 (at least two certified officers)',
  OFFICER_OTHER_UNIT: '执法人员不属于办案单位 (officer belongs to another unit)',
  LIMITATION: (years: number, basis: string) => `违法行为已超过 ${years} 年追责时效，不予立案（${basis}）（limitation period expired）`,
  FIVE_YEARS_NOT_IN_FORCE: '违法行为发生时适用的法律没有五年时效的规定 (the 5-year period did not exist then)',
  DOUBLE_PENALTY: (no: string) => `该当事人的同一违法行为已由${no}给予罚款，不得再次罚款（一事不再罚）（no second fine for one act）`,
  NO_EVIDENCE: '尚未登记证据，不能告知拟处罚内容 (no evidence yet)',
  PRESERVATION_OPEN: '先行登记保存的证据尚未作出处理决定 (preserved evidence awaits its decision)',
  TIER_UNKNOWN: '裁量基准中没有该档次 (no such tier)',
  OUTSIDE_TIER_REASON: '拟处罚超出所选裁量档次，必须说明理由 (a reason is required outside the tier)',
  NO_HEARING_RIGHT: '拟作出的处罚不属于听证范围 (this penalty carries no hearing right)',
  HEARING_LATE: (due: string) => `听证申请期限已于 ${due} 届满（the hearing request is late）`,
  HEARING_NOTICE_SHORT: (earliest: string) => `听证应当在举行七日前通知当事人，最早可定于 ${earliest} (hearing notice too short)`,
  HEARING_HOST: '听证主持人不得是本案调查人员 (the host must not have investigated)',
  HEARING_NOT_SCHEDULED: '尚未通知听证时间、地点 (hearing not scheduled)',
  HEARING_EARLY: '听证日期未到 (the hearing date has not come)',
  STATEMENT_OPEN: (due: string) => `陈述、申辩、听证申请期限至 ${due}，期满或当事人放弃后方可进入审核决定（the party's period is still open）`,
  REVIEW_BY_INVESTIGATOR: '法制审核人员不得是本案调查人员 (the reviewer investigated this case)',
  REVIEW_QUALIFICATION: '法制审核人员须登记为法制审核人员并具有法律职业资格（《行政处罚法》第五十八条第二款）（reviewer lacks 法律职业资格）',
  REVIEW_CHECKLIST: '法制审核须逐项填写审核要点 (every checklist item is required)',
  REVIEW_REQUIRED: '本案须经法制审核，未经审核或审核未通过不得作出决定（《行政处罚法》第五十八条）(a passed legal review is required)',
  COLLECTIVE_REQUIRED: '情节复杂或者重大违法行为须经负责人集体讨论决定 (collective discussion required)',
  COLLECTIVE_HEADS: '集体讨论须至少两名负责人签名 (at least two heads must sign)',
  NO_PENALTY_GROUND: '不予处罚须写明依据（首违不罚、轻微并及时改正或违法事实不能成立）(ground required)',
  FINE_REQUIRED: '罚款决定须写明罚款金额 (fine amount required)',
  SUSPENSION_UNTIL: '限期停止活动须写明停止活动的截止日期，且不早于决定日期 (the end of the stop is required)',
  NOT_FINED: '本案没有罚款，无需缴纳 (no fine in this case)',
  ALREADY_PAID: '罚款已缴纳 (already paid)',
  RECORD_MISSING: (what: string) => `全过程记录不完整，缺少：${what}，不能结案（a required record is missing）`,
  DATE_ORDER: (field: string) => `「${field}」日期不正确（date out of order）`,
  NOT_PUBLISHED: '决定尚未公开 (not published)',
} as const;
