/**
 * 信访 (petitions) module contract: enums, error codes and tunables other code may rely on.
 * 信访事项 petition · 重信重访 repeat petition · 越级上访 skip-level visit · 复查/复核 review/re-review.
 */
export const PETITION_TYPE = 'petition';

export const CHANNELS = ['来信', '来访', '网上信访', '电话', '上级转来'] as const;
/**
 * Where a 上级转来 item came from — a separate fact from its original form (a letter 民政部 forwards
 * is still a letter, 第十七条).
 */
export const SOURCE_BODIES = ['国家信访局', '民政部', '自治区信访局', '自治区政府', '人大', '政协', '12345', '其他'] as const;
/** The form in which the petitioner raised the matter (第十七条); for 上级转来 items given by the sender. */
export const ORIGINAL_FORMS = ['来信', '来访', '网上信访', '电话', '传真'] as const;
/** How a 受理 / 不予受理 notice reached the petitioner (第二十三条第二款: 书面告知). */
export const NOTICE_METHODS = ['当场书面告知', '邮寄送达', '网上告知', '短信告知'] as const;
/**
 * 第三十一条: 申诉求决 matters that belong in another procedure are routed into it (导入相应程序) rather
 * than answered with a 信访处理意见书; the outcome is recorded.
 */
export const ROUTING_TARGETS = [
  '诉讼',
  '仲裁',
  '行政复议',
  '行政裁决',
  '行政确认',
  '行政许可',
  '行政处罚',
  '低保申请',
  '特困供养申请',
  '临时救助申请',
  '党员申诉',
  '其他法定程序',
] as const;
export const CATEGORIES = ['建议意见', '检举控告', '申诉求决', '其他'] as const;
export const SUBJECTS = ['低保', '特困', '养老服务', '社会组织', '婚姻登记', '殡葬', '区划地名', '其他'] as const;
export const OPINIONS = ['支持', '解释说明', '不予支持'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;

export const SATISFACTION_CHANNELS = ['电话', '信函', '当面'] as const;
export const REVIEW_KINDS = ['复查', '复核'] as const;

/**
 * 不予受理 / 不再受理: the statutory reasons staff pick from (甄别), each with the guidance told
 * to the petitioner (告知途径). The article each rests on depends on the day of the act — 《信访条例》
 * (2005) before 2022-05-01, 《信访工作条例》 after: `law.ts` (`petitionLawOn(date).refusal[code]`).
 * "三个不予受理、两个不再受理" (2014 办法) is the practice behind the list (regulations.md §1.5).
 */
export const REFUSAL_REASONS = {
  statutory_route: {
    label: '已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决',
    guidance:
      '您反映的事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，请依照有关法律法规规定的程序，向人民法院、仲裁机构、行政复议机关等有关机关提出。',
  },
  not_competent: {
    label: '不属于本机关职权范围',
    guidance: '您反映的事项不属于本机关职权范围，请向有权处理的机关、单位提出。',
  },
  rechecked_final: {
    label: '已复核终结，同一事实和理由不再受理',
    guidance: '该信访事项已经复核终结。对复核意见不服，仍然以同一事实和理由提出投诉请求的，各级机关、单位不再受理。',
  },
  pending_upward: {
    label: '信访事项已经受理或者正在办理，在规定期限内向上级机关又提出同一信访事项',
    guidance: '您反映的事项已由原机关受理或者正在办理，请在办理期限内等待原机关的处理意见。',
  },
  skip_level_visit: {
    label: '越级走访（未到有权处理的本级或者上一级机关提出）',
    guidance: '请到有权处理的本级或者上一级机关、单位设立或者指定的接待场所提出信访事项。',
  },
} as const;
export type RefusalCode = keyof typeof REFUSAL_REASONS;
export const REFUSAL_CODES = Object.keys(REFUSAL_REASONS) as [RefusalCode, ...RefusalCode[]];

/**
 * Told to the handler when a registration resembles a matter of the same person already 复核终结.
 * Whether it is 「同一事实和理由」 is the handler's judgement (a new fact makes a new matter); the system never refuses it.
 */
export const FINAL_MATCH_GUIDANCE = (refNo: string) =>
  `与同一信访人已复核终结的信访事项 ${refNo} 内容相近：请核对是否有新的事实和理由（如新发生的疾病、新增刚性支出）。属同一事实和理由的，可选择「已复核终结，同一事实和理由不再受理」并写明判断理由；有新事实的，按新的信访事项办理。`;

/** 交办: the longest report deadline (办结报告期限) staff may set, in days. */
export const MAX_REPORT_DAYS = 90;

/**
 * Runtime settings (table petitions.setting, read through `petitionSetting`): the tunables of
 * this module and the rules regulations.md §1 marks unverified. Defaults apply until changed.
 */
export const SETTING_DEFAULTS = {
  /** 同事 threshold for 重信重访 (character-bigram Jaccard); a project choice, not law. */
  'repeat.similarityThreshold': 0.5,
  /** Area level (1 自治区 … 5 村) at which a 民政 matter is normally competent (县 = 3). */
  'intake.competentAreaLevel': 3,
  /** The org code that receives 网上信访 first. */
  'portal.intakeOrgCode': '640000-mzt-fgc',
  /** 复查/复核 may be requested within this many 日 of the written reply (第三十五条、第三十六条). */
  'review.requestDays': 30,
  /**
   * ❓M unverified (regulations.md §1.4): days after delivery within which a rating is taken;
   * 0 = no limit. No automatic 视为满意 is applied.
   */
  'satisfaction.rateWithinDays': 0,
  /**
   * The periods an office must keep, in 日. A setting may shorten them (stricter), never lengthen
   * them beyond the statute (settings.ts refuses it, naming the article).
   */
  /** 告知 whether accepted: 15 日 of receipt (第二十三条第二款、第三款). */
  'period.noticeDays': 15,
  /** 办结: 60 日 of 受理 (第三十四条). */
  'period.handleDays': 60,
  /** Longest extension of 办理 with the head's approval: 30 日 (第三十四条). */
  'period.extensionDays': 30,
  /** 复查意见: 30 日 of the request (第三十五条). */
  'period.reviewDays': 30,
  /** 复核意见: 30 日 of the request (第三十六条). */
  'period.recheckDays': 30,
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;

export const PETITION_ERRORS = {
  ID_NUMBER_INVALID: '身份证号',
  QUERY_FAILED: '查询码或信访事项编号不正确',
  NOT_DELIVERED: '信访事项尚未答复送达，暂不能评价或申请复查',
  ALREADY_RATED: '已评价过该信访事项',
  REVIEW_NOT_ALLOWED: '当前状态不能申请复查',
  RECHECK_NOT_ALLOWED: '当前状态不能申请复核（须在复查办结后提出）',
  RATE_WINDOW_CLOSED: '已超过满意度评价期限',
  SIMPLE_NOT_ELIGIBLE: '不符合简易办理条件',
  NOT_LEADER: '只有包案领导才能安排回头看或记录回头看结果',
  SETTINGS_FORBIDDEN: '只有自治区级具有督办权限的人员才能修改信访设置',
  AUTO_REFUSAL: '不予受理、不再受理须由承办人判断并写明理由，系统不自动作出',
} as const;

export const FIRST_TIME_SKIP_LEVEL_GUIDANCE =
  '首次越级走访：请向信访人宣传解释信访政策，引导其依法逐级走访（向有权处理的本级或上一级机关提出）；劝返无效的，联系属地市、县民政部门接回，必要时协调救助站提供救助和返程车费。';
export const REPEAT_GUIDANCE =
  '疑似重信重访（同人同事）：请核对原信访事项办理情况；已受理或正在办理的，告知信访人等待办理结果；已复核终结的，同一事实和理由不再受理。';
