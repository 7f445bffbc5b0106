import type { Calendar } from '../../calendar/calendar.ts';
import { clockWindow } from './clock-window.ts';
import type { ClockSpec } from './contract.ts';
import { walkClock } from './walk-clock.ts';

/** Due dates already walked, per calendar object (a new calendar version is a new object) and clock record. */
const walked = new WeakMap<Calendar, Map<string, string | null>>();
const MAX_CACHED = 10_000;

/**
 * The due date of a clock on this calendar, or null while it is paused (an open suspension).
 * Pure: the same record and calendar always give the same date. Semantics: README.md.
 * The walk builds the whole trace (every counted day with its reason), so its result is kept per
 * calendar and record: the cases a unit registers on one day share rule, start date and area.
 */
export function computeDue(calendar: Calendar, clock: ClockSpec): string | null {
  if (clockWindow(clock).open) return null;
  let byRecord = walked.get(calendar);
  if (!byRecord) walked.set(calendar, (byRecord = new Map()));
  const key = recordKey(clock);
  const hit = byRecord.get(key);
  if (hit !== undefined) return hit;
  const due = walkClock(calendar, clock).dueDate;
  if (byRecord.size >= MAX_CACHED) byRecord.clear();
  byRecord.set(key, due);
  return due;
}

/** Everything of a clock record the walk reads. */
function recordKey(k: ClockSpec): string {
  const history = k.suspensions.length || k.extensions.length || k.restarts.length ? JSON.stringify([k.suspensions, k.extensions, k.restarts]) : '';
  return `${k.areaPath}|${k.startDate}|${k.rule.unit}|${k.rule.n}|${history}`;
}
