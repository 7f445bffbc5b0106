import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';

/** The county's (or the 厅's) decision on a duty: 准入、不予准入 or 移出清单, with its note and day. */
export async function decideDuty(tx: AppContext, c: CaseRow, note: string) {
  await sql`update community.duty set decision_note = ${note}, decided_on = ${chinaDate(tx.clock.now())}::date where case_id = ${c.id}`.execute(tx.db);
  return {};
}
