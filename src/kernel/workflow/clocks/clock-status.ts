import type { Calendar } from '../../calendar/calendar.ts';
import { toDayNumber, fromDayNumber } from '../../calendar/dates.ts';
import type { ClockKind, ClockState, ClockStatus } from './contract.ts';

/** What the status needs of a stored clock. */
export type ClockStatusInput = { state: ClockState; dueDate: string | null; areaPath: string; warnWorkdays: number; kind?: ClockKind };

/**
 * Working days left for the clock's area: those in (today, due] — 0 on the due date itself.
 * Once overdue, minus the working days in (due, today]. null while paused (no due date).
 */
export function workdaysLeft(clock: Pick<ClockStatusInput, 'dueDate' | 'areaPath'>, today: string, calendar: Calendar): number | null {
  if (clock.dueDate === null) return null;
  const t = toDayNumber(today);
  const due = toDayNumber(clock.dueDate);
  const [lo, hi, sign] = t <= due ? [t, due, 1] : [due, t, -1];
  let n = 0;
  for (let d = lo + 1; d <= hi; d++) if (calendar.isWorkday(fromDayNumber(d), clock.areaPath).workday) n++;
  return sign * n;
}

/**
 * running / paused / due_soon (at most warnWorkdays working days left) / overdue (today is
 * after the due date) / met / missed. Stopped clocks keep the state they stopped with. A period
 * (公示期) is never due soon nor overdue: it runs, then it has elapsed (期满).
 */
export function clockStatus(clock: ClockStatusInput, today: string, calendar: Calendar): ClockStatus {
  if (clock.state === 'met' || clock.state === 'missed') return clock.state;
  if (clock.state === 'paused' || clock.dueDate === null) return 'paused';
  if (clock.kind === 'period') return today > clock.dueDate ? 'elapsed' : 'running';
  if (today > clock.dueDate) return 'overdue';
  const left = workdaysLeft(clock, today, calendar)!;
  return left <= clock.warnWorkdays ? 'due_soon' : 'running';
}
