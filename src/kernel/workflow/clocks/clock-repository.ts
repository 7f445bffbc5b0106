import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { DeadlineClockTable } from '../../../platform/db/tables/cases.ts';
import { notFound } from '../../../platform/errors.ts';
import { currentCalendar } from '../../calendar/load-calendar.ts';
import { computeDue } from './compute-due.ts';
import {
  CLOCK_ERRORS,
  type ClockChange,
  type ClockSpec,
  type ClockState,
  type DeadlineClock,
  type Extension,
  type Restart,
  type Suspension,
} from './contract.ts';

/** The calendar for clock commands: the shared cache, which re-reads when the version moved. */
export const clockCalendars = { get: currentCalendar };

export type ClockRow = Selectable<DeadlineClockTable>;

/** Clock writes per transaction: a step re-reads the clocks it locked when its effect wrote any. */
const clockWrites = new WeakMap<object, number>();
export const noteClockWrite = (tx: AppContext): void => void clockWrites.set(tx.db, clockWriteCount(tx) + 1);
export const clockWriteCount = (tx: AppContext): number => clockWrites.get(tx.db) ?? 0;

export function toClock(r: ClockRow): DeadlineClock {
  return {
    id: r.id,
    caseId: r.case_id,
    name: r.name,
    label: r.label,
    kind: r.kind,
    rule: { unit: r.rule_unit, n: r.rule_n },
    legalBasis: r.legal_basis,
    areaCode: r.area_code,
    areaPath: r.area_path,
    startDate: r.start_date,
    calendarVersion: r.calendar_version,
    suspensions: (r.suspensions ?? []) as Suspension[],
    extensions: (r.extensions ?? []) as Extension[],
    restarts: (r.restarts ?? []) as Restart[],
    warnWorkdays: r.warn_workdays,
    dueDate: r.due_date,
    state: r.state,
    stoppedAt: r.stopped_at,
    remindedFor: r.reminded_for,
    overdueFor: r.overdue_for,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The clock row, locked until the transaction ends; 404 when the case has no such clock. */
export async function lockClock(tx: AppContext, caseId: string, name: string): Promise<DeadlineClock> {
  const row = await tx.db.selectFrom('core.deadline_clock').selectAll().where('case_id', '=', caseId).where('name', '=', name).forUpdate().executeTakeFirst();
  if (!row) throw notFound(CLOCK_ERRORS.CLOCK_NOT_FOUND, 'CLOCK_NOT_FOUND');
  return toClock(row);
}

export type ClockUpdate = Partial<Pick<DeadlineClock, 'suspensions' | 'extensions' | 'restarts'>> & {
  /** A fixed state, or one decided on the recomputed due date (stopClock: met / missed). */
  state?: ClockState | ((dueDate: string | null) => ClockState);
  stoppedAt?: Date | null;
};

/**
 * A clock write left for the statement that writes the case row at the end of a step (saveCaseChange): `when` is the
 * condition that statement writes under.
 */
export type DeferredClockWrite = (when: RawBuilder<unknown>) => RawBuilder<unknown>;

/**
 * Apply a change to the record, recompute the due date on the current calendar and store
 * both with the calendar version. A running clock becomes paused while a suspension is open
 * and running again when it closes; stopped clocks keep the state they are given. With `defer`,
 * the update is added to it instead of run, and the clock returned is the row it will write.
 */
export async function saveClock(tx: AppContext, before: DeadlineClock, update: ClockUpdate, defer?: DeferredClockWrite[]): Promise<ClockChange> {
  const spec: ClockSpec = {
    rule: before.rule,
    startDate: before.startDate,
    areaPath: before.areaPath,
    suspensions: update.suspensions ?? before.suspensions,
    extensions: update.extensions ?? before.extensions,
    restarts: update.restarts ?? before.restarts,
  };
  const calendar = await clockCalendars.get(tx);
  const dueDate = computeDue(calendar, spec);
  const state: ClockState =
    typeof update.state === 'function'
      ? update.state(dueDate)
      : (update.state ?? (before.state === 'met' || before.state === 'missed' ? before.state : dueDate === null ? 'paused' : 'running'));
  noteClockWrite(tx);
  const values = {
    suspensions: JSON.stringify(spec.suspensions),
    extensions: JSON.stringify(spec.extensions),
    restarts: JSON.stringify(spec.restarts),
    due_date: dueDate,
    calendar_version: calendar.version,
    state,
    stopped_at: update.stoppedAt !== undefined ? update.stoppedAt : before.stoppedAt,
    updated_at: tx.clock.now(),
  };
  const changed = (clock: DeadlineClock): ClockChange => ({ clock, dueChanged: before.dueDate !== dueDate, previousDue: before.dueDate });
  if (defer) {
    const v = values;
    defer.push(
      (when) => sql`update core.deadline_clock set suspensions = cast(${v.suspensions} as jsonb), extensions = cast(${v.extensions} as jsonb),
          restarts = cast(${v.restarts} as jsonb), due_date = ${v.due_date}, calendar_version = ${v.calendar_version}, state = ${v.state},
          stopped_at = ${v.stopped_at}, updated_at = ${v.updated_at}
        where id = ${before.id} and ${when}`,
    );
    return changed({
      ...before,
      suspensions: spec.suspensions,
      extensions: spec.extensions,
      restarts: spec.restarts,
      dueDate,
      calendarVersion: calendar.version,
      state,
      stoppedAt: v.stopped_at,
      updatedAt: v.updated_at,
    });
  }
  const row = await tx.db.updateTable('core.deadline_clock').set(values).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
  return changed(toClock(row));
}
