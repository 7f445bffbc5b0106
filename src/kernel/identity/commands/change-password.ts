import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../password/hash.ts';
import { revokeUserSessions } from '../repository.ts';

/** 修改密码: the old password must be right, the new one must pass the policy; other sessions end. */
export async function changePassword(ctx: AppContext, actor: Actor, input: { oldPassword: string; newPassword: string }): Promise<void> {
  const u = await ctx.db.selectFrom('core.app_user').select(['password_hash', 'username']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(u.password_hash, input.oldPassword))) throw identityError('PASSWORD_INCORRECT');
  await assertPasswordAcceptable(input.newPassword, u.username, u.password_hash);
  const hash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await withTx(ctx, async (tx) => {
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
