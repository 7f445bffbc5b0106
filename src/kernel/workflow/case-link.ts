import type { AppContext } from '../../platform/context.ts';
import { workflowOf } from './define-workflow.ts';

/** Another case as a case page links to it (a hand-over between modules): reference, type and state labels. */
export type CaseLink = { id: string; refNo: string; type: string; typeLabel: string; state: string; stateLabel: string };

/** The link to a case by id, or null (no id, or no such case). Read rules are the linked page's own. */
export async function caseLink(ctx: AppContext, caseId: string | null | undefined): Promise<CaseLink | null> {
  if (!caseId) return null;
  const c = await ctx.db.selectFrom('core.case').select(['id', 'ref_no', 'type', 'state']).where('id', '=', caseId).executeTakeFirst();
  if (!c) return null;
  const def = workflowOf(c.type);
  return { id: c.id, refNo: c.ref_no, type: c.type, typeLabel: def.label, state: c.state, stateLabel: def.states[c.state]?.label ?? c.state };
}
