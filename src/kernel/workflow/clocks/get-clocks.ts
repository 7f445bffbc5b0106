import type { AppContext } from '../../../platform/context.ts';
import { toClock } from './clock-repository.ts';
import type { DeadlineClock } from './contract.ts';

/**
 * A case's clocks, oldest first. The caller has already checked the actor may see the case.
 * `forUpdate` locks them all until the transaction ends (then stop/restart may take them as locked).
 */
export async function getClocks(ctx: AppContext, caseId: string, opts: { forUpdate?: boolean } = {}): Promise<DeadlineClock[]> {
  let q = ctx.db.selectFrom('core.deadline_clock').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id');
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.execute()).map(toClock);
}
