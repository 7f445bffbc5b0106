/**
 * Public types of deadline clocks (期限计时). A clock belongs to a case and records its rule
 * (N 工作日 / N 日 / N 个月), legal basis, start, the calendar version it was computed on,
 * suspensions (中止: 补正, 第三方意见, 鉴定, 听证 — time not counted), approved extensions
 * (延长), restarts (重新计算) and its due date. Semantics: README.md.
 */
import type { PeriodUnit } from '../../calendar/contract.ts';

export type ClockUnit = PeriodUnit;
export type ClockRule = { unit: ClockUnit; n: number };

/** 补正 / 征求第三方意见 / 鉴定 / 听证 / 其他 */
export type SuspensionKind = 'correction' | 'third_party' | 'appraisal' | 'hearing' | 'other';

export const SUSPENSION_KINDS: readonly SuspensionKind[] = ['correction', 'third_party', 'appraisal', 'hearing', 'other'];

/** Default Chinese label of each kind, used when the caller gives none. */
export const SUSPENSION_LABELS: Record<SuspensionKind, string> = {
  correction: '补正',
  third_party: '征求第三方意见',
  appraisal: '鉴定',
  hearing: '听证',
  other: '其他中止事由',
};

/** 中止: the days in [from, to) are not counted; to = null while still suspended (paused). */
export type Suspension = {
  id: string;
  kind: SuspensionKind;
  label: string;
  reason: string;
  from: string;
  to: string | null;
  /** Who recorded it (user id) and, for the explanation, their name. */
  by: string;
  byName?: string | null;
};

/** 延长: n units counted from the due date current when it is applied. `at` is the approval date. */
export type Extension = {
  id: string;
  n: number;
  unit: ClockUnit;
  approvedBy: string;
  approvedByName: string;
  reason: string;
  at: string;
};

/** 重新计算: the period counts afresh from `at` (not counted itself). */
export type Restart = { at: string; reason: string; by: string; byName?: string | null };

/** Stored state. due_soon and overdue are derived from the due date and today (clockStatus). */
export type ClockState = 'running' | 'paused' | 'met' | 'missed';
/** elapsed: a period (kind 'period') whose last day has passed — 期满, not overdue. */
export type ClockStatus = 'running' | 'paused' | 'due_soon' | 'overdue' | 'met' | 'missed' | 'elapsed';
/** deadline: a day to act by (受理期限, 办理期限); period: a time that must elapse (公示期, 异议期, a window for the other side). */
export type ClockKind = 'deadline' | 'period';

/** Everything the pure computation needs. */
export type ClockSpec = {
  rule: ClockRule;
  startDate: string;
  /** Whose calendar applies (area path, e.g. '640000.640400.640423'). */
  areaPath: string;
  suspensions: readonly Suspension[];
  extensions: readonly Extension[];
  restarts: readonly Restart[];
};

/** A core.deadline_clock row, camelCased. */
export type DeadlineClock = ClockSpec & {
  id: string;
  caseId: string;
  /** Unique per case: 'triage', 'acknowledge:<handoffId>', 'handle' … */
  name: string;
  /** Chinese, e.g. '甄别受理期限'. */
  label: string;
  kind: ClockKind;
  /** Text with the article, e.g. '《信访工作条例》第二十二条'. */
  legalBasis: string | null;
  areaCode: string;
  calendarVersion: number;
  warnWorkdays: number;
  dueDate: string | null;
  state: ClockState;
  stoppedAt: Date | null;
  /** Idempotency markers of the reminder / overdue timers (the due date they fired for). */
  remindedFor: string | null;
  overdueFor: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What every command returns, so the caller can reschedule timers and audit. */
export type ClockChange = { clock: DeadlineClock; dueChanged: boolean; previousDue: string | null };

export const CLOCK_ERRORS = {
  CLOCK_NOT_FOUND: '期限计时',
  CLOCK_EXISTS: '该案件已有同名的期限计时',
  CLOCK_STOPPED: '期限计时已结束，不能再变更',
  CLOCK_ALREADY_PAUSED: '期限计时已中止，须先恢复计算才能再次中止',
  CLOCK_NOT_PAUSED: '期限计时未中止，无需恢复计算',
  CLOCK_DATE_INVALID: '日期无效，应为 YYYY-MM-DD 格式的真实日期',
  CLOCK_DATE_FUTURE: '日期不能晚于今天',
  CLOCK_BEFORE_START: '日期不能早于期限的起算日（或重新计算之日）',
  CLOCK_SUSPENSION_OVERLAP: '中止期间不能与已有的中止期间重叠',
  CLOCK_RESUME_BEFORE_SUSPEND: '恢复计算的日期不能早于中止开始的日期',
  CLOCK_ALREADY_DUE: '期限已届满，不能再中止或延长',
  CLOCK_RULE_INVALID: '期限规则无效：单位须为工作日、日或月，期间数须为不超过上限的非负整数',
  CLOCK_AREA_INVALID: '地区无效：地区路径须以该地区代码结尾',
  CLOCK_FIELD_REQUIRED: '必填项不能为空',
  CLOCK_SUSPENSION_KIND: '中止事由类型无效',
} as const;

export type ClockErrorCode = keyof typeof CLOCK_ERRORS;
