import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { identityError } from '../contract.ts';
import { burnPasswordCheck, verifyPassword } from '../password/hash.ts';
import { createSession, revokeSession, rootAreaPath, writeLoginLog } from '../session.ts';
import { assertNotThrottled, clearAccount, recordFailure, throttleKeys } from '../throttle.ts';
import { base32Decode, verifyTotp } from '../totp.ts';

export type LoginInput = {
  username: string;
  password: string;
  totp?: string;
  ip: string | null;
  userAgent: string | null;
  /** The session the browser still presented, ended on login so the id always rotates. */
  previousSessionId?: string | null;
};

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  org_unit_id: string;
  area_code: string;
  area_path: string;
  status: string;
  password_hash: string;
  locked_until: Date | null;
  totp_secret_enc: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
};

/**
 * 登录. Unknown user and wrong password answer alike (same status, body and cost: a dummy hash);
 * the login log keeps the true outcome. Failures feed the throttle (throttle.ts: per account, per
 * source and per pair, growing delays, 429 with Retry-After); wrong TOTP codes count too.
 */
export async function login(ctx: AppContext, input: LoginInput): Promise<{ token: string; csrfToken: string; sessionId: string; userId: string }> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const meta = { ip: input.ip, userAgent: input.userAgent };
  const user = (await ctx.db
    .selectFrom('core.app_user')
    .select([
      'id',
      'username',
      'display_name',
      'org_unit_id',
      'area_code',
      'area_path',
      'status',
      'password_hash',
      'locked_until',
      'totp_secret_enc',
      'totp_enabled_at',
      'totp_last_step',
    ])
    .where('username', '=', username)
    .executeTakeFirst()) as UserRow | undefined;
  const log = (c: AppContext, outcome: string) =>
    writeLoginLog(c, { userId: user?.id ?? null, username, outcome, ...meta, areaPath: user?.area_path ?? null, orgUnitId: user?.org_unit_id ?? null });

  // Throttled before anything is looked at: the same answer whether the user exists or not.
  const keys = throttleKeys(ctx, username, input.ip);
  try {
    await assertNotThrottled(ctx, keys);
  } catch (e) {
    await (user
      ? log(ctx, 'throttled')
      : writeLoginLog(ctx, { userId: null, username, outcome: 'throttled', ...meta, areaPath: await rootAreaPath(ctx), orgUnitId: null }));
    throw e;
  }
  if (!user) {
    // A dummy hash, so an unknown name costs the same time as a wrong password.
    await burnPasswordCheck(input.password);
    const root = await rootAreaPath(ctx);
    await withTx(ctx, async (tx) => {
      await recordFailure(tx, keys);
      await writeLoginLog(tx, { userId: null, username, outcome: 'unknown_user', ...meta, areaPath: root, orgUnitId: null });
    });
    throw identityError('INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await registerFailure(ctx, user, 'bad_password', meta, keys);
    throw identityError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await log(ctx, 'disabled');
    throw identityError('ACCOUNT_DISABLED');
  }
  let step: number | null = null;
  if (user.totp_enabled_at && user.totp_secret_enc) {
    if (!input.totp) {
      await log(ctx, 'totp_required');
      throw identityError('TOTP_REQUIRED');
    }
    step = verifyTotp(base32Decode(await decryptPii(ctx, user.totp_secret_enc)), input.totp, now, user.totp_last_step);
    if (step === null) {
      await registerFailure(ctx, user, 'bad_totp', meta, keys);
      throw identityError('TOTP_INVALID');
    }
  }

  const result = await withTx(ctx, async (tx) => {
    let q = tx.db
      .updateTable('core.app_user')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now, ...(step !== null ? { totp_last_step: step } : {}) })
      .where('id', '=', user.id);
    // A code is good once: a concurrent login with the same step loses here.
    if (step !== null) q = q.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]));
    const upd = await q.executeTakeFirst();
    if (upd.numUpdatedRows === 0n) return null;
    await clearAccount(tx, user.username, input.ip);
    if (input.previousSessionId) await revokeSession(tx, input.previousSessionId);
    const s = await createSession(tx, user.id, meta);
    await log(tx, 'success');
    await recordAudit(tx, {
      actor: userActor(user, input.ip, s.id),
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: { sessionCreated: true },
      reason: null,
      areaCode: user.area_code,
      areaPath: user.area_path,
      orgUnitId: user.org_unit_id,
    });
    return s;
  });
  if (!result) {
    await registerFailure(ctx, user, 'bad_totp', meta, keys);
    throw identityError('TOTP_INVALID');
  }
  return { token: result.token, csrfToken: result.csrfToken, sessionId: result.id, userId: user.id };
}

/**
 * A failed attempt of a known user: the throttle counters, the user's failure count and, when the
 * account counter starts blocking, its time on the user row (解锁 in the console) and an audit event.
 */
export async function registerFailure(
  ctx: AppContext,
  user: Pick<UserRow, 'id' | 'username' | 'area_code' | 'area_path' | 'org_unit_id'>,
  outcome: string,
  meta: { ip: string | null; userAgent: string | null },
  keys = throttleKeys(ctx, user.username, meta.ip),
) {
  await withTx(ctx, async (tx) => {
    const until = await recordFailure(tx, keys);
    const r = await sql<{ failed_logins: number }>`update core.app_user set failed_logins = failed_logins + 1,
        locked_until = coalesce(${until}::timestamptz, case when locked_until > ${tx.clock.now()} then locked_until end)
      where id = ${user.id} returning failed_logins`.execute(tx.db);
    await writeLoginLog(tx, { userId: user.id, username: user.username, outcome, ...meta, areaPath: user.area_path, orgUnitId: user.org_unit_id });
    if (!until) return;
    await recordAudit(tx, {
      actor: { ...SYSTEM_ACTOR, clientIp: meta.ip },
      action: 'user.lock',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: { lockedUntil: until.toISOString(), failedLogins: r.rows[0]!.failed_logins },
      reason: '登录失败次数达到上限，登录暂缓（逐次加长）',
      areaCode: user.area_code,
      areaPath: user.area_path,
      orgUnitId: user.org_unit_id,
    });
  });
}

function userActor(u: UserRow, ip: string | null, sessionId: string): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    orgUnitId: u.org_unit_id,
    areaCode: u.area_code,
    areaPath: u.area_path,
    grants: [],
    sessionId,
    clientIp: ip,
  };
}
