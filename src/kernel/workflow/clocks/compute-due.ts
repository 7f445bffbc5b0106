import type { Calendar } from '../../calendar/calendar.ts';
import { clockWindow } from './clock-window.ts';
import type { ClockSpec } from './contract.ts';
import { walkClock } from './walk-clock.ts';

/**
 * The due date of a clock on this calendar, or null while it is paused (an open suspension).
 * Pure: the same record and calendar always give the same date. Semantics: README.md.
 */
export function computeDue(calendar: Calendar, clock: ClockSpec): string | null {
  if (clockWindow(clock).open) return null;
  return walkClock(calendar, clock).dueDate;
}
