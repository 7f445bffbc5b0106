/**
 * 政务公开 (disclosure) contract: case types, the answer kinds of 第三十六条 and 第三十七条 with the
 * rows of the 国办公开办函〔2021〕30号 request table they count in, applicant kinds (its columns),
 * channels (第三十一条), the 第二十条 categories and the error texts. See README.md.
 */
export const REQUEST_TYPE = 'disclosure_request';
export const ITEM_TYPE = 'disclosure_item';

export const LAW = '《中华人民共和国政府信息公开条例》';
export const art = (a: string) => `${LAW}${a}`;

/** 第三十一条: how the request arrived decides its receipt date. */
export const CHANNELS = ['网上申请', '当面提交', '挂号信函', '平常信函', '传真'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RECEIPT_RULE: Record<Channel, string> = {
  网上申请: '以双方确认之日为收到申请之日（第三十一条第（三）项）',
  当面提交: '以提交之日为收到申请之日（第三十一条第（一）项）',
  挂号信函: '以行政机关签收之日为收到申请之日（第三十一条第（二）项）',
  平常信函: '以行政机关与申请人确认之日为收到申请之日（第三十一条第（二）项）',
  传真: '以双方确认之日为收到申请之日（第三十一条第（三）项）',
};

/** The 30号 table's applicant columns. */
export const APPLICANT_KINDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The 30号 table's result groups (三、本年度办理结果 (一)–(六)). */
export const RESULT_GROUPS = ['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'] as const;

type Kind = { label: string; group: number; row: string; article: string; needsReasons: boolean };
/**
 * Every answer the office may give, the article it rests on and the report row it counts in
 * (group index into RESULT_GROUPS; `row` is the sub-row, empty for (一)/(二)).
 */
export const ANSWER_KINDS = {
  open: { label: '予以公开', group: 0, row: '', article: '第三十六条第（二）项', needsReasons: false },
  already_public: { label: '已主动公开，告知获取方式和途径', group: 0, row: '', article: '第三十六条第（一）项', needsReasons: false },
  partial: { label: '部分公开', group: 1, row: '', article: '第三十七条', needsReasons: true },
  secret: { label: '不予公开：属于国家秘密', group: 2, row: '1.属于国家秘密', article: '第十四条、第三十六条第（三）项', needsReasons: true },
  forbidden: {
    label: '不予公开：其他法律行政法规禁止公开',
    group: 2,
    row: '2.其他法律行政法规禁止公开',
    article: '第十四条、第三十六条第（三）项',
    needsReasons: true,
  },
  safety: { label: '不予公开：危及“三安全一稳定”', group: 2, row: '3.危及“三安全一稳定”', article: '第十四条、第三十六条第（三）项', needsReasons: true },
  third_party: {
    label: '不予公开：保护第三方合法权益',
    group: 2,
    row: '4.保护第三方合法权益',
    article: '第十五条、第三十二条、第三十六条第（三）项',
    needsReasons: true,
  },
  internal: {
    label: '不予公开：属于三类内部事务信息',
    group: 2,
    row: '5.属于三类内部事务信息',
    article: '第十六条第一款、第三十六条第（三）项',
    needsReasons: true,
  },
  process: {
    label: '不予公开：属于四类过程性信息',
    group: 2,
    row: '6.属于四类过程性信息',
    article: '第十六条第二款、第三十六条第（三）项',
    needsReasons: true,
  },
  enforcement: {
    label: '不予公开：属于行政执法案卷',
    group: 2,
    row: '7.属于行政执法案卷',
    article: '第十六条第二款、第三十六条第（三）项',
    needsReasons: true,
  },
  query: {
    label: '不予公开：属于行政查询事项（工商、不动产登记等）',
    group: 2,
    row: '8.属于行政查询事项',
    article: '第三十六条第（七）项',
    needsReasons: true,
  },
  not_held: {
    label: '无法提供：本机关不掌握相关政府信息（经检索没有）',
    group: 3,
    row: '1.本机关不掌握相关政府信息',
    article: '第三十六条第（四）项',
    needsReasons: false,
  },
  not_ours: { label: '无法提供：不属于本机关负责公开', group: 3, row: '1.本机关不掌握相关政府信息', article: '第三十六条第（五）项', needsReasons: true },
  must_create: { label: '无法提供：没有现成信息需要另行制作', group: 3, row: '2.没有现成信息需要另行制作', article: '第三十八条', needsReasons: false },
  unclear: { label: '无法提供：补正后申请内容仍不明确', group: 3, row: '3.补正后申请内容仍不明确', article: '第三十条', needsReasons: false },
  petition: { label: '不予处理：信访举报投诉类申请', group: 4, row: '1.信访举报投诉类申请', article: '第三十九条第一款', needsReasons: false },
  repeat: { label: '不予处理：重复申请', group: 4, row: '2.重复申请', article: '第三十六条第（六）项', needsReasons: false },
  publication: { label: '不予处理：要求提供公开出版物', group: 4, row: '3.要求提供公开出版物', article: '第三十九条第二款', needsReasons: false },
  mass: { label: '不予处理：无正当理由大量反复申请', group: 4, row: '4.无正当理由大量反复申请', article: '第三十五条', needsReasons: true },
  confirm: {
    label: '不予处理：要求行政机关确认或重新出具已获取信息',
    group: 4,
    row: '5.要求行政机关确认或重新出具已获取信息',
    article: '第三十九条第二款',
    needsReasons: false,
  },
  no_correction: {
    label: '其他处理：申请人无正当理由逾期不补正',
    group: 5,
    row: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    article: '第三十条',
    needsReasons: false,
  },
  fee_unpaid: {
    label: '其他处理：申请人逾期未按收费通知要求缴纳费用',
    group: 5,
    row: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    article: '第四十二条',
    needsReasons: false,
  },
  other: { label: '其他处理：其他', group: 5, row: '3.其他', article: '', needsReasons: true },
} as const satisfies Record<string, Kind>;
export type AnswerKind = keyof typeof ANSWER_KINDS;
export const ANSWER_KEYS = Object.keys(ANSWER_KINDS) as [AnswerKind, ...AnswerKind[]];
/** The answer kinds as the office picks them (their Chinese labels, the input's values). */
export const ANSWER_LABELS = ANSWER_KEYS.map((k) => ANSWER_KINDS[k].label) as [string, ...string[]];
export const answerKeyOf = (label: string): AnswerKind => ANSWER_KEYS.find((k) => ANSWER_KINDS[k].label === label)!;

/** The sub-rows of each result group in report order (distinct, as the 30号 table prints them). */
export const RESULT_ROWS: Array<{ group: number; row: string }> = RESULT_GROUPS.flatMap((_, g) => {
  const rows = [
    ...new Set(
      Object.values(ANSWER_KINDS)
        .filter((k) => k.group === g && k.row)
        .map((k) => k.row as string),
    ),
  ];
  return [{ group: g, row: '' }, ...rows.map((row) => ({ group: g, row }))];
});

/** 第二十条 categories (item (一)–(十五)) of proactively disclosed information. */
export const CATEGORIES = [
  '（一）行政法规、规章和规范性文件',
  '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '（四）国民经济和社会发展统计信息',
  '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '（七）财政预算、决算信息',
  '（八）行政事业性收费项目及其依据、标准',
  '（九）政府集中采购项目的目录、标准及实施情况',
  '（十）重大建设项目的批准和实施情况',
  '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '（十二）突发公共事件的应急预案、预警信息及应对情况',
  '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
] as const;
export const CATEGORY_NO = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'] as const;

export const VALIDITY = ['有效', '失效', '废止'] as const;

export const DISCLOSURE_ERRORS = {
  NOT_FOUND: '政府信息公开申请不存在或无权查看',
  ITEM_NOT_FOUND: '主动公开信息不存在或无权查看',
  QUERY_FAILED: '申请编号或查询码不正确（Reference number or query code is wrong）',
  RECEIVED_IN_FUTURE: '「收到申请日期」不能晚于今天（The receipt date cannot be in the future）',
  CORRECTION_ONCE: '补正只能一次性告知，本申请已告知过补正（A correction may be asked only once）',
  CORRECTION_LATE: '补正告知应在收到申请之日起 7 个工作日内作出，已超过期限（第三十条）（Too late to ask for a correction）',
  NOT_CORRECTING: '本申请不在待补正状态（The request is not awaiting correction）',
  NO_CORRECTION_ONLY: '待补正期间只能以“逾期不补正”办结（While awaiting correction, only “no correction” may close it）',
  NOT_CONSULTING: '本申请没有在征求第三方意见',
  REASONS_REQUIRED: '该答复类型须写明理由（Reasons are required for this answer）',
  PARTS_REQUIRED: '部分公开须分别写明公开的部分和不予公开的部分及理由（Partial disclosure needs both parts）',
  FEE_TOO_HIGH: '信息处理费须按标准收取，超过本平台设置的上限（The information-processing fee exceeds the standard）',
  FEE_ONLY_PROCESSING: '只能收取信息处理费，且仅在申请数量、频次明显超过合理范围时（第四十二条）',
  ITEM_FORMED_FUTURE: '「信息形成或变更日期」不能晚于今天',
  ITEM_ALREADY_WITHDRAWN: '该信息已撤回',
  CHANGE_FUTURE: '「变更日期」不能晚于今天（The change date cannot be in the future）',
  CHANGE_TOO_EARLY: (d: string) => `「变更日期」不能早于该信息公开或上次变更的日期 ${d}（The change date is before the last publication or change）`,
  CHANGE_NOTHING: '变更后的名称、内容概述和有效性与现行版本相同，无需变更（Nothing changed）',
  YEAR_INVALID: '年度须为 2008 年至今的四位年份',
} as const;
