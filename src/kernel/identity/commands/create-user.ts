import { withTx, type AppContext } from '../../../platform/context.ts';
import { encryptPii, maskPhone } from '../../../platform/crypto/pii.ts';
import type { DataScope } from '../../../platform/db/tables/identity.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { assertPasswordAcceptable, hashPassword } from '../password/hash.ts';
import { generatePassword } from '../password/policy.ts';
import { auditView, orgUnitById, roleByCode } from '../repository.ts';
import { missingForGrant, recordInScope } from '../scope.ts';

export type CreateUserInput = {
  username: string;
  displayName: string;
  orgUnitId: string;
  phone?: string | null;
  email?: string | null;
  /** Initial password; generated (and returned once) when absent. */
  password?: string;
  roles?: Array<{ roleCode: string; scope: DataScope; orgUnitId?: string }>;
  /** When the roles take effect (default now); demo data backdates them to cover its history. */
  rolesValidFrom?: Date;
  /** false only for seeded demo accounts, whose password is published. */
  mustChangePassword?: boolean;
  isDemo?: boolean;
};

/**
 * 新建用户 at an org unit inside the actor's user.manage scope; roles only within what the actor
 * could grant (no escalation). The user must change the initial password at first login.
 */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput) {
  return insertUser(ctx, actor, input, false);
}

/** The same for trusted callers (CLI, seeds): no scope checks, audited as the system. */
export async function createUserAsSystem(ctx: AppContext, input: CreateUserInput) {
  return insertUser(ctx, SYSTEM_ACTOR, input, true);
}

async function insertUser(ctx: AppContext, actor: Actor, input: CreateUserInput, system: boolean) {
  const username = input.username.trim().toLowerCase();
  const generated = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generated!;
  await assertPasswordAcceptable(password, username);
  const hash = await hashPassword(password);
  const phoneEnc = input.phone ? await encryptPii(ctx, input.phone) : null;
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());

  await withTx(ctx, async (tx) => {
    const ou = await orgUnitById(tx, input.orgUnitId);
    if (!ou || !ou.active || (!system && !recordInScope(actor, 'user.manage', { areaPath: ou.area_path, orgUnitId: ou.id }))) {
      throw identityError('ORG_UNIT_NOT_FOUND');
    }
    const taken = await tx.db.selectFrom('core.app_user').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw identityError('USERNAME_TAKEN', `用户名「${username}」已被使用`);
    const row = {
      id,
      username,
      display_name: input.displayName.trim(),
      org_unit_id: ou.id,
      area_code: ou.area_code,
      area_path: ou.area_path,
      phone_enc: phoneEnc,
      phone_masked: input.phone ? maskPhone(input.phone) : null,
      email: input.email ?? null,
      password_hash: hash,
      password_changed_at: now,
      must_change_password: input.mustChangePassword ?? true,
      is_demo: input.isDemo ?? false,
      status: 'active',
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('core.app_user').values(row).execute();
    const granted: Array<Record<string, unknown>> = [];
    for (const r of input.roles ?? []) {
      const role = await roleByCode(tx, r.roleCode);
      const at = r.orgUnitId && r.orgUnitId !== ou.id ? await orgUnitById(tx, r.orgUnitId) : ou;
      if (!at || !at.active) throw identityError('ORG_UNIT_NOT_FOUND');
      if (!system) {
        const missing = missingForGrant(actor, 'user.manage', role.permissions, { areaPath: at.area_path, orgUnitId: at.id, scope: r.scope });
        if (missing.length) throw identityError('GRANT_EXCEEDS_OWN', undefined, { missing });
      }
      const aid = uuidv7(now.getTime());
      await tx.db
        .insertInto('core.role_assignment')
        .values({ id: aid, user_id: id, role_code: role.code, org_unit_id: at.id, scope: r.scope, valid_from: input.rolesValidFrom ?? now, created_at: now })
        .execute();
      granted.push({ assignmentId: aid, roleCode: role.code, orgUnitId: at.id, scope: r.scope });
    }
    await recordAudit(tx, {
      actor,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      before: null,
      after: { ...auditView(row), roles: granted },
      reason: null,
      areaCode: ou.area_code,
      areaPath: ou.area_path,
      orgUnitId: ou.id,
    });
  });
  return { id, initialPassword: generated };
}
