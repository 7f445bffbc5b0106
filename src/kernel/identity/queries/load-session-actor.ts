import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../actor.ts';
import { loadGrants } from '../repository.ts';
import { sessionIdOf, TOUCH_INTERVAL_MS } from '../session.ts';

/** Where the signed-in user sits, as 当前用户 (GET /api/me) shows it: cached with the session, so that read needs no query. */
export type SessionPlace = { orgUnit: { id: string; code: string; name: string }; areaName: string };

export type SessionLookup =
  { kind: 'ok'; actor: Actor; csrfToken: string; lastSeenAt: Date; expiresAt: Date; place: SessionPlace } | { kind: 'expired' } | { kind: 'none' };

/**
 * Resolves a session cookie to the signed-in actor, enforcing idle and absolute expiry.
 * An expired session is revoked so it cannot come back if the clock or config changes.
 */
export async function loadSessionActor(ctx: AppContext, token: string, clientIp: string | null): Promise<SessionLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { kind: 'none' };
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('core.session as s')
    .innerJoin('core.app_user as u', 'u.id', 's.user_id')
    .innerJoin('core.org_unit as ou', 'ou.id', 'u.org_unit_id')
    .innerJoin('core.area as a', 'a.code', 'u.area_code')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_unit_id',
      'u.area_code',
      'u.area_path',
      'u.status',
      'u.totp_enabled_at',
      'u.must_change_password',
      'ou.code as ou_code',
      'ou.name as ou_name',
      'a.name as area_name',
    ])
    .where('s.id', '=', sessionIdOf(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return { kind: 'none' };
  if (row.status !== 'active') return { kind: 'expired' };
  const idleLimit = row.last_seen_at.getTime() + ctx.config.session.idleMinutes * 60_000;
  if (now.getTime() >= idleLimit || now.getTime() >= row.expires_at.getTime()) {
    await ctx.db.updateTable('core.session').set({ revoked_at: now }).where('id', '=', row.session_id).where('revoked_at', 'is', null).execute();
    return { kind: 'expired' };
  }
  let lastSeenAt = row.last_seen_at;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    lastSeenAt = now;
    await ctx.db.updateTable('core.session').set({ last_seen_at: now }).where('id', '=', row.session_id).execute();
  }
  const actor: Actor = {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    orgUnitId: row.org_unit_id,
    areaCode: row.area_code,
    areaPath: row.area_path,
    grants: await loadGrants(ctx, row.id, now),
    sessionId: row.session_id,
    clientIp,
    totpEnabled: row.totp_enabled_at !== null,
    mustChangePassword: row.must_change_password,
  };
  const place = { orgUnit: { id: row.org_unit_id, code: row.ou_code, name: row.ou_name }, areaName: row.area_name };
  return { kind: 'ok', actor, csrfToken: row.csrf_token, lastSeenAt, expiresAt: row.expires_at, place };
}
