import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../actor.ts';
import { requireAdminTotp } from '../admin-totp.ts';
import type { MeDto } from '../dto.ts';
import { SCOPE_LABELS } from '../permissions.ts';
import type { SessionPlace } from './load-session-actor.ts';

/**
 * 当前用户: who I am, where, with which roles (own and 代管) and permissions — all from the
 * session as it was resolved (session-cache.ts), so the answer reads no table: a change to the
 * user, their unit, area name or grants bumps core.auth_epoch and reloads the session first.
 */
export function getMe(ctx: AppContext, actor: Actor, csrfToken: string, place: SessionPlace): MeDto {
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
      mustChangePassword: actor.mustChangePassword ?? false,
      totpEnabled: actor.totpEnabled ?? false,
    },
    orgUnit: { ...place.orgUnit },
    areaCode: actor.areaCode,
    areaPath: actor.areaPath,
    areaName: place.areaName,
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
