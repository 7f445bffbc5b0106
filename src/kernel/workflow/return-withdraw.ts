import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { partyFacts } from './case-access.ts';
import { lockCase, writeCaseChange } from './case-tx.ts';
import { checkWho } from './decide.ts';
import { workflowOf, type CaseRow } from './define-workflow.ts';
import { refusalError, WORKFLOW_ERRORS } from './errors.ts';
import { routeApproval } from './approval-route.ts';
import { nextTransition } from './next-step.ts';

/** After 退回 / 撤回 an approval sent to the level above is no longer theirs (routeApproval ends it). */
async function afterBack(tx: AppContext, actor: Actor, next: CaseRow): Promise<CaseRow> {
  await routeApproval(tx, actor, next, nextTransition(workflowOf(next.type), next.state)?.[1] ?? null);
  return next;
}

/** 退回: send the case back to an earlier step it has been through, with a reason. */
export async function returnCase(
  ctx: AppContext,
  actor: Actor,
  req: { caseId: string; toState: string; reason: string; expectedVersion?: number },
): Promise<CaseRow> {
  if (!req.reason?.trim()) throw badRequest('REASON_REQUIRED', '请填写退回理由', { field: 'reason' });
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const def = workflowOf(c.type);
    const r = def.returnable;
    if (c.terminal) throw new AppError('CASE_CLOSED', 409, '案件已办结，不能退回');
    if (c.pending_handoff) throw new AppError('PENDING_HANDOFF', 409, '案件尚待签收，不能退回');
    if (!r || !r.from.includes(c.state) || !r.to.includes(req.toState)) throw new AppError('RETURN_NOT_ALLOWED', 409, WORKFLOW_ERRORS.RETURN_NOT_ALLOWED);
    const refusal = checkWho({ permission: r.permission }, '退回', partyFacts(actor, c));
    if (refusal) throw refusalError(refusal);
    const visited = await tx.db.selectFrom('core.case_event').select('seq').where('case_id', '=', c.id).where('to_state', '=', req.toState).executeTakeFirst();
    if (!visited || req.toState === c.state)
      throw new AppError('RETURN_NOT_ALLOWED', 409, `案件未经过「${def.states[req.toState]?.label ?? req.toState}」环节，不能退回至此`);
    return afterBack(
      tx,
      actor,
      await writeCaseChange(tx, actor, c, { transition: 'return', to: req.toState, input: { toState: req.toState }, comment: req.reason.trim() }),
    );
  });
}

/**
 * 撤回: undo one's own last step while the next party has not acted. Only transitions the
 * workflow marks withdrawable (they start no clock); the state goes back, the history stays.
 */
export async function withdrawLast(ctx: AppContext, actor: Actor, req: { caseId: string; reason?: string; expectedVersion?: number }): Promise<CaseRow> {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const def = workflowOf(c.type);
    // The approval's routing to the level above (approval.route) is not a step of the user's.
    const last = await tx.db
      .selectFrom('core.case_event')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('transition', '<>', 'approval.route')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const t = last ? def.transitions[last.transition] : undefined;
    if (!last || !t?.withdrawable || !last.from_state) throw new AppError('NOTHING_TO_WITHDRAW', 409, WORKFLOW_ERRORS.NOTHING_TO_WITHDRAW);
    if (last.actor_id !== actor.userId) throw forbidden('只能撤回本人的上一步操作');
    const refusal = checkWho(t.who, '撤回', partyFacts(actor, c));
    if (refusal && t.who.party !== 'supervisor') throw refusalError(refusal);
    return afterBack(
      tx,
      actor,
      await writeCaseChange(tx, actor, c, {
        transition: 'withdraw',
        to: last.from_state,
        input: { withdrawn: last.transition, seq: last.seq },
        comment: req.reason?.trim() || null,
      }),
    );
  });
}
