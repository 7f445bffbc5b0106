import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../actor.ts';
import { toAssignmentDto, type AssignmentDto } from '../dto.ts';
import { userInScope } from '../repository.ts';

/** Every assignment of a user — own, delegated (代管), pending, expired and revoked — newest first. */
export async function listAssignments(ctx: AppContext, userId: string): Promise<AssignmentDto[]> {
  const rows = await assignmentSelect(ctx).where('ra.user_id', '=', userId).orderBy('ra.created_at', 'desc').orderBy('ra.id').execute();
  const now = ctx.clock.now();
  return rows.map((r) => toAssignmentDto(r, now));
}

export function assignmentSelect(ctx: AppContext) {
  return ctx.db
    .selectFrom('core.role_assignment as ra')
    .innerJoin('core.role as r', 'r.code', 'ra.role_code')
    .innerJoin('core.org_unit as ou', 'ou.id', 'ra.org_unit_id')
    .leftJoin('core.app_user as du', 'du.id', 'ra.delegated_by')
    .select([
      'ra.id',
      'ra.user_id',
      'ra.role_code',
      'r.name as role_name',
      'ra.org_unit_id',
      'ou.code as org_code',
      'ou.name as org_name',
      'ou.area_path',
      'ra.scope',
      'ra.valid_from',
      'ra.valid_to',
      'ra.delegated_from',
      'ra.delegated_by',
      'du.display_name as delegated_by_name',
      'ra.reason',
      'ra.revoked_at',
    ]);
}

/** The roles of a user the actor can see (404 outside the actor's user.read scope). */
export async function listUserRoles(ctx: AppContext, actor: Actor, userId: string): Promise<AssignmentDto[]> {
  await userInScope(ctx, actor, 'user.read', userId);
  return listAssignments(ctx, userId);
}
