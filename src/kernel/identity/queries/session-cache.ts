import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { sessionIdOf, TOUCH_INTERVAL_MS } from '../session.ts';
import { loadSessionActor, type SessionLookup } from './load-session-actor.ts';
import { forgetNames } from '../names-cache.ts';

/** A cached session is trusted this long at most, even when nothing bumped the counter. */
export const SESSION_CACHE_TTL_MS = 30_000;
/**
 * core.auth_epoch is re-read at most this often when nothing told this process it moved: the
 * longest a change made by another process (or a script) goes unseen when its notification is
 * lost. On PostgreSQL a NOTIFY (auth-epoch-listener.ts) usually ends it within milliseconds.
 */
export const AUTH_EPOCH_RECHECK_MS = 1_000;
const MAX_ENTRIES = 10_000;

type Entry = { epoch: string; found: Extract<SessionLookup, { kind: 'ok' }>; validUntil: number };

/** Every session cache in this process: a write here marks them all for a re-check. */
const caches = new Set<{ markStale(): void }>();

/**
 * Something that can end a session or change a grant may have just committed in this process
 * (any write request, before its answer is sent): every cache re-reads core.auth_epoch on its
 * next lookup, so a logout, revocation or role change takes effect at once here.
 */
export function markAuthMaybeChanged(): void {
  for (const c of caches) c.markStale();
}

/**
 * Sessions and grants resolved once and kept in this process for a short while, without a
 * database read per request. core.auth_epoch (bumped by triggers when a session is revoked or a
 * user, role, grant or org unit changes) is re-read only when this process wrote something
 * (markAuthMaybeChanged), when PostgreSQL notified a bump, or AUTH_EPOCH_RECHECK_MS after the
 * last read; a different value drops the whole cache. An entry also ends when the session is due
 * a last-seen touch, when a grant's validity ends, and after SESSION_CACHE_TTL_MS.
 */
export function createSessionCache() {
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<SessionLookup>>();
  let seen: string | null = null;
  /** Bumped by every mark; the epoch read is current when it started at this generation. */
  let gen = 0;
  let checkedGen = -1;
  let checkedAt = -Infinity;
  let pending: { gen: number; done: Promise<void> } | null = null;

  const handle = { markStale: () => void gen++ };
  caches.add(handle);

  async function currentEpoch(ctx: AppContext, now: number): Promise<string> {
    const fresh = checkedGen === gen && now >= checkedAt && now - checkedAt < AUTH_EPOCH_RECHECK_MS;
    if (fresh) return seen!;
    if (!pending || pending.gen !== gen) {
      const started = gen;
      const done = (async () => {
        const v = String((await sql<{ v: string }>`select v from core.auth_epoch where id = 1`.execute(ctx.db)).rows[0]?.v ?? '');
        if (v !== seen) {
          entries.clear();
          forgetNames(ctx.db); // a unit or an area may have a new name too
          seen = v;
        }
        checkedGen = started;
        checkedAt = now;
      })().finally(() => {
        if (pending?.done === done) pending = null;
      });
      pending = { gen: started, done };
    }
    await pending.done;
    return seen!;
  }

  async function resolveSession(ctx: AppContext, token: string, clientIp: string | null): Promise<SessionLookup> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { kind: 'none' };
    const now = ctx.clock.now().getTime();
    // The counter is known before the session is read: a change committed after that bumps it again.
    const epoch = await currentEpoch(ctx, now);
    const id = sessionIdOf(token);
    const hit = entries.get(id);
    if (hit && hit.epoch === epoch && now < hit.validUntil) return { ...hit.found, actor: { ...hit.found.actor, clientIp } };
    entries.delete(id);
    // One load per session at a time: the many tabs and requests of a session whose entry just
    // ended wait for the same read instead of each taking a pool connection for it.
    const key = `${epoch}:${id}`;
    let load = loading.get(key);
    if (!load) {
      load = loadSessionActor(ctx, token, null).finally(() => loading.delete(key));
      loading.set(key, load);
      void load.then(
        (found) => {
          if (found.kind !== 'ok' || seen !== epoch) return;
          const ends = found.actor.grants.map((g) => g.validTo?.getTime() ?? Infinity);
          const validUntil = Math.min(now + SESSION_CACHE_TTL_MS, found.lastSeenAt.getTime() + TOUCH_INTERVAL_MS, found.expiresAt.getTime(), ...ends);
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
          entries.set(id, { epoch, found, validUntil });
        },
        () => undefined,
      );
    }
    const found = await load;
    return found.kind === 'ok' ? { ...found, actor: { ...found.actor, clientIp } } : found;
  }

  return Object.assign(resolveSession, {
    /** Re-read the counter on the next lookup (a notification from PostgreSQL, a local write). */
    markStale: handle.markStale,
    /** Stop taking part in markAuthMaybeChanged (the app closed). */
    dispose: () => void caches.delete(handle),
  });
}
