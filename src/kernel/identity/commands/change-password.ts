import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../password/hash.ts';
import { revokeUserSessions } from '../repository.ts';
import { assertNotRecent, retirePassword } from '../password/history.ts';
import { assertNotThrottled, throttleKeys } from '../throttle.ts';
import { registerFailure } from './login.ts';

/**
 * 修改密码: the old password must be right — a wrong one counts toward login throttling like a
 * failed login (a stolen session cannot guess it freely) — and the new one must pass the policy
 * and differ from the last PASSWORD_HISTORY passwords; other sessions end.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { oldPassword: string; newPassword: string },
  meta: { ip: string | null; userAgent: string | null } = { ip: actor.clientIp, userAgent: null },
): Promise<void> {
  const u = await ctx.db
    .selectFrom('core.app_user')
    .select(['id', 'password_hash', 'username', 'area_code', 'area_path', 'org_unit_id'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const keys = throttleKeys(ctx, u.username, meta.ip);
  await assertNotThrottled(ctx, keys);
  if (!(await verifyPassword(u.password_hash, input.oldPassword))) {
    await registerFailure(ctx, u, 'bad_old_password', meta, keys);
    throw identityError('PASSWORD_INCORRECT');
  }
  await assertPasswordAcceptable(input.newPassword, u.username, u.password_hash);
  await assertNotRecent(ctx, u.id, input.newPassword);
  const hash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await withTx(ctx, async (tx) => {
    await retirePassword(tx, u.id, u.password_hash);
    await tx.db
      .updateTable('core.app_user')
      .set({ password_hash: hash, password_changed_at: now, must_change_password: false, updated_at: now })
      .where('id', '=', actor.userId)
      .execute();
    await revokeUserSessions(tx, actor.userId, now, actor.sessionId);
    await recordAudit(tx, {
      actor,
      action: 'user.password.change',
      entityType: 'user',
      entityId: actor.userId,
      before: null,
      after: { otherSessionsRevoked: true },
      reason: null,
      areaCode: actor.areaCode,
      areaPath: actor.areaPath,
      orgUnitId: actor.orgUnitId,
    });
  });
}
