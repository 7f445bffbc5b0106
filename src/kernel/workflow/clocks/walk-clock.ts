import type { Calendar } from '../../calendar/calendar.ts';
import type { DayCategory, Explanation, PeriodRule } from '../../calendar/contract.ts';
import { fromDayNumber, toDayNumber } from '../../calendar/dates.ts';
import { clockWindow, type ClockWindow } from './clock-window.ts';
import type { ClockRule, ClockSpec, Extension, Suspension } from './contract.ts';

/**
 * One line of a clock's trace. `leg` 0 is the rule itself, 1… the extensions in the order
 * they apply; counted-day indexes restart with each leg (延长的第 1 日 …).
 */
export type ClockTraceEntry =
  | { kind: 'start'; date: string; reason: string }
  | { kind: 'restart'; date: string; reason: string; by: string; byName: string | null; droppedSuspensions: number; droppedExtensions: number }
  | { kind: 'leg'; leg: number; from: string; rule: ClockRule; extension: Extension | null }
  /** shift: a day counted to make up suspended days of a month period. */
  | { kind: 'count'; leg: number; date: string; index: number; workday: boolean; makeup: boolean; shift: boolean; reason: string }
  | { kind: 'skip'; leg: number; date: string; category: DayCategory; reason: string }
  | { kind: 'month_end'; leg: number; date: string; clamped: boolean; workday: boolean; reason: string }
  /** days/workdays: calendar and working days in [from, to); null while still open. */
  | { kind: 'suspension'; date: string; suspension: Suspension; days: number | null; workdays: number | null }
  | { kind: 'shift'; leg: number; date: string; days: number }
  | { kind: 'roll_forward'; leg: number; date: string; category: DayCategory; reason: string }
  | { kind: 'due'; leg: number; date: string; reason: string };

export type ClockWalk = {
  window: ClockWindow;
  entries: ClockTraceEntry[];
  /** The end of the last leg reached; null when an open suspension stopped the walk. */
  dueDate: string | null;
  /** Where an open suspension stopped the walk: what was left of the leg (null for months). */
  stoppedAt: { leg: number; unit: ClockRule['unit']; remaining: number | null } | null;
  /** Ids of the suspensions that lay inside the walked period. */
  applied: Set<string>;
  warnings: string[];
};

type Span = { s: Suspension; from: number; to: number | null };
type W = {
  cal: Calendar;
  area: string;
  spans: Span[];
  entries: ClockTraceEntry[];
  applied: Set<string>;
  warnings: Set<string>;
  leg: number;
  stoppedAt: ClockWalk['stoppedAt'];
};

const dn = toDayNumber;
const iso = fromDayNumber;

/**
 * Walk a clock's period leg by leg on the calendar. Each stretch between suspensions is
 * counted by the calendar's own explain(), so counting, skipping and roll-forward (and their
 * reasons) are the calendar's; this only cuts the stretches at suspensions and joins them.
 */
export function walkClock(cal: Calendar, spec: ClockSpec): ClockWalk {
  const window = clockWindow(spec);
  const spans = window.suspensions.filter((s) => s.to === null || s.to > s.from).map((s) => ({ s, from: dn(s.from), to: s.to === null ? null : dn(s.to) }));
  const w: W = { cal, area: spec.areaPath, spans, entries: [], applied: new Set(), warnings: new Set(), leg: 0, stoppedAt: null };
  w.entries.push({ kind: 'start', date: spec.startDate, reason: cal.dayStatus(spec.startDate, spec.areaPath).reason });
  const r = window.restart;
  if (r) {
    w.entries.push({
      kind: 'restart',
      date: r.at,
      reason: r.reason,
      by: r.by,
      byName: r.byName ?? null,
      droppedSuspensions: window.droppedSuspensions.length,
      droppedExtensions: window.droppedExtensions.length,
    });
  }
  const legs = [{ rule: spec.rule, extension: null as Extension | null }, ...window.extensions.map((e) => ({ rule: { unit: e.unit, n: e.n }, extension: e }))];
  let due: string | null = window.base;
  for (const [i, leg] of legs.entries()) {
    w.leg = i;
    w.entries.push({ kind: 'leg', leg: i, from: due, rule: leg.rule, extension: leg.extension });
    due =
      leg.rule.unit === 'workdays'
        ? workdaysLeg(w, due, leg.rule.n)
        : leg.rule.unit === 'days'
          ? daysLeg(w, due, leg.rule.n, false)
          : monthsLeg(w, due, leg.rule.n);
    if (due === null) break;
    w.entries.push({ kind: 'due', leg: i, date: due, reason: cal.dayStatus(due, spec.areaPath).reason });
  }
  return { window, entries: w.entries, dueDate: due, stoppedAt: w.stoppedAt, applied: w.applied, warnings: [...w.warnings] };
}

function explain(w: W, from: string, rule: PeriodRule, rollForward = true): Explanation {
  const e = w.cal.explain(from, rule, { areaPath: w.area, rollForward });
  for (const x of e.warnings) w.warnings.add(x);
  return e;
}

/** The first suspension covering a day after `cursor`. */
function nextSpan(w: W, cursor: number): Span | undefined {
  return w.spans.find((sp) => sp.to === null || sp.to > cursor + 1);
}

/** Record the suspension in the trace (once); false when it is open and the walk must stop. */
function applySpan(w: W, sp: Span, unit: ClockRule['unit'], remaining: number | null): boolean {
  if (!w.applied.has(sp.s.id)) {
    w.applied.add(sp.s.id);
    let workdays: number | null = null;
    if (sp.to !== null) {
      workdays = 0;
      for (let d = sp.from; d < sp.to; d++) if (w.cal.isWorkday(iso(d), w.area).workday) workdays++;
    }
    w.entries.push({ kind: 'suspension', date: sp.s.from, suspension: sp.s, days: sp.to === null ? null : sp.to - sp.from, workdays });
  }
  if (sp.to !== null) return true;
  w.stoppedAt = { leg: w.leg, unit, remaining };
  return false;
}

/** N 工作日: working days outside suspensions. */
function workdaysLeg(w: W, from: string, n: number): string | null {
  let cursor = from;
  let remaining = n;
  let index = 0;
  while (remaining > 0) {
    const span = nextSpan(w, dn(cursor));
    const e = explain(w, cursor, { unit: 'workdays', n: remaining });
    const limit = span && span.from <= dn(e.dueDate) ? span.from : null;
    for (const st of e.steps) {
      if (limit !== null && dn(st.date) >= limit) break;
      if (st.action === 'count') {
        remaining--;
        w.entries.push({ kind: 'count', leg: w.leg, date: st.date, index: ++index, workday: true, makeup: st.makeup, shift: false, reason: st.reason });
      } else if (st.action === 'skip') {
        w.entries.push({ kind: 'skip', leg: w.leg, date: st.date, category: st.category, reason: st.reason });
      }
    }
    if (!span || limit === null) return e.dueDate;
    if (!applySpan(w, span, 'workdays', remaining)) return null;
    cursor = iso(span.to! - 1);
  }
  return cursor;
}

/** N 日: k calendar days outside suspensions, then the roll-forward. */
function daysLeg(w: W, from: string, k: number, shift: boolean): string | null {
  let cursor = dn(from);
  let remaining = k;
  let index = 0;
  while (remaining > 0) {
    const span = nextSpan(w, cursor);
    const m = Math.min(remaining, span ? Math.max(0, span.from - cursor - 1) : remaining);
    if (m > 0) {
      for (const st of explain(w, iso(cursor), { unit: 'days', n: m }, false).steps) {
        if (st.action === 'count')
          w.entries.push({ kind: 'count', leg: w.leg, date: st.date, index: ++index, workday: st.workday, makeup: st.makeup, shift, reason: st.reason });
      }
      remaining -= m;
      cursor += m;
    }
    if (remaining > 0) {
      if (!applySpan(w, span!, 'days', remaining)) return null;
      cursor = span!.to! - 1;
    }
  }
  return rollForward(w, cursor);
}

/** The first day from `cursor` on that is a working day and not suspended. */
function rollForward(w: W, cursor: number): string | null {
  for (;;) {
    const cover = w.spans.find((sp) => sp.from <= cursor && (sp.to === null || sp.to > cursor));
    if (cover) {
      if (!applySpan(w, cover, 'days', 0)) return null;
      cursor = cover.to!;
      continue;
    }
    const e = explain(w, iso(cursor), { unit: 'days', n: 0 });
    const span = nextSpan(w, cursor);
    const limit = span && span.from <= dn(e.dueDate) ? span.from : null;
    for (const st of e.steps) {
      if (st.action === 'roll_forward' && (limit === null || dn(st.date) < limit)) {
        w.entries.push({ kind: 'roll_forward', leg: w.leg, date: st.date, category: st.category, reason: st.reason });
      }
    }
    if (!span || limit === null) return e.dueDate;
    if (!applySpan(w, span, 'days', 0)) return null;
    cursor = span.to!;
  }
}

/**
 * N 个月: the corresponding day (民法典 第202条), moved on by the calendar days suspended
 * inside the period (days that are themselves outside suspensions), then the roll-forward.
 */
function monthsLeg(w: W, from: string, n: number): string | null {
  const e = explain(w, from, { unit: 'months', n }, false);
  const end = dn(e.periodEnd);
  let k = 0;
  for (const sp of w.spans) {
    const lo = Math.max(sp.from, dn(from) + 1);
    const hi = Math.min(sp.to ?? Infinity, end + 1);
    if (hi <= lo) continue;
    if (!applySpan(w, sp, 'months', null)) return null;
    k += hi - lo;
  }
  const me = e.steps.find((s) => s.action === 'month_end');
  if (me?.action === 'month_end') w.entries.push({ kind: 'month_end', leg: w.leg, date: me.date, clamped: me.clamped, workday: me.workday, reason: me.reason });
  if (k > 0) w.entries.push({ kind: 'shift', leg: w.leg, date: e.periodEnd, days: k });
  return daysLeg(w, e.periodEnd, k, true);
}
