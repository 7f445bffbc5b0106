import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { assertPasswordAcceptable, hashPassword } from '../password/hash.ts';
import { generatePassword } from '../password/policy.ts';
import { revokeUserSessions, userInScope } from '../repository.ts';
import { retirePassword } from '../password/history.ts';
import { clearAccount } from '../throttle.ts';

/**
 * 账号管理 actions on one user inside the actor's user.manage scope: 停用/启用, 解锁,
 * 重置密码, 重置动态验证码. Each bumps the row version and writes one audit event.
 */
export type AccountAction = 'disable' | 'enable' | 'unlock' | 'reset-totp';

export async function applyAccountAction(ctx: AppContext, actor: Actor, id: string, action: AccountAction, reason?: string | null): Promise<void> {
  if (action === 'disable' && id === actor.userId) throw identityError('CANNOT_CHANGE_SELF', '不能停用自己的账号');
  const now = ctx.clock.now();
  await withTx(ctx, async (tx) => {
    const old = await userInScope(tx, actor, 'user.manage', id, { forUpdate: true });
    const set =
      action === 'disable'
        ? { status: 'disabled' }
        : action === 'enable'
          ? { status: 'active' }
          : action === 'unlock'
            ? { failed_logins: 0, locked_until: null }
            : { totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null };
    await tx.db
      .updateTable('core.app_user')
      .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
    if (action === 'disable') await revokeUserSessions(tx, id, now);
    if (action === 'unlock') await clearAccount(tx, old.username);
    const before =
      action === 'unlock'
        ? { failedLogins: old.failed_logins, lockedUntil: old.locked_until?.toISOString() ?? null }
        : action === 'reset-totp'
          ? { totpEnabled: old.totp_enabled_at !== null }
          : { status: old.status };
    const after = action === 'unlock' ? { failedLogins: 0, lockedUntil: null } : action === 'reset-totp' ? { totpEnabled: false } : set;
    await recordAudit(tx, {
      actor,
      action: `user.${action}`,
      entityType: 'user',
      entityId: id,
      before,
      after,
      reason: reason ?? null,
      areaCode: old.area_code,
      areaPath: old.area_path,
      orgUnitId: old.org_unit_id,
    });
  });
}

/** 重置密码: sets a new initial password (given or generated, returned once), ends the user's sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string, input: { password?: string; reason?: string | null }) {
  const target = await userInScope(ctx, actor, 'user.manage', id);
  const generated = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generated!;
  await assertPasswordAcceptable(password, target.username, target.password_hash);
  const hash = await hashPassword(password);
  const now = ctx.clock.now();
  await withTx(ctx, async (tx) => {
    const old = await userInScope(tx, actor, 'user.manage', id, { forUpdate: true });
    await retirePassword(tx, id, old.password_hash);
    await clearAccount(tx, old.username);
    await tx.db
      .updateTable('core.app_user')
      .set((eb) => ({
        password_hash: hash,
        password_changed_at: now,
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', id)
      .execute();
    await revokeUserSessions(tx, id, now);
    await recordAudit(tx, {
      actor,
      action: 'user.password.reset',
      entityType: 'user',
      entityId: id,
      before: null,
      after: { mustChangePassword: true, sessionsRevoked: true },
      reason: input.reason ?? null,
      areaCode: old.area_code,
      areaPath: old.area_path,
      orgUnitId: old.org_unit_id,
    });
  });
  return { initialPassword: generated };
}
