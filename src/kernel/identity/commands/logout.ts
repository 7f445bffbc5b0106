import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { revokeSession, writeLoginLog } from '../session.ts';

/** 退出登录: the session row is revoked, so the cookie is dead even if the browser keeps it. */
export async function logout(ctx: AppContext, actor: Actor, userAgent: string | null): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await withTx(ctx, async (tx) => {
    await revokeSession(tx, sessionId);
    await writeLoginLog(tx, {
      userId: actor.userId,
      username: actor.username,
      outcome: 'logout',
      ip: actor.clientIp,
      userAgent,
      areaPath: actor.areaPath,
      orgUnitId: actor.orgUnitId,
    });
    await recordAudit(tx, {
      actor,
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
      before: null,
      after: null,
      reason: null,
      areaCode: actor.areaCode,
      areaPath: actor.areaPath,
      orgUnitId: actor.orgUnitId,
    });
  });
}
