import { withTx, type AppContext } from '../../../platform/context.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { userInScope } from '../repository.ts';
import { missingForGrant, pathWithin, recordInScope } from '../scope.ts';

export type DelegateInput = { fromAssignmentId: string; toUserId: string; validFrom: Date; validTo: Date; reason: string };

/** The longest a delegation may run: 代管 covers an absence, it is not a standing grant. */
export const MAX_DELEGATION_DAYS = 180;
const BACKDATE_TOLERANCE_MS = 5 * 60_000;

/**
 * 代管: lends the role of one assignment to another user for [validFrom, validTo), same unit and
 * scope. The holder may delegate their own assignment; a user manager may delegate any assignment
 * inside their manage scope (with the no-escalation rule). Delegations are not re-delegable, and
 * the delegate must belong to the area the role is held over.
 */
export async function delegateRole(ctx: AppContext, actor: Actor, input: DelegateInput): Promise<{ id: string }> {
  const now = ctx.clock.now();
  const reason = input.reason.trim();
  const invalid = (msg: string) => identityError('DELEGATION_INVALID', msg);
  if (reason.length < 2) throw invalid('请填写代管事由');
  if (input.validTo <= input.validFrom) throw invalid('结束时间必须晚于开始时间');
  if (input.validFrom.getTime() < now.getTime() - BACKDATE_TOLERANCE_MS) throw invalid('开始时间不能早于当前时间');
  if (input.validTo.getTime() - input.validFrom.getTime() > MAX_DELEGATION_DAYS * 86_400_000) throw invalid(`代管期限不能超过 ${MAX_DELEGATION_DAYS} 天`);

  return withTx(ctx, async (tx) => {
    const src = await tx.db
      .selectFrom('core.role_assignment as ra')
      .innerJoin('core.org_unit as ou', 'ou.id', 'ra.org_unit_id')
      .innerJoin('core.role as r', 'r.code', 'ra.role_code')
      .select([
        'ra.id',
        'ra.user_id',
        'ra.role_code',
        'ra.scope',
        'ra.valid_from',
        'ra.valid_to',
        'ra.revoked_at',
        'ra.delegated_from',
        'ou.id as ou_id',
        'ou.area_path as ou_path',
        'r.permissions',
      ])
      .where('ra.id', '=', input.fromAssignmentId)
      .executeTakeFirst();
    if (!src) throw identityError('ASSIGNMENT_NOT_FOUND');
    const isHolder = src.user_id === actor.userId;
    if (!isHolder) {
      const visible = await userInScope(tx, actor, 'user.read', src.user_id).catch(() => null);
      if (!visible) throw identityError('ASSIGNMENT_NOT_FOUND');
      const missing = missingForGrant(actor, 'user.manage', src.permissions, { areaPath: src.ou_path, orgUnitId: src.ou_id, scope: src.scope });
      if (missing.length) throw identityError('GRANT_EXCEEDS_OWN', '只有角色持有人或有权管理该单位用户的人员可以设置代管', { missing });
    }
    if (src.delegated_from) throw invalid('代管得到的角色不能再次代管');
    if (src.revoked_at || (src.valid_to && src.valid_to <= now)) throw invalid('该授权已失效');
    if (src.valid_to && input.validTo > src.valid_to) throw invalid('代管结束时间不能晚于原授权的结束时间');

    const to = await tx.db
      .selectFrom('core.app_user')
      .select(['id', 'status', 'area_code', 'area_path', 'org_unit_id'])
      .where('id', '=', input.toUserId)
      .executeTakeFirst();
    // Managers may only name delegates they manage; holders, anyone in the role's area.
    const toVisible = to && (isHolder || recordInScope(actor, 'user.manage', { areaPath: to.area_path, orgUnitId: to.org_unit_id, ownerId: to.id }));
    if (!to || !toVisible) throw identityError('USER_NOT_FOUND', '被代管人不存在或无权查看');
    if (to.id === src.user_id) throw invalid('不能代管给角色持有人本人');
    if (to.status !== 'active') throw invalid('被代管人账号已停用');
    if (!pathWithin(to.area_path, src.ou_path)) throw invalid('被代管人须属于该角色所在单位的辖区');

    const id = uuidv7(now.getTime());
    await tx.db
      .insertInto('core.role_assignment')
      .values({
        id,
        user_id: to.id,
        role_code: src.role_code,
        org_unit_id: src.ou_id,
        scope: src.scope,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        delegated_from: src.id,
        delegated_by: src.user_id,
        reason,
        created_at: now,
      })
      .execute();
    await recordAudit(tx, {
      actor,
      action: 'role_assignment.delegate',
      entityType: 'user',
      entityId: to.id,
      before: null,
      after: {
        assignmentId: id,
        fromAssignmentId: src.id,
        holderId: src.user_id,
        roleCode: src.role_code,
        orgUnitId: src.ou_id,
        scope: src.scope,
        validFrom: input.validFrom.toISOString(),
        validTo: input.validTo.toISOString(),
      },
      reason,
      areaCode: to.area_code,
      areaPath: to.area_path,
      orgUnitId: to.org_unit_id,
    });
    return { id };
  });
}
