import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { auditChainFor, seenHeadColumn, type SeenHead } from '../audit/record-audit.ts';
import { primeTxCalendar } from '../calendar/load-calendar.ts';
import { clockWriteCount, toClock, type ClockRow } from './clocks/clock-repository.ts';
import type { DeadlineClock } from './clocks/contract.ts';
import type { CaseRow } from './define-workflow.ts';

/**
 * A step's locked case, with its clocks (locked too) as read in the same statement, and the head of the case's audit
 * chain as that statement saw it (not locked: recordAudit writes on it only if it is still the head).
 */
export type StepLock = { c: CaseRow; clocks: DeadlineClock[] | null; clockWrites: number; head: SeenHead | null };

type Row = CaseRow & {
  step_fresh: boolean;
  step_calendar_version: number | null;
  step_clocks: Array<Record<string, unknown>>;
  step_head: SeenHead | null;
};

/**
 * One statement for what a step reads first: the case row (FOR UPDATE), its clocks (FOR UPDATE,
 * oldest first), the calendar version and the audit chain's head (for saveCaseChange). The clocks are trusted only when the case row did not
 * move while this statement waited for its lock (its xmin is the one the statement's snapshot
 * sees): a step that held the lock may have started clocks this snapshot cannot see, and those
 * are then read again by the caller. undefined when there is no such case.
 */
export async function lockCaseWithClocks(tx: AppContext, caseId: string): Promise<StepLock | undefined> {
  const r = await sql<Row>`with k as (select * from core.deadline_clock where case_id = ${caseId} order by created_at, id for update)
    select c.*, c.xmin::text = (select s.xmin::text from core.case s where s.id = c.id) as step_fresh,
      (select max(version) from core.calendar_version) as step_calendar_version,
      (select coalesce(json_agg(to_jsonb(k) order by k.created_at, k.id), '[]'::json) from k) as step_clocks,
      ${seenHeadColumn(auditChainFor(tx, 'case', caseId))} as step_head
    from core.case c where c.id = ${caseId} for update of c`.execute(tx.db);
  const row = r.rows[0];
  if (!row) return undefined;
  const { step_fresh, step_calendar_version, step_clocks, step_head, ...c } = row;
  if (!step_fresh) return { c, clocks: null, clockWrites: clockWriteCount(tx), head: step_head };
  primeTxCalendar(tx, step_calendar_version ?? 0);
  return { c, clocks: step_clocks.map((k) => toClock(fromJson(k))), clockWrites: clockWriteCount(tx), head: step_head };
}

/** A clock row as to_jsonb gives it: its instants as text. */
function fromJson(k: Record<string, unknown>): ClockRow {
  const at = (v: unknown) => (v == null ? null : new Date(v as string));
  return { ...(k as ClockRow), stopped_at: at(k.stopped_at), created_at: at(k.created_at)!, updated_at: at(k.updated_at)! };
}
