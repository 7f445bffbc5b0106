import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { userInScope } from '../repository.ts';
import { recordInScope } from '../scope.ts';

/**
 * 撤销授权. A user manager may revoke assignments at units inside their manage scope; the
 * holder of a role may end a delegation (代管) they gave. Revoking an assignment also ends
 * every delegation made from it.
 */
export async function revokeAssignment(
  ctx: AppContext,
  actor: Actor,
  assignmentId: string,
  opts: { userId?: string; reason?: string | null } = {},
): Promise<void> {
  const now = ctx.clock.now();
  await withTx(ctx, async (tx) => {
    const a = await tx.db
      .selectFrom('core.role_assignment as ra')
      .innerJoin('core.org_unit as ou', 'ou.id', 'ra.org_unit_id')
      .leftJoin('core.role_assignment as src', 'src.id', 'ra.delegated_from')
      .select([
        'ra.id',
        'ra.user_id',
        'ra.role_code',
        'ra.scope',
        'ra.revoked_at',
        'ra.delegated_from',
        'src.user_id as holder_id',
        'ou.id as ou_id',
        'ou.area_path as ou_path',
      ])
      .where('ra.id', '=', assignmentId)
      .forUpdate('ra')
      .executeTakeFirst();
    if (!a || (opts.userId && a.user_id !== opts.userId)) throw identityError('ASSIGNMENT_NOT_FOUND');
    const isGiver = a.delegated_from !== null && a.holder_id === actor.userId;
    if (!isGiver) {
      // Out-of-scope users answer 404 like missing ones; visible but unmanageable units answer 403.
      const user = await userInScope(tx, actor, 'user.read', a.user_id).catch(() => null);
      if (!user) throw identityError('ASSIGNMENT_NOT_FOUND');
      if (!recordInScope(actor, 'user.manage', { areaPath: a.ou_path, orgUnitId: a.ou_id }))
        throw identityError('GRANT_EXCEEDS_OWN', '该授权不在您的管理范围内');
    }
    if (a.revoked_at) return;
    await tx.db.updateTable('core.role_assignment').set({ revoked_at: now }).where('id', '=', a.id).execute();
    const derived = await tx.db
      .updateTable('core.role_assignment')
      .set({ revoked_at: now })
      .where('delegated_from', '=', a.id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    const u = await tx.db.selectFrom('core.app_user').select(['area_code', 'area_path', 'org_unit_id']).where('id', '=', a.user_id).executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actor,
      action: a.delegated_from ? 'role_assignment.delegation.revoke' : 'role_assignment.revoke',
      entityType: 'user',
      entityId: a.user_id,
      before: { assignmentId: a.id, roleCode: a.role_code, orgUnitId: a.ou_id, scope: a.scope },
      after: { revoked: true, delegationsEnded: derived.map((d) => d.id) },
      reason: opts.reason ?? null,
      areaCode: u.area_code,
      areaPath: u.area_path,
      orgUnitId: u.org_unit_id,
    });
  });
}
