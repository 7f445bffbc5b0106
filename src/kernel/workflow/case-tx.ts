import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { auditChainFor, recordAudit, seenHeadColumn, type SeenHead } from '../audit/record-audit.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { actorOrgIds } from './case-access.ts';
import type { DeferredClockWrite } from './clocks/clock-repository.ts';
import { recordInScope } from '../identity/scope.ts';
import { workflowOf, type CasePatch, type CaseRow } from './define-workflow.ts';
import { WORKFLOW_ERRORS, caseNotFound } from './errors.ts';

/** Lock a case row for a change (FOR UPDATE), checking read scope and the optimistic version. */
export async function lockCase(tx: AppContext, actor: Actor | null, caseId: string, expectedVersion?: number): Promise<CaseRow> {
  const c = (await tx.db.selectFrom('core.case').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst()) as CaseRow | undefined;
  return checkLockedCase(tx, actor, c, expectedVersion);
}

/** lockCase's checks for a row locked some other way: found, readable, at the version the actor saw. */
export async function checkLockedCase(tx: AppContext, actor: Actor | null, c: CaseRow | undefined, expectedVersion?: number): Promise<CaseRow> {
  if (!c) throw caseNotFound();
  if (actor && !(await canReadLocked(tx, actor, c))) throw caseNotFound();
  if (expectedVersion !== undefined && c.version !== expectedVersion)
    throw conflict('VERSION_CONFLICT', WORKFLOW_ERRORS.VERSION_CONFLICT, { expectedVersion, currentVersion: c.version });
  return c;
}

/** The case read rule (see caseReadable) for a row already loaded: scope first, handoff history only if needed. */
async function canReadLocked(tx: AppContext, actor: Actor, c: CaseRow): Promise<boolean> {
  if (recordInScope(actor, workflowOf(c.type).readPermission, { areaPath: c.area_path, orgUnitId: c.org_unit_id, ownerId: c.created_by })) return true;
  const orgs = actorOrgIds(actor);
  const h = await tx.db.selectFrom('core.case_handoff').select('id').where('case_id', '=', c.id).where('from_org_id', 'in', orgs).limit(1).executeTakeFirst();
  return !!h;
}

export type CaseChange = {
  transition: string;
  to: string;
  input?: unknown;
  comment?: string | null;
  patch?: CasePatch | void;
};

/**
 * Apply a state change to a locked case: update the row (version + 1), write the audit event
 * and the immutable case event linked to it, and record the actor as a participant.
 */
export async function writeCaseChange(tx: AppContext, actor: Actor, c: CaseRow, change: CaseChange): Promise<CaseRow> {
  const next = await nextCaseRow(tx, c, change);
  await saveCaseChange(tx, actor, c, next, change);
  return next;
}

/** The case row a change will leave (version + 1), not yet written; checks a new holding org unit. */
export async function nextCaseRow(tx: AppContext, c: CaseRow, change: CaseChange): Promise<CaseRow> {
  const def = workflowOf(c.type);
  const now = tx.clock.now();
  const patch = change.patch ?? {};
  if (patch.data && def.readFacts) throw factsInTables(def.type, change.transition);
  let area = { area_code: c.area_code, area_path: c.area_path };
  if (patch.org_unit_id && patch.org_unit_id !== c.org_unit_id) {
    const org = await tx.db.selectFrom('core.org_unit').select(['area_code', 'area_path', 'active']).where('id', '=', patch.org_unit_id).executeTakeFirst();
    if (!org || !org.active) throw new AppError('ORG_UNIT_NOT_FOUND', 400, WORKFLOW_ERRORS.ORG_UNIT_NOT_FOUND);
    area = { area_code: org.area_code, area_path: org.area_path };
  }
  const terminal = !!def.states[change.to]?.terminal;
  const next: CaseRow = {
    ...c,
    ...area,
    title: patch.title ?? c.title,
    org_unit_id: patch.org_unit_id ?? c.org_unit_id,
    assignee_id: patch.assignee_id === undefined ? c.assignee_id : patch.assignee_id,
    supervising_org_id: patch.supervising_org_id === undefined ? c.supervising_org_id : patch.supervising_org_id,
    data: patch.data ? { ...c.data, ...patch.data } : c.data,
    state: change.to,
    terminal,
    closed_at: terminal ? now : null,
    version: c.version + 1,
    updated_at: now,
  };
  return next;
}

/**
 * Write a change `nextCaseRow` prepared (its clock summary included). With `seen`, the audit chain's head as the step's
 * lock read it: the case row, the audit event, the new head, the case event and the step's `clockWrites` in one statement, which writes only if
 * that is still the head (else recordAudit locks the head and writes them again, on the head it then reads). Without
 * it: the case row in one update that also reads the head, then the audit event, the new head (locked from here to
 * commit) and the case event in one statement.
 */
export async function saveCaseChange(
  tx: AppContext,
  actor: Actor,
  c: CaseRow,
  next: CaseRow,
  change: CaseChange,
  seen?: SeenHead | null,
  clockWrites: readonly DeferredClockWrite[] = [],
): Promise<void> {
  if (seen === undefined && clockWrites.length) throw new Error('saveCaseChange: deferred clock writes need the head the lock read');
  const event = (auditEventId: string) =>
    caseEventWrites(
      tx,
      actor,
      c.id,
      { transition: change.transition, from: c.state, to: next.state, input: change.input, comment: change.comment, auditEventId },
      true,
    );
  let head = seen;
  if (seen === undefined) {
    head = (
      await tx.db
        .updateTable('core.case')
        .set(caseColumns(next))
        .where('id', '=', c.id)
        .returning(seenHeadColumn(auditChainFor(tx, 'case', c.id)).as('head'))
        .executeTakeFirstOrThrow()
    ).head;
  }
  await recordAudit(
    tx,
    {
      actor,
      action: `${c.type}.${change.transition}`,
      entityType: 'case',
      entityId: c.id,
      before: { state: c.state, version: c.version, orgUnitId: c.org_unit_id, assigneeId: c.assignee_id },
      after: { state: next.state, version: next.version, orgUnitId: next.org_unit_id, assigneeId: next.assignee_id, input: change.input ?? null },
      reason: change.comment ?? null,
      areaCode: next.area_code,
      areaPath: next.area_path,
      orgUnitId: next.org_unit_id,
    },
    seen === undefined
      ? event
      : (auditEventId) =>
          sql.join([
            caseRowWrite(c.id, next),
            event(auditEventId),
            ...clockWrites.map((w, i) => sql`${sql.raw(`kw${i}`)} as (${w(sql`exists (select 1 from ev)`)})`),
          ]),
    head,
  );
}

/** The columns a change writes to the case row. */
function caseColumns(next: CaseRow) {
  return {
    state: next.state,
    terminal: next.terminal,
    closed_at: next.closed_at,
    version: next.version,
    updated_at: next.updated_at,
    title: next.title,
    org_unit_id: next.org_unit_id,
    assignee_id: next.assignee_id,
    supervising_org_id: next.supervising_org_id,
    area_code: next.area_code,
    area_path: next.area_path,
    data: JSON.stringify(next.data),
    due_date: next.due_date,
    clock_state: next.clock_state,
  };
}

/** caseColumns as a data-modifying CTE of recordAudit's statement: written only if the audit event `ev` was. */
function caseRowWrite(caseId: string, next: CaseRow): RawBuilder<unknown> {
  const v = caseColumns(next);
  return sql`cu as (update core.case set state = ${v.state}, terminal = ${v.terminal}, closed_at = ${v.closed_at}, version = ${v.version},
      updated_at = ${v.updated_at}, title = ${v.title}, org_unit_id = ${v.org_unit_id}, assignee_id = ${v.assignee_id},
      supervising_org_id = ${v.supervising_org_id}, area_code = ${v.area_code}, area_path = ${v.area_path}, data = cast(${v.data} as jsonb),
      due_date = ${v.due_date}, clock_state = ${v.clock_state}
    where id = ${caseId} and exists (select 1 from ev))`;
}

type CaseEventInput = { transition: string; from: string | null; to: string; input?: unknown; comment?: string | null; auditEventId: string | null };

/** Append the immutable event (seq per case) and touch the participant row. */
export async function appendCaseEvent(tx: AppContext, actor: Actor, caseId: string, e: CaseEventInput): Promise<number> {
  const { seq } = (await sql<{ seq: number }>`with ${caseEventWrites(tx, actor, caseId, e)} select seq from cev`.execute(tx.db)).rows[0]!;
  return seq;
}

/**
 * The case event and the participant row as data-modifying CTEs (`cev` returns the seq), for
 * appendCaseEvent or (`inAudit`) recordAudit's statement, where they write only if the audit event `ev` was written.
 */
export function caseEventWrites(tx: AppContext, actor: Actor, caseId: string, e: CaseEventInput, inAudit = false): RawBuilder<unknown> {
  const now = tx.clock.now();
  const by = userRef(actor);
  const written = inAudit ? sql`exists (select 1 from ev)` : sql`true`;
  // seq = max + 1 under the case lock the caller holds; the participant row in the same statement.
  const participant = by
    ? sql`, cp as (insert into core.case_participant (case_id, user_id, last_acted_at) select ${caseId}, ${by}, ${now}::timestamptz where ${written}
        on conflict (case_id, user_id) do update set last_acted_at = excluded.last_acted_at)`
    : sql``;
  return sql`cev as (
        insert into core.case_event (case_id, seq, id, at, actor_id, actor_name, org_unit_id, transition, from_state, to_state, input, comment, audit_event_id)
        select ${caseId}, coalesce(max(seq), 0) + 1, ${uuidv7()}, ${now}, ${by}, ${actor.displayName}, ${by ? actor.orgUnitId : null},
          ${e.transition}, ${e.from}, ${e.to}, cast(${e.input === undefined ? null : JSON.stringify(e.input)} as jsonb), ${e.comment ?? null}, ${e.auditEventId}
        from core.case_event where case_id = ${caseId} having ${written}
        returning seq)${participant}`;
}

/** A workflow whose facts live in its module's tables (`readFacts`) may not also copy them into case.data. */
export const factsInTables = (type: string, step: string) =>
  new Error(`workflow ${type}: ${step} writes case.data, but this workflow keeps its facts in its module's tables (readFacts) — store them there`);
