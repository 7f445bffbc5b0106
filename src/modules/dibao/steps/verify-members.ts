import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { refuseDuplicates } from '../commands/store-household.ts';

/**
 * 受理 of a 网上申请: the township has checked the originals at the window, so its members now take
 * their one-household slot. A member already active in another household is refused here (the
 * clerk learns details only within its own scope); the flag set at submission is cleared.
 */
export async function verifyPortalMembers(tx: AppContext, actor: Actor, caseId: string, householdId: string) {
  const members = (
    await sql<{ idHash: string; name: string; idMasked: string }>`select id_hash as "idHash", name, id_number_masked as "idMasked"
      from dibao.member where household_id = ${householdId} and active and unverified order by created_at, id`.execute(tx.db)
  ).rows;
  if (!members.length) return;
  await refuseDuplicates(tx, members, householdId, 'members', actor);
  try {
    await sql`update dibao.member set unverified = false where household_id = ${householdId} and unverified`.execute(tx.db);
  } catch (e) {
    // Two acceptances of the same person at once: the unique index decides.
    if (e instanceof Error && /member_one_active_household/.test(e.message))
      throw new AppError('DIBAO_PERSON_IN_OTHER_HOUSEHOLD', 409, '有家庭成员已在另一户低保家庭登记（同时受理），请刷新后重试');
    throw e;
  }
  await sql`update dibao.application set duplicate_flag = null where case_id = ${caseId}`.execute(tx.db);
}
