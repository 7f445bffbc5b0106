import type { DayStatus, PeriodRule, TraceStep } from './contract.ts';
import { addDaysIso, addMonthsIso, fromDayNumber, toDayNumber } from './dates.ts';

/** Upper bounds that keep one computation cheap; no administrative period comes near them. */
export const MAX_COUNT = { workdays: 5000, days: 36_600, months: 1200 } as const;

/**
 * A run of rest days longer than this means broken layer data (e.g. a whole year entered as
 * rest), not a real calendar: fail loudly instead of looping for years.
 */
const MAX_REST_RUN = 366;

export function validateRule(rule: PeriodRule): void {
  if (!(rule.unit in MAX_COUNT)) throw new RangeError(`未知的期间单位 / unknown unit: ${String(rule.unit)}`);
  if (!Number.isSafeInteger(rule.n) || rule.n < 0) throw new RangeError(`期间数应为非负整数 / count must be a non-negative integer: ${rule.n}`);
  if (rule.n > MAX_COUNT[rule.unit]) throw new RangeError(`期间数过大 / count too large: ${rule.n} > ${MAX_COUNT[rule.unit]}`);
}

export type PeriodResult = {
  periodEnd: string;
  dueDate: string;
  rolledForward: boolean;
  steps: TraceStep[];
  countedDays: number;
  skippedRestDays: number;
  makeupWorkdays: number;
};

/**
 * Count a period from `from` (the day of receipt, never counted — 民法典 第201条). With
 * `trace` off no steps are kept, so deadline sweeps over many cases stay cheap.
 */
export function computePeriod(
  days: { status: (date: string) => DayStatus; isWorkday: (date: string) => boolean },
  from: string,
  rule: PeriodRule,
  rollForward: boolean,
  trace: boolean,
): PeriodResult {
  // Without a trace only the boolean is needed; with one, the full status and its reason.
  const status = days.status;
  const isWork = trace ? (d: string) => status(d).workday : days.isWorkday;
  const steps: TraceStep[] = [];
  const push = (s: TraceStep) => steps.push(s);
  if (trace) push({ action: 'start', date: from, reason: status(from).reason });
  let skipped = 0;
  let makeup = 0;

  if (rule.unit === 'workdays') {
    let d = from;
    let dn = toDayNumber(from);
    let counted = 0;
    let restRun = 0;
    while (counted < rule.n) {
      d = fromDayNumber(++dn);
      if (isWork(d)) {
        counted++;
        restRun = 0;
        if (trace) {
          const s = status(d);
          const isMakeup = s.category === 'makeup_workday';
          if (isMakeup) makeup++;
          push({ action: 'count', date: d, index: counted, workday: true, makeup: isMakeup, reason: s.reason });
        }
      } else {
        skipped++;
        if (++restRun > MAX_REST_RUN) throw new RangeError(`连续休息日超过 ${MAX_REST_RUN} 天，日历数据有误 / calendar data broken near ${d}`);
        if (trace) {
          const s = status(d);
          push({ action: 'skip', date: d, category: s.category, reason: s.reason });
        }
      }
    }
    if (trace) push({ action: 'due', date: d, reason: status(d).reason });
    return { periodEnd: d, dueDate: d, rolledForward: false, steps, countedDays: counted, skippedRestDays: skipped, makeupWorkdays: makeup };
  }

  let end: string;
  if (rule.unit === 'days') {
    end = addDaysIso(from, rule.n);
    if (trace) {
      for (let i = 1; i <= rule.n; i++) {
        const d = addDaysIso(from, i);
        const s = status(d);
        if (s.category === 'makeup_workday') makeup++;
        push({ action: 'count', date: d, index: i, workday: s.workday, makeup: s.category === 'makeup_workday', reason: s.reason });
      }
    }
  } else {
    const m = addMonthsIso(from, rule.n);
    end = m.date;
    if (trace) {
      const s = status(end);
      push({ action: 'month_end', date: end, clamped: m.clamped, workday: s.workday, reason: s.reason });
    }
  }

  let due = end;
  if (rollForward) {
    let restRun = 0;
    while (!isWork(due)) {
      if (trace) {
        const s = status(due);
        push({ action: 'roll_forward', date: due, category: s.category, reason: s.reason });
      }
      skipped++;
      if (++restRun > MAX_REST_RUN) throw new RangeError(`连续休息日超过 ${MAX_REST_RUN} 天，日历数据有误 / calendar data broken near ${due}`);
      due = addDaysIso(due, 1);
    }
  }
  if (trace) push({ action: 'due', date: due, reason: status(due).reason });
  const countedDays = rule.unit === 'days' ? rule.n : 0;
  return { periodEnd: end, dueDate: due, rolledForward: due !== end, steps, countedDays, skippedRestDays: skipped, makeupWorkdays: makeup };
}
