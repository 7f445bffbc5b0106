import type { ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Actor } from '../actor.ts';
import type { DataScope } from '../../../platform/db/tables/identity.ts';
import { toUserSummary, type UserListItem } from '../dto.ts';
import { USER_SCOPE } from '../repository.ts';
import { inScope } from '../scope.ts';

export type ListUsersQuery = { q?: string; orgUnitId?: string; status?: 'active' | 'disabled' | 'locked'; page: number; pageSize: number };

/** Selection shared by the user list and single-user reads: user joined with its org unit. */
export function userSelect(ctx: AppContext) {
  return ctx.db
    .selectFrom('core.app_user as u')
    .innerJoin('core.org_unit as ou', 'ou.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_unit_id',
      'ou.code as org_code',
      'ou.name as org_name',
      'u.area_code',
      'u.area_path',
      'u.phone_masked',
      'u.email',
      'u.status',
      'u.locked_until',
      'u.failed_logins',
      'u.must_change_password',
      'u.totp_enabled_at',
      'u.last_login_at',
      'u.is_demo',
      'u.version',
      'u.created_at',
    ]);
}

/**
 * 用户列表: always through the data-scope filter for user.read; phones only masked. Each row brings
 * its area's name and the roles held today in the same statement (one round trip for the page).
 */
export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  query: ListUsersQuery,
): Promise<{ items: UserListItem[]; total: number; page: number; pageSize: number }> {
  const now = ctx.clock.now();
  const where = (eb: ExpressionBuilder<DB & { u: DB['core.app_user'] }, 'u'>) => {
    const parts = [inScope(actor, 'user.read', USER_SCOPE)(eb)];
    if (query.q) {
      const like = '%' + query.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
      parts.push(eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]));
    }
    if (query.orgUnitId) parts.push(eb('u.org_unit_id', '=', query.orgUnitId));
    if (query.status === 'locked') parts.push(eb('u.locked_until', '>', now));
    else if (query.status) parts.push(eb('u.status', '=', query.status));
    return eb.and(parts);
  };
  const total = await ctx.db
    .selectFrom('core.app_user as u')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = await userSelect(ctx)
    .leftJoin('core.area as a', 'a.code', 'u.area_code')
    .select('a.name as area_name')
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('core.role_assignment as ra')
          .innerJoin('core.role as r', 'r.code', 'ra.role_code')
          .innerJoin('core.org_unit as rou', 'rou.id', 'ra.org_unit_id')
          .leftJoin('core.app_user as du', 'du.id', 'ra.delegated_by')
          .select([
            'ra.role_code as code',
            'r.name',
            'rou.name as org_unit_name',
            'ra.scope',
            'ra.delegated_by',
            'du.display_name as delegated_by_name',
            'ra.valid_to',
          ])
          .whereRef('ra.user_id', '=', 'u.id')
          .where('ra.revoked_at', 'is', null)
          .where('ra.valid_from', '<=', now)
          .where((w) => w.or([w('ra.valid_to', 'is', null), w('ra.valid_to', '>', now)]))
          .orderBy('ra.created_at')
          .orderBy('ra.id'),
      ).as('roles'),
    )
    .where(where)
    .orderBy('u.area_path')
    .orderBy('u.username')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const items = rows.map((r) => ({
    ...toUserSummary(r, now),
    areaName: r.area_name,
    roles: r.roles.map((x) => ({
      code: x.code,
      name: x.name,
      orgUnitName: x.org_unit_name,
      scope: x.scope as DataScope,
      delegatedBy: x.delegated_by === null ? null : (x.delegated_by_name ?? ''),
      validTo: x.valid_to === null ? null : new Date(x.valid_to).toISOString(),
    })),
  }));
  return { items, total: Number(total.n), page: query.page, pageSize: query.pageSize };
}
