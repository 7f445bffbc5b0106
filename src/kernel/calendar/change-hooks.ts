import type { AppContext } from '../../platform/context.ts';
import type { DayKind } from './contract.ts';

export type CalendarDayValue = { kind: DayKind; name: string; source: string | null };

/** One changed override row; areaPath null = the national layer (every area). */
export type CalendarDayChange = {
  date: string;
  areaCode: string | null;
  areaPath: string | null;
  before: CalendarDayValue | null;
  after: CalendarDayValue | null;
};

/** What one calendar version changed — the input for recomputing open deadline clocks. */
export type CalendarChange = { version: number; reason: string; changes: CalendarDayChange[] };

/**
 * Runs inside the transaction that made the change, after the rows and the version are
 * written, so a recomputation (and its audit) commits or rolls back with the change itself.
 * Read the new calendar with loadCalendar(tx), not a cache.
 */
export type CalendarChangeListener = (tx: AppContext, change: CalendarChange) => Promise<void>;

const listeners = new Set<CalendarChangeListener>();

/**
 * Subscribe to calendar changes (the workflow kernel registers its clock recomputation here
 * at startup). Returns the unsubscribe function.
 */
export function onCalendarChange(listener: CalendarChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function notifyCalendarChange(tx: AppContext, change: CalendarChange): Promise<void> {
  for (const l of [...listeners]) await l(tx, change);
}
