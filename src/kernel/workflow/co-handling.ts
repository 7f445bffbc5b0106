import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { notify } from '../notify/notify.ts';
import { partyFacts } from './case-access.ts';
import { lockCase } from './case-tx.ts';
import { createCase } from './create-case.ts';
import { checkWho } from './decide.ts';
import { workflowOf } from './define-workflow.ts';
import { refusalError } from './errors.ts';
import { recordCaseAct } from './step.ts';

export type PartRole = 'lead' | 'assist' | 'joint';
export const PART_ROLE_LABEL: Record<PartRole, string> = { lead: '主办', assist: '协办', joint: '会办' };

export type OpenPartsRequest = { caseId: string; parts: Array<{ orgUnitId: string; role: PartRole }>; note?: string | null };

/**
 * 主办 / 协办 / 会办: the case is handled in parallel by several org units. Each part is a case
 * of the definition's `coHandling.partType`, held by its org unit, with its own clocks and history;
 * the case itself lists its parts and their states.
 */
export async function openParts(ctx: AppContext, actor: Actor, req: OpenPartsRequest) {
  if (!req.parts.length) throw badRequest('VALIDATION_FAILED', '请至少指定一个办理单位', { field: 'parts' });
  if (req.parts.filter((p) => p.role === 'lead').length > 1) throw badRequest('VALIDATION_FAILED', '主办单位只能有一个', { field: 'parts' });
  if (new Set(req.parts.map((p) => p.orgUnitId)).size !== req.parts.length) throw badRequest('VALIDATION_FAILED', '同一单位不能重复指定', { field: 'parts' });
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId);
    const def = workflowOf(c.type);
    const policy = def.coHandling;
    if (!policy) throw badRequest('CO_HANDLING_NOT_SUPPORTED', `「${def.label}」不支持主办、协办、会办`);
    if (c.terminal) throw new AppError('CASE_CLOSED', 409, '案件已办结');
    if (!policy.from.includes(c.state))
      throw new AppError('STATE_NOT_ALLOWED', 409, `当前环节「${def.states[c.state]?.label ?? c.state}」不能分送主办、协办、会办`);
    const refusal = checkWho({ permission: policy.permission }, '分送主办、协办、会办', partyFacts(actor, c));
    if (refusal) throw refusalError(refusal);
    const made = [];
    for (const p of req.parts) {
      // The parent's who-check stands for its parts: they are registered by the system on its behalf.
      const child = await createCase(tx, actor, {
        type: policy.partType,
        title: `${c.title}（${PART_ROLE_LABEL[p.role]}）`.slice(0, 200),
        orgUnitId: p.orgUnitId,
        supervisingOrgId: c.org_unit_id,
        system: true,
      });
      await sql`insert into core.case_part (child_id, parent_id, role, created_at) values (${child.id}, ${c.id}, ${p.role}, ${tx.clock.now()})`.execute(tx.db);
      await notify(tx, {
        orgUnitId: p.orgUnitId,
        caseId: child.id,
        kind: 'case.part',
        title: `${PART_ROLE_LABEL[p.role]}：${child.ref_no} ${child.title}`,
        body: `${actor.displayName}分送本单位${PART_ROLE_LABEL[p.role]}`,
      });
      made.push({ id: child.id, refNo: child.ref_no, orgUnitId: p.orgUnitId, role: p.role });
    }
    await recordCaseAct(tx, actor, c, { name: 'parts.open', input: { parts: made }, comment: req.note ?? null });
    return { parts: made };
  });
}

/** The parts of a case, each with its holder, state and nearest due date (what the parent sees). */
export async function caseParts(ctx: AppContext, parentId: string) {
  const rows = (
    await sql<{
      id: string;
      type: string;
      ref_no: string;
      role: PartRole;
      org_name: string;
      state: string;
      terminal: boolean;
      due_date: string | null;
      clock_state: string | null;
    }>`
    select c.id, c.type, c.ref_no, p.role, o.name as org_name, c.state, c.terminal, c.due_date::text as due_date, c.clock_state
    from core.case_part p join core.case c on c.id = p.child_id join core.org_unit o on o.id = c.org_unit_id
    where p.parent_id = ${parentId} order by p.created_at, c.ref_no`.execute(ctx.db)
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    refNo: r.ref_no,
    role: r.role,
    roleLabel: PART_ROLE_LABEL[r.role],
    orgUnitName: r.org_name,
    state: r.state,
    stateLabel: workflowOf(r.type).states[r.state]?.label ?? r.state,
    terminal: r.terminal,
    dueDate: r.due_date,
    clockState: r.clock_state,
  }));
}

/** The case a part belongs to, if it is one. */
export async function partOf(ctx: AppContext, childId: string) {
  const r = (
    await sql<{ id: string; ref_no: string; role: PartRole }>`select c.id, c.ref_no, p.role from core.case_part p join core.case c on c.id = p.parent_id
    where p.child_id = ${childId}`.execute(ctx.db)
  ).rows[0];
  return r ? { id: r.id, refNo: r.ref_no, role: r.role, roleLabel: PART_ROLE_LABEL[r.role] } : null;
}
