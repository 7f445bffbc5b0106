import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { workflowOf } from '../../../kernel/workflow/define-workflow.ts';
import { PETITION_TYPE } from '../contract.ts';
import { findByRefAndCode } from './portal-access.ts';

const BUILTIN: Record<string, string> = { create: '登记', transfer: '转送', assign: '交办', acknowledge: '签收', object: '异议退回', return: '退回', withdraw: '撤回', supervise: '督办' };

/** Progress for the citizen: moves without staff names, the holding org, the statutory deadline, the reply once delivered. */
export async function trackPetition(ctx: AppContext, refNo: string, code: string) {
  const c = await findByRefAndCode(ctx, refNo, code);
  const def = workflowOf(PETITION_TYPE);
  const events = (await sql<{ at: Date; transition: string; to_state: string }>`select at, transition, to_state from core.case_event
    where case_id = ${c.id} order by seq`.execute(ctx.db)).rows;
  const org = (await sql<{ name: string }>`select name from core.org_unit where id = ${c.org_unit_id}`.execute(ctx.db)).rows[0];
  const delivered = !!c.delivered_at;
  return {
    refNo: c.ref_no, state: c.state, stateLabel: def.states[c.state as keyof typeof def.states]?.label ?? c.state,
    holderOrgName: org?.name ?? null, statutoryDueDate: c.due_date,
    progress: events.map((e) => ({
      at: e.at, action: def.transitions[e.transition]?.label ?? BUILTIN[e.transition] ?? e.transition,
      stateLabel: def.states[e.to_state as keyof typeof def.states]?.label ?? e.to_state,
    })),
    reply: delivered ? { opinion: c.opinion, text: c.opinion_text, deliveredAt: c.delivered_at } : null,
    satisfaction: c.satisfaction,
    canRate: delivered && !c.satisfaction,
    canRequestReview: c.state === 'delivered',
  };
}
