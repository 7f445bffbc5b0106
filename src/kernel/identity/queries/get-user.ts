import type { AppContext } from '../../../platform/context.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import { recordPiiRead } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { toUserSummary, type AssignmentDto, type UserSummary } from '../dto.ts';
import { USER_SCOPE } from '../repository.ts';
import { inScope } from '../scope.ts';
import { listAssignments } from './list-user-roles.ts';
import { userSelect } from './list-users.ts';

/** One user as a summary (masked), or 404 when missing or outside the actor's scope. */
export async function getUserSummary(ctx: AppContext, actor: Actor, id: string, permission = 'user.read'): Promise<UserSummary> {
  const r = await userSelect(ctx)
    .where('u.id', '=', id)
    .where(inScope(actor, permission, USER_SCOPE))
    .executeTakeFirst();
  if (!r) throw identityError('USER_NOT_FOUND');
  return toUserSummary(r, ctx.clock.now());
}

/** 用户详情 with the clear phone number: the read of personal data is logged (个人信息访问记录). */
export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<UserSummary & { phone: string | null; roles: AssignmentDto[] }> {
  const summary = await getUserSummary(ctx, actor, id);
  const { phone_enc } = await ctx.db.selectFrom('core.app_user').select('phone_enc').where('id', '=', id).executeTakeFirstOrThrow();
  const phone = phone_enc ? await decryptPii(ctx, phone_enc) : null;
  if (phone) await recordPiiRead(ctx, actor, { entityType: 'user', entityId: id, areaPath: summary.areaPath, fields: ['phone'] });
  return { ...summary, phone, roles: await listAssignments(ctx, id) };
}
