import type { AppContext } from '../../platform/context.ts';
import type { DataScope } from '../../platform/db/tables/identity.ts';
import type { Actor, Grant } from './actor.ts';
import { identityError } from './contract.ts';
import { inScope } from './scope.ts';

/**
 * Effective grants of a user at `now`: own assignments and delegations (代管) received, within
 * [valid_from, valid_to), not revoked, at an active org unit; a delegation also ends when the
 * assignment it was delegated from is revoked or expires.
 */
export async function loadGrants(ctx: AppContext, userId: string, now: Date): Promise<Grant[]> {
  const rows = await ctx.db
    .selectFrom('core.role_assignment as ra')
    .innerJoin('core.role as r', 'r.code', 'ra.role_code')
    .innerJoin('core.org_unit as ou', 'ou.id', 'ra.org_unit_id')
    .leftJoin('core.role_assignment as src', 'src.id', 'ra.delegated_from')
    .leftJoin('core.app_user as du', 'du.id', 'ra.delegated_by')
    .select([
      'ra.id',
      'ra.role_code',
      'r.name as role_name',
      'r.permissions',
      'ra.org_unit_id',
      'ou.name as org_unit_name',
      'ou.area_code',
      'ou.area_path',
      'ra.scope',
      'ra.delegated_by',
      'du.display_name as delegated_by_name',
      'ra.valid_to',
    ])
    .where('ra.user_id', '=', userId)
    .where('ra.revoked_at', 'is', null)
    .where('ra.valid_from', '<=', now)
    .where((eb) => eb.or([eb('ra.valid_to', 'is', null), eb('ra.valid_to', '>', now)]))
    .where('ou.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('ra.delegated_from', 'is', null),
        eb.and([eb('src.revoked_at', 'is', null), eb('src.valid_from', '<=', now), eb.or([eb('src.valid_to', 'is', null), eb('src.valid_to', '>', now)])]),
      ]),
    )
    .orderBy('ra.created_at')
    .orderBy('ra.id')
    .execute();
  return rows.map((r) => ({
    assignmentId: r.id,
    roleCode: r.role_code,
    roleName: r.role_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    areaCode: r.area_code,
    areaPath: r.area_path,
    scope: r.scope as DataScope,
    permissions: r.permissions,
    delegatedBy: r.delegated_by,
    delegatedByName: r.delegated_by_name,
    validTo: r.valid_to,
  }));
}

export const USER_SCOPE = { areaPath: 'u.area_path', orgUnitId: 'u.org_unit_id', ownerId: 'u.id' } as const;

/** The user row if it exists and lies in the actor's scope for `permission`; otherwise 404 (never 403: no probing). */
export async function userInScope(ctx: AppContext, actor: Actor, permission: string, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = ctx.db
    .selectFrom('core.app_user as u')
    .selectAll('u')
    .where('u.id', '=', id)
    .where(inScope(actor, permission, USER_SCOPE));
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw identityError('USER_NOT_FOUND');
  return row;
}

export async function orgUnitById(ctx: AppContext, id: string) {
  return ctx.db.selectFrom('core.org_unit').select(['id', 'code', 'name', 'area_code', 'area_path', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function roleByCode(ctx: AppContext, code: string) {
  const r = await ctx.db.selectFrom('core.role').select(['code', 'name', 'permissions']).where('code', '=', code).executeTakeFirst();
  if (!r) throw identityError('ROLE_NOT_FOUND', `角色「${code}」不存在`);
  return r;
}

/** End every open session of a user (password change, disable, reset), optionally keeping one. */
export async function revokeUserSessions(ctx: AppContext, userId: string, now: Date, exceptSessionId?: string | null) {
  let q = ctx.db.updateTable('core.session').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  await q.execute();
}

/** The user as it appears in audit events: never the hash, the TOTP secret or the clear phone. */
export function auditView(u: {
  username: string;
  display_name: string;
  org_unit_id: string;
  area_code: string;
  status: string;
  phone_masked: string | null;
  email: string | null;
}) {
  return {
    username: u.username,
    displayName: u.display_name,
    orgUnitId: u.org_unit_id,
    areaCode: u.area_code,
    status: u.status,
    phoneMasked: u.phone_masked,
    email: u.email,
  };
}
