import { withTx, type AppContext } from '../../../platform/context.ts';
import { decryptPii, encryptPii } from '../../../platform/crypto/pii.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { verifyPassword } from '../password/hash.ts';
import { base32Decode, newTotpSecret, otpauthUri, verifyTotp } from '../totp.ts';

/**
 * A user's own second factor: setup stores a new secret (SM4-encrypted) without enabling it;
 * enable proves the authenticator works; disable needs the password and a current code.
 */
export async function setupTotp(ctx: AppContext, actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
  const u = await ownRow(ctx, actor);
  if (u.totp_enabled_at) throw identityError('TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  const enc = await encryptPii(ctx, secret);
  await withTx(ctx, async (tx) => {
    await tx.db.updateTable('core.app_user').set({ totp_secret_enc: enc, totp_last_step: null }).where('id', '=', actor.userId).execute();
    await audit(tx, actor, 'user.totp.setup', { totpEnabled: false });
  });
  return { secret, otpauthUri: otpauthUri(secret, u.username) };
}

export async function enableTotp(ctx: AppContext, actor: Actor, code: string): Promise<void> {
  const u = await ownRow(ctx, actor);
  if (u.totp_enabled_at) throw identityError('TOTP_ALREADY_ENABLED');
  if (!u.totp_secret_enc) throw identityError('TOTP_NOT_SET_UP');
  const now = ctx.clock.now();
  const step = verifyTotp(base32Decode(await decryptPii(ctx, u.totp_secret_enc)), code, now, u.totp_last_step);
  if (step === null) throw identityError('TOTP_INVALID');
  await withTx(ctx, async (tx) => {
    await tx.db.updateTable('core.app_user').set({ totp_enabled_at: now, totp_last_step: step, updated_at: now }).where('id', '=', actor.userId).execute();
    await audit(tx, actor, 'user.totp.enable', { totpEnabled: true });
  });
}

export async function disableTotp(ctx: AppContext, actor: Actor, input: { password: string; code: string }): Promise<void> {
  const u = await ownRow(ctx, actor);
  if (!u.totp_enabled_at || !u.totp_secret_enc) throw identityError('TOTP_NOT_SET_UP', '动态验证码尚未启用');
  if (!(await verifyPassword(u.password_hash, input.password))) throw identityError('PASSWORD_INCORRECT');
  const step = verifyTotp(base32Decode(await decryptPii(ctx, u.totp_secret_enc)), input.code, ctx.clock.now(), u.totp_last_step);
  if (step === null) throw identityError('TOTP_INVALID');
  await withTx(ctx, async (tx) => {
    await tx.db
      .updateTable('core.app_user')
      .set({ totp_enabled_at: null, totp_secret_enc: null, totp_last_step: null, updated_at: ctx.clock.now() })
      .where('id', '=', actor.userId)
      .execute();
    await audit(tx, actor, 'user.totp.disable', { totpEnabled: false });
  });
}

function ownRow(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('core.app_user')
    .select(['username', 'password_hash', 'totp_secret_enc', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
}

function audit(tx: AppContext, actor: Actor, action: string, after: Record<string, unknown>) {
  return recordAudit(tx, {
    actor,
    action,
    entityType: 'user',
    entityId: actor.userId,
    before: null,
    after,
    reason: null,
    areaCode: actor.areaCode,
    areaPath: actor.areaPath,
    orgUnitId: actor.orgUnitId,
  });
}
