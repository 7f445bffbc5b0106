import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { SYSTEM_ACTOR } from '../actor.ts';
import { identityError } from '../contract.ts';
import { clearAccount } from '../throttle.ts';

/**
 * Break-glass 解锁 (`minzheng users unlock <username>`): for the operator at the server when no
 * administrator can sign in (the admin account itself is being throttled). Clears the account's
 * login counters (account and every source's pair) and its lock; audited as the system actor.
 */
export async function unlockUserAsSystem(ctx: AppContext, username: string, reason: string) {
  const name = username.trim().toLowerCase();
  return withTx(ctx, async (tx) => {
    const u = await tx.db
      .selectFrom('core.app_user')
      .select(['id', 'username', 'failed_logins', 'locked_until', 'area_code', 'area_path', 'org_unit_id'])
      .where('username', '=', name)
      .forUpdate()
      .executeTakeFirst();
    if (!u) throw identityError('USER_NOT_FOUND', `用户不存在 / no such user: ${name}`);
    const now = tx.clock.now();
    await tx.db
      .updateTable('core.app_user')
      .set((eb) => ({ failed_logins: 0, locked_until: null, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', u.id)
      .execute();
    await clearAccount(tx, u.username);
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'user.unlock',
      entityType: 'user',
      entityId: u.id,
      before: { failedLogins: u.failed_logins, lockedUntil: u.locked_until?.toISOString() ?? null },
      after: { failedLogins: 0, lockedUntil: null },
      reason,
      areaCode: u.area_code,
      areaPath: u.area_path,
      orgUnitId: u.org_unit_id,
    });
    return { username: u.username, wasLockedUntil: u.locked_until && u.locked_until > now ? u.locked_until : null };
  });
}
