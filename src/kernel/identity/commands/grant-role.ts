import { withTx, type AppContext } from '../../../platform/context.ts';
import type { DataScope } from '../../../platform/db/tables/identity.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { orgUnitById, roleByCode, userInScope } from '../repository.ts';
import { missingForGrant, recordInScope } from '../scope.ts';

export type GrantRoleInput = { roleCode: string; orgUnitId: string; scope: DataScope; validFrom?: Date; validTo?: Date | null; reason?: string | null };

/**
 * 授予角色: only at org units inside the actor's user.manage scope, and only roles whose every
 * permission the actor already holds over that unit with at least that scope (no escalation).
 */
export async function grantRole(ctx: AppContext, actor: Actor, userId: string, input: GrantRoleInput): Promise<{ id: string }> {
  const now = ctx.clock.now();
  const validFrom = input.validFrom ?? now;
  if (input.validTo && input.validTo <= validFrom) throw identityError('DELEGATION_INVALID', '结束时间必须晚于开始时间');
  return withTx(ctx, async (tx) => {
    const user = await userInScope(tx, actor, 'user.manage', userId, { forUpdate: true });
    if (user.status !== 'active') throw identityError('ACCOUNT_DISABLED', '账号已停用，不能授予角色');
    const ou = await orgUnitById(tx, input.orgUnitId);
    if (!ou || !ou.active || !recordInScope(actor, 'user.manage', { areaPath: ou.area_path, orgUnitId: ou.id })) throw identityError('ORG_UNIT_NOT_FOUND');
    const role = await roleByCode(tx, input.roleCode);
    const missing = missingForGrant(actor, 'user.manage', role.permissions, { areaPath: ou.area_path, orgUnitId: ou.id, scope: input.scope });
    if (missing.length) throw identityError('GRANT_EXCEEDS_OWN', `不能授予超出本人权限或管理范围的角色（缺少：${missing.join('、')}）`, { missing });
    const dup = await tx.db
      .selectFrom('core.role_assignment')
      .select('id')
      .where('user_id', '=', userId)
      .where('role_code', '=', role.code)
      .where('org_unit_id', '=', ou.id)
      .where('scope', '=', input.scope)
      .where('delegated_from', 'is', null)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', now)]))
      .executeTakeFirst();
    if (dup) throw identityError('ASSIGNMENT_EXISTS');
    const id = uuidv7(now.getTime());
    const row = {
      id,
      user_id: userId,
      role_code: role.code,
      org_unit_id: ou.id,
      scope: input.scope,
      valid_from: validFrom,
      valid_to: input.validTo ?? null,
      reason: input.reason ?? null,
      created_at: now,
    };
    await tx.db.insertInto('core.role_assignment').values(row).execute();
    await recordAudit(tx, {
      actor,
      action: 'role_assignment.grant',
      entityType: 'user',
      entityId: userId,
      before: null,
      after: {
        assignmentId: id,
        roleCode: role.code,
        orgUnitId: ou.id,
        scope: input.scope,
        validFrom: validFrom.toISOString(),
        validTo: input.validTo?.toISOString() ?? null,
      },
      reason: input.reason ?? null,
      areaCode: user.area_code,
      areaPath: user.area_path,
      orgUnitId: user.org_unit_id,
    });
    return { id };
  });
}
