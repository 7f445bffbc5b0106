import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { uuidv7 } from '../../platform/ids.ts';

/**
 * Sessions live in core.session so app servers stay stateless. The cookie carries a 32-byte
 * random token; the row is keyed by its SM3 hash, so a leaked table cannot be replayed.
 */
export const SESSION_COOKIE = 'mz_session';
/** Touch last_seen_at at most this often: idle expiry needs minute precision, not a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return sm3Hex(token);
}

export async function createSession(ctx: AppContext, userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const now = ctx.clock.now();
  const token = newToken();
  const csrfToken = newToken();
  const id = sessionIdOf(token);
  await ctx.db
    .insertInto('core.session')
    .values({
      id,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + ctx.config.session.maxHours * 3600_000),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return { token, id, csrfToken };
}

export async function revokeSession(ctx: AppContext, id: string) {
  await ctx.db.updateTable('core.session').set({ revoked_at: ctx.clock.now() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** A login-log row. Failed attempts on unknown users carry no user and the region's root area. */
export async function writeLoginLog(
  ctx: AppContext,
  row: {
    userId: string | null;
    username: string;
    outcome: string;
    ip: string | null;
    userAgent: string | null;
    areaPath: string | null;
    orgUnitId: string | null;
  },
) {
  await ctx.db
    .insertInto('core.login_log')
    .values({
      id: uuidv7(ctx.clock.now().getTime()),
      at: ctx.clock.now(),
      user_id: row.userId,
      username: row.username.slice(0, 100),
      outcome: row.outcome,
      ip: row.ip,
      user_agent: row.userAgent?.slice(0, 500) ?? null,
      area_path: row.areaPath,
      org_unit_id: row.orgUnitId,
    })
    .execute();
}

/** Root area path (the region), for log rows that belong to no county: only region-wide scopes see them. */
export async function rootAreaPath(ctx: AppContext): Promise<string | null> {
  const r = await ctx.db.selectFrom('core.area').select('path').where('parent_code', 'is', null).orderBy('sort').orderBy('code').executeTakeFirst();
  return r?.path ?? null;
}
