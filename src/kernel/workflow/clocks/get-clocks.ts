import type { AppContext } from '../../../platform/context.ts';
import { toClock } from './clock-repository.ts';
import type { DeadlineClock } from './contract.ts';

/** A case's clocks, oldest first. The caller has already checked the actor may see the case. */
export async function getClocks(ctx: AppContext, caseId: string): Promise<DeadlineClock[]> {
  const rows = await ctx.db.selectFrom('core.deadline_clock').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toClock);
}
