import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../actor.ts';
import { requireAdminTotp } from '../admin-totp.ts';
import type { MeDto } from '../dto.ts';
import { SCOPE_LABELS } from '../permissions.ts';

/** 当前用户: who I am, where, with which roles (own and 代管) and permissions. */
export async function getMe(ctx: AppContext, actor: Actor, csrfToken: string): Promise<MeDto> {
  const r = await ctx.db
    .selectFrom('core.app_user as u')
    .innerJoin('core.org_unit as ou', 'ou.id', 'u.org_unit_id')
    .innerJoin('core.area as a', 'a.code', 'u.area_code')
    .select(['u.must_change_password', 'u.totp_enabled_at', 'ou.id as ou_id', 'ou.code as ou_code', 'ou.name as ou_name', 'a.name as area_name'])
    .where('u.id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  let totpEnrolmentRequired = false;
  try {
    requireAdminTotp(ctx, actor);
  } catch {
    totpEnrolmentRequired = true;
  }
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      mustChangePassword: r.must_change_password,
      totpEnabled: r.totp_enabled_at !== null,
    },
    orgUnit: { id: r.ou_id, code: r.ou_code, name: r.ou_name },
    areaCode: actor.areaCode,
    areaPath: actor.areaPath,
    areaName: r.area_name,
    roles: actor.grants.map((g) => ({
      assignmentId: g.assignmentId,
      code: g.roleCode,
      name: g.roleName,
      orgUnitId: g.orgUnitId,
      orgUnitName: g.orgUnitName,
      areaCode: g.areaCode,
      areaPath: g.areaPath,
      scope: g.scope,
      scopeLabel: SCOPE_LABELS[g.scope],
      permissions: [...g.permissions],
      delegatedBy: g.delegatedBy ? (g.delegatedByName ?? null) : null,
      delegatedById: g.delegatedBy,
      validTo: g.validTo?.toISOString() ?? null,
    })),
    permissions: [...new Set(actor.grants.flatMap((g) => g.permissions))].sort(),
    totpEnrolmentRequired,
    csrfToken,
  };
}
