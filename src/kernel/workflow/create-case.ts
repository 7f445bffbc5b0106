import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { auditChainFor, recordAudit, seenHeadColumn, type SeenHead } from '../audit/record-audit.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { partyFacts } from './case-access.ts';
import { startTransitionClocks } from './case-clocks.ts';
import { caseEventWrites, factsInTables } from './case-tx.ts';
import { checkWho } from './decide.ts';
import { workflowOf, type CaseRow } from './define-workflow.ts';
import { refusalError, WORKFLOW_ERRORS } from './errors.ts';
import { chinaYear } from '../../platform/china-time.ts';
import { primeTxCalendar } from '../calendar/load-calendar.ts';
import { refNoCounter, refNoText } from './ref-number.ts';

export type CreateCaseInput = {
  type: string;
  title: string;
  /** The org unit that registers and first holds the case. */
  orgUnitId: string;
  input?: unknown;
  supervisingOrgId?: string | null;
  assigneeId?: string | null;
  comment?: string | null;
  /** System-created cases (imports, schedules) skip the who-check. */
  system?: boolean;
};

/**
 * Register a new case: initial state, effect, starting clocks, then the reference number (gapless per type, area and
 * year), the audit event and the first case event — the shared counter row and audit chain head last, so that a unit's
 * registrations wait on each other only for those statements and the commit. The effect and the clocks see a placeholder
 * reference number.
 */
export async function createCase(ctx: AppContext, actor: Actor, req: CreateCaseInput): Promise<CaseRow> {
  const def = workflowOf(req.type);
  const title = req.title.trim();
  if (!title || title.length > 200) throw badRequest('VALIDATION_FAILED', '标题不能为空且不超过 200 字', { field: 'title' });
  const input: unknown = def.create.input ? parseInput(def.create.input, req.input) : req.input;
  return withTx(ctx, async (tx) => {
    // The calendar version in the same statement: the clocks below count on it without asking again.
    const org = await tx.db
      .selectFrom('core.org_unit')
      .select(['id', 'area_code', 'area_path', 'active', sql<number | null>`(select max(version) from core.calendar_version)`.as('calendar_version')])
      .where('id', '=', req.orgUnitId)
      .executeTakeFirst();
    if (org) primeTxCalendar(tx, org.calendar_version ?? 0);
    if (!org || !org.active) throw new AppError('ORG_UNIT_NOT_FOUND', 400, WORKFLOW_ERRORS.ORG_UNIT_NOT_FOUND, { field: 'orgUnitId' });
    const now = tx.clock.now();
    const draft = { org_unit_id: org.id, assignee_id: req.assigneeId ?? null, created_by: actor.userId, area_path: org.area_path };
    if (!req.system) {
      const refusal = checkWho(def.create.who, def.create.label, partyFacts(actor, draft));
      if (refusal) throw refusalError(refusal);
    }
    if (def.create.reasonRequired && !req.comment?.trim()) throw badRequest('REASON_REQUIRED', WORKFLOW_ERRORS.REASON_REQUIRED, { field: 'comment' });
    const id = uuidv7();
    const ref = { prefix: def.refPrefix, type: def.type, areaCode: org.area_code, year: chinaYear(now) };
    const row: CaseRow = {
      id,
      type: def.type,
      // A placeholder until the last statements draw the number (the unit's counter is held from there to commit).
      ref_no: `~${id}`,
      title,
      state: def.initial,
      area_code: org.area_code,
      area_path: org.area_path,
      org_unit_id: org.id,
      assignee_id: req.assigneeId ?? null,
      created_by: req.system ? null : userRef(actor),
      supervising_org_id: req.supervisingOrgId ?? null,
      data: {},
      terminal: false,
      pending_handoff: false,
      due_date: null,
      clock_state: null,
      version: 1,
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    await tx.db
      .insertInto('core.case')
      .values({ ...row, data: '{}' })
      .execute();
    const patch = await def.create.effect?.({ tx, case: row, input, actor });
    if (patch?.data && def.readFacts) throw factsInTables(def.type, 'create');
    if (patch && Object.keys(patch).length)
      Object.assign(row, {
        data: patch.data ? { ...row.data, ...patch.data } : row.data,
        title: patch.title ?? row.title,
        supervising_org_id: patch.supervising_org_id ?? row.supervising_org_id,
        assignee_id: patch.assignee_id ?? row.assignee_id,
      });
    Object.assign(row, await startTransitionClocks(tx, row, def.create.clocks, input));
    // Last: the reference number and the case row's final values in one statement (reading the audit chain's head), then the
    // audit event, new head and case event in one more — the counter row is held for those two and the commit, the head
    // for the last one and the commit.
    const saved = (
      await sql<{ ref_no: string; head: SeenHead | null }>`with ${refNoCounter(ref)}
        update core.case set ref_no = ${refNoText(ref)}, data = cast(${JSON.stringify(row.data)} as jsonb), title = ${row.title},
          supervising_org_id = ${row.supervising_org_id}, assignee_id = ${row.assignee_id}, due_date = ${row.due_date}, clock_state = ${row.clock_state}
        from rn where id = ${id} returning ref_no, ${seenHeadColumn(auditChainFor(tx, 'case', id))} as head`.execute(tx.db)
    ).rows[0]!;
    row.ref_no = saved.ref_no;
    await recordAudit(
      tx,
      {
        actor,
        action: `${def.type}.create`,
        entityType: 'case',
        entityId: id,
        after: { refNo: row.ref_no, state: row.state, title: row.title, input: input ?? null },
        reason: req.comment ?? null,
        areaCode: row.area_code,
        areaPath: row.area_path,
        orgUnitId: row.org_unit_id,
      },
      (auditEventId) => caseEventWrites(tx, actor, id, { transition: 'create', from: null, to: row.state, input, comment: req.comment, auditEventId }, true),
      saved.head,
    );
    return row;
  });
}
