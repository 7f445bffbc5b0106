import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { sessionIdOf, TOUCH_INTERVAL_MS } from '../session.ts';
import { loadSessionActor, type SessionLookup } from './load-session-actor.ts';

/** A cached session is trusted this long at most, even when nothing bumped the counter. */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

type Entry = { epoch: string; found: Extract<SessionLookup, { kind: 'ok' }>; validUntil: number };

/**
 * Sessions and grants resolved once and kept in this process for a short while. Each request
 * still reads core.auth_epoch (one primary-key lookup, bumped by triggers when a session is
 * revoked or a user, role, grant or org unit changes): a different value drops the whole cache,
 * so a logout, revocation or role change on any process takes effect on the very next request.
 * An entry also ends when the session is due a last-seen touch, when a grant's validity ends,
 * and after SESSION_CACHE_TTL_MS.
 */
export function createSessionCache() {
  const entries = new Map<string, Entry>();
  let seen: string | null = null;

  return async function resolveSession(ctx: AppContext, token: string, clientIp: string | null): Promise<SessionLookup> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { kind: 'none' };
    // Read the counter before the session: a change committed after this read bumps it again.
    const epoch = String((await sql<{ v: string }>`select v from core.auth_epoch where id = 1`.execute(ctx.db)).rows[0]?.v ?? '');
    if (epoch !== seen) {
      entries.clear();
      seen = epoch;
    }
    const id = sessionIdOf(token);
    const now = ctx.clock.now().getTime();
    const hit = entries.get(id);
    if (hit && hit.epoch === epoch && now < hit.validUntil) return { ...hit.found, actor: { ...hit.found.actor, clientIp } };
    entries.delete(id);
    const found = await loadSessionActor(ctx, token, clientIp);
    if (found.kind !== 'ok') return found;
    const ends = found.actor.grants.map((g) => g.validTo?.getTime() ?? Infinity);
    const validUntil = Math.min(now + SESSION_CACHE_TTL_MS, found.lastSeenAt.getTime() + TOUCH_INTERVAL_MS, found.expiresAt.getTime(), ...ends);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(id, { epoch, found, validUntil });
    return found;
  };
}
