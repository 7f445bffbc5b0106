import type { Calendar } from '../../calendar/calendar.ts';
import { areaChain } from '../../calendar/calendar.ts';
import { ruleBasis, ruleZh } from '../../calendar/explain-text.ts';
import type { ClockRule, ClockSpec, Extension, Restart, Suspension } from './contract.ts';
import { walkClock, type ClockTraceEntry, type ClockWalk } from './walk-clock.ts';

/** applied: inside the counted period; no_effect: outside it; dropped: before a restart; open: still running. */
export type SuspensionEffect = 'applied' | 'no_effect' | 'dropped' | 'open';

/** 「为什么是这一天」 as data: shown on the case page, rendered by renderExplainText. */
export type ClockTrace = {
  name: string | null;
  label: string | null;
  legalBasis: string | null;
  rule: ClockRule;
  /** e.g. '15 个工作日', '60 日', '3 个月'. */
  ruleText: string;
  areaPath: string;
  /** 'label(code)' for each area on the path, region root first. */
  areaLabels: string[];
  startDate: string;
  /** The day counting starts after: the start date or the latest restart. */
  base: string;
  restart: Restart | null;
  entries: ClockTraceEntry[];
  suspensions: (Suspension & { effect: SuspensionEffect })[];
  extensions: (Extension & { applied: boolean })[];
  paused: boolean;
  /** While paused: the open suspension and what was left of the leg it stopped (null for months). */
  pausedBy: Suspension | null;
  remaining: ClockWalk['stoppedAt'];
  dueDate: string | null;
  /** Days counted (working days for 工作日 legs, calendar days for 日 legs; not the month shift). */
  countedDays: number;
  skippedRestDays: number;
  makeupWorkdays: number;
  /** Calendar days inside closed suspensions that lay in the period. */
  suspendedDays: number;
  calendarVersion: number;
  nationalSource: string;
  /** The clock's legal basis first, then the counting rules' (民法典、行政许可法 …). */
  basis: string[];
  warnings: string[];
};

export type ExplainClockInput = ClockSpec & { name?: string | null; label?: string | null; legalBasis?: string | null };

/** Every counted day, skipped rest day, 调休 working day, suspension, extension and restart of a clock. */
export function explainClock(calendar: Calendar, clock: ExplainClockInput, opts: { areaNames?: Readonly<Record<string, string>> } = {}): ClockTrace {
  const walk = walkClock(calendar, clock);
  const win = walk.window;
  const dropped = new Set(win.droppedSuspensions.map((s) => s.id));
  const effect = (s: Suspension): SuspensionEffect =>
    s.to === null ? 'open' : dropped.has(s.id) ? 'dropped' : walk.applied.has(s.id) ? 'applied' : 'no_effect';
  const applied = new Set(win.extensions.map((e) => e.id));
  let countedDays = 0;
  let skippedRestDays = 0;
  let makeupWorkdays = 0;
  let suspendedDays = 0;
  for (const e of walk.entries) {
    if (e.kind === 'count' && !e.shift) countedDays++;
    if (e.kind === 'count' && e.makeup) makeupWorkdays++;
    if (e.kind === 'skip' || e.kind === 'roll_forward') skippedRestDays++;
    if (e.kind === 'suspension') suspendedDays += e.days ?? 0;
  }
  const units = [clock.rule.unit, ...win.extensions.map((e) => e.unit)];
  const basis = [...(clock.legalBasis ? [`本期限：${clock.legalBasis}`] : []), ...new Set(units.flatMap((u) => ruleBasis(u, true)))];
  return {
    name: clock.name ?? null,
    label: clock.label ?? null,
    legalBasis: clock.legalBasis ?? null,
    rule: clock.rule,
    ruleText: ruleZh(clock.rule.unit, clock.rule.n),
    areaPath: clock.areaPath,
    areaLabels: areaChain(clock.areaPath).map((c) => {
      const name = opts.areaNames?.[c] ?? calendar.areaLabel(c);
      return name === c ? c : `${name}（${c}）`;
    }),
    startDate: clock.startDate,
    base: win.base,
    restart: win.restart,
    entries: walk.entries,
    suspensions: clock.suspensions.map((s) => ({ ...s, effect: effect(s) })),
    extensions: clock.extensions.map((e) => ({ ...e, applied: applied.has(e.id) })),
    paused: win.open !== null,
    pausedBy: win.open,
    remaining: win.open ? walk.stoppedAt : null,
    dueDate: win.open ? null : walk.dueDate,
    countedDays,
    skippedRestDays,
    makeupWorkdays,
    suspendedDays,
    calendarVersion: calendar.version,
    nationalSource: calendar.nationalSource,
    basis,
    warnings: walk.warnings,
  };
}
