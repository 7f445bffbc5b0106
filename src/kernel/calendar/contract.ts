/**
 * Public types of the working-day calendar (工作日日历). A date's status comes from layers:
 * the national layer (chinese-days + the project's own 国务院 override rows) and regional
 * layers keyed by area code (e.g. 宁夏 开斋节/古尔邦节 at 640000). See README.md.
 */

export const CALENDAR_PERMISSIONS = {
  /** 维护工作日日历 — enter or clear a holiday / make-up working day. */
  manage: 'calendar.manage',
} as const;

export const CALENDAR_ERRORS = {
  CALENDAR_DATE_INVALID: '日期无效，应为 YYYY-MM-DD 格式的真实日期',
  CALENDAR_AREA_UNKNOWN: '行政区划代码不存在',
  CALENDAR_DAY_NOT_FOUND: '该日期没有本地调整记录',
  CALENDAR_COUNT_INVALID: '期间数应为非负整数',
  CALENDAR_RULE_INVALID: '须且只须指定工作日、日、月之一',
  CALENDAR_SCOPE: '无权维护该地区的日历',
} as const;

/** 休息日 / 工作日 as an override row says it. */
export type DayKind = 'rest' | 'work';

/** One override row of a layer (national override or a regional layer). */
export type LayerEntry = {
  date: string;
  kind: DayKind;
  /** e.g. '开斋节', '春节'. */
  name: string;
  /** The notice it comes from, e.g. '宁政办发〔2018〕137号'. */
  source?: string | null;
};

/** chinese-days' bundled tables: date → 'English,中文,days'. */
export type PackageDays = {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
  inLieuDays: Readonly<Record<string, string>>;
};

/** Everything the pure engine needs; the loader builds it from chinese-days and the database. */
export type CalendarData = {
  /** core.calendar_version number the data was read at (0 = no local change yet). */
  version: number;
  /** e.g. 'chinese-days@1.5.7' — a package upgrade changes the national layer too. */
  nationalSource: string;
  packageDays: PackageDays;
  nationalOverrides: readonly LayerEntry[];
  /** Regional layers keyed by area code; a layer applies to its area and everything below. */
  regional: Readonly<Record<string, readonly LayerEntry[]>>;
  /** Short names for reasons, e.g. { '640000': '宁夏', '640423': '隆德县' }. */
  areaLabels?: Readonly<Record<string, string>>;
};

/**
 * What decided a day: workday (ordinary Mon–Fri), weekend (ordinary Sat/Sun), holiday
 * (national 法定节假日 or its weekend part), in_lieu (调休放假 weekday), makeup_workday
 * (调休上班), regional_holiday (地方节假日), adjusted_workday (a weekday explicitly marked work).
 */
export const DAY_CATEGORIES = ['workday', 'weekend', 'holiday', 'in_lieu', 'makeup_workday', 'regional_holiday', 'adjusted_workday'] as const;
export type DayCategory = (typeof DAY_CATEGORIES)[number];

export type LayerDecision = {
  /**
   * package = chinese-days; national = project override; regional = an area layer; statutory =
   * a festival of 《全国年节及纪念日放假办法》 in a year whose State Council notice is not entered.
   */
  layer: 'package' | 'national' | 'regional' | 'statutory';
  areaCode: string | null;
  kind: DayKind;
  name: string;
  source: string | null;
};

export type DayStatus = {
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  workday: boolean;
  category: DayCategory;
  /** Chinese, e.g. '周六，调休上班（春节）', '法定节假日：春节', '宁夏开斋节', '周末', '工作日'. */
  reason: string;
  /** Every layer entry that spoke about this date, national first. */
  decisions: LayerDecision[];
};

/** N 工作日 / N 日 / N 个月 */
export type PeriodUnit = 'workdays' | 'days' | 'months';

export type PeriodRule = { unit: PeriodUnit; n: number };

export type ComputeOptions = {
  /** Area path ('640000.640400.640423'); absent or null = the national calendar alone. */
  areaPath?: string | null;
  /** For days and months: move a rest-day last day to the next working day (民法典 第203条). Default true. */
  rollForward?: boolean;
  /** Display names for the areas on the path, for the 「适用地区」 line of the text. */
  areaNames?: Readonly<Record<string, string>>;
};

export type TraceStep =
  /** The day of receipt: not counted (民法典 第201条). */
  | { action: 'start'; date: string; reason: string }
  /** A counted day: a working day for N 工作日, any day for N 日. */
  | { action: 'count'; date: string; index: number; workday: boolean; makeup: boolean; reason: string }
  /** A rest day passed over while counting working days. */
  | { action: 'skip'; date: string; category: DayCategory; reason: string }
  /** N 个月: the corresponding day (or the month's last day) of the end month. */
  | { action: 'month_end'; date: string; clamped: boolean; workday: boolean; reason: string }
  /** A rest-day last day passed over by the roll-forward. */
  | { action: 'roll_forward'; date: string; category: DayCategory; reason: string }
  | { action: 'due'; date: string; reason: string };

export type Explanation = {
  from: string;
  rule: PeriodRule;
  areaPath: string | null;
  rollForward: boolean;
  /** The period's last day before any roll-forward. */
  periodEnd: string;
  dueDate: string;
  rolledForward: boolean;
  steps: TraceStep[];
  /** Counts for the summary line. */
  countedDays: number;
  skippedRestDays: number;
  makeupWorkdays: number;
  calendarVersion: number;
  nationalSource: string;
  /** Legal basis of the rule, Chinese. */
  basis: string[];
  /** E.g. a year whose 国务院 schedule has not been entered yet. */
  warnings: string[];
  /** 「为什么是这一天」 — the trace rendered in Chinese, one line per entry. */
  text: string;
};
