import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { householdSnapshot, writeHouseholdChange } from './store-household.ts';

/** Deactivate the members of a household that leaves the flow (不予受理, 不予确认, 撤回), so they may apply again. */
export async function closeHousehold(
  tx: AppContext,
  actor: Actor,
  h: { caseId: string; householdId: string },
  status: 'refused' | 'withdrawn',
  kind: '不予受理' | '不予确认' | '撤回申请',
  summary: string,
) {
  const before = await householdSnapshot(tx, h.householdId);
  await sql`update dibao.household set status = ${status}, version = version + 1, updated_at = ${tx.clock.now()} where id = ${h.householdId}`.execute(tx.db);
  await sql`update dibao.member set active = false, left_on = ${chinaDate(tx.clock.now())}::date, left_reason = '其他' where household_id = ${h.householdId} and active`.execute(
    tx.db,
  );
  await writeHouseholdChange(tx, {
    householdId: h.householdId,
    actorId: actor.userId,
    kind,
    summary,
    before,
    after: await householdSnapshot(tx, h.householdId),
    caseId: h.caseId,
  });
}
