import { withTx, type AppContext } from '../../../platform/context.ts';
import { encryptPii, maskPhone } from '../../../platform/crypto/pii.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { auditView, orgUnitById, userInScope } from '../repository.ts';
import { recordInScope } from '../scope.ts';

export type UpdateUserInput = {
  version: number;
  displayName?: string;
  /** null clears the number. */
  phone?: string | null;
  email?: string | null;
  /** Move the user to another org unit (both inside the actor's manage scope). */
  orgUnitId?: string;
  reason?: string | null;
};

/** 修改用户 with optimistic locking: a stale `version` gives 409 VERSION_CONFLICT, nothing written. */
export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: UpdateUserInput): Promise<void> {
  const phoneEnc = input.phone ? await encryptPii(ctx, input.phone) : null;
  const now = ctx.clock.now();
  await withTx(ctx, async (tx) => {
    const old = await userInScope(tx, actor, 'user.manage', id, { forUpdate: true });
    if (old.version !== input.version) throw identityError('VERSION_CONFLICT', undefined, { currentVersion: old.version });
    const patch: {
      display_name?: string;
      phone_enc?: string | null;
      phone_masked?: string | null;
      email?: string | null;
      org_unit_id?: string;
      area_code?: string;
      area_path?: string;
    } = {};
    if (input.displayName !== undefined) patch.display_name = input.displayName.trim();
    if (input.phone !== undefined) {
      patch.phone_enc = phoneEnc;
      patch.phone_masked = input.phone ? maskPhone(input.phone) : null;
    }
    if (input.email !== undefined) patch.email = input.email;
    if (input.orgUnitId !== undefined && input.orgUnitId !== old.org_unit_id) {
      const ou = await orgUnitById(tx, input.orgUnitId);
      if (!ou || !ou.active || !recordInScope(actor, 'user.manage', { areaPath: ou.area_path, orgUnitId: ou.id })) throw identityError('ORG_UNIT_NOT_FOUND');
      Object.assign(patch, { org_unit_id: ou.id, area_code: ou.area_code, area_path: ou.area_path });
    }
    const res = await tx.db
      .updateTable('core.app_user')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) throw identityError('VERSION_CONFLICT');
    const after = { ...old, ...patch };
    await recordAudit(tx, {
      actor,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: auditView(old),
      after: auditView(after),
      reason: input.reason ?? null,
      areaCode: after.area_code,
      areaPath: after.area_path,
      orgUnitId: after.org_unit_id,
    });
  });
}
