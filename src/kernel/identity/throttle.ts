import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { identityError } from './contract.ts';

/**
 * Login throttling with growing delays, the same for known and unknown usernames (the keys are
 * the typed name and the source address, never whether the account exists). Three counters:
 * - pair:<username>|<address> — one source guessing one account: free for maxFailures tries;
 * - src:<address> — one source guessing many accounts: free for 4 × maxFailures;
 * - acct:<username> — many sources guessing one account: free for 4 × maxFailures, so a single
 *   stranger is slowed down (pair) long before the real user, elsewhere, notices anything.
 * Past its free tries a counter blocks for 30 s, doubling with each further failure, at most
 * config.login.lockMinutes; a counter with no failure for an hour starts over. A blocked
 * attempt gets 429 with Retry-After and checks no password. Administrators clear an account's
 * counters with 解锁 (console) or `minzheng users unlock <username>`.
 */
const BASE_DELAY_MS = 30_000;
const FORGET_MS = 60 * 60_000;

type Key = { key: string; free: number };

export function throttleKeys(ctx: AppContext, username: string, ip: string | null): Key[] {
  const n = ctx.config.login.maxFailures;
  const u = username.trim().toLowerCase();
  const keys: Key[] = [{ key: `acct:${u}`, free: 4 * n }];
  if (ip) keys.push({ key: `src:${ip}`, free: 4 * n }, { key: `pair:${u}|${ip}`, free: n });
  return keys;
}

/** Refuses (429, Retry-After) while any of the keys is blocked. */
export async function assertNotThrottled(ctx: AppContext, keys: readonly Key[]): Promise<void> {
  const now = ctx.clock.now();
  const rows = await sql<{ blocked_until: Date | null }>`select blocked_until from core.login_throttle
    where key in (${sql.join(keys.map((k) => k.key))}) and blocked_until > ${now}`.execute(ctx.db);
  const until = Math.max(0, ...rows.rows.map((r) => new Date(r.blocked_until!).getTime()));
  if (until > now.getTime()) throw throttledError(Math.ceil((until - now.getTime()) / 1000));
}

export function throttledError(retryAfterSeconds: number) {
  return identityError('LOGIN_THROTTLED', `登录尝试过于频繁，请于 ${retryAfterSeconds} 秒后再试 / Too many attempts, retry after ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

/**
 * One failure on every key (one statement each, so concurrent failures all count), inside the
 * caller's transaction if any. Returns the time the account counter (acct:) now blocks until, if it does.
 */
export async function recordFailure(ctx: AppContext, keys: readonly Key[]): Promise<Date | null> {
  const now = ctx.clock.now();
  return withTx(ctx, async (tx) => {
    let account: Date | null = null;
    for (const k of keys) {
      const r = await sql<{ failures: number }>`insert into core.login_throttle (key, failures, last_failure_at) values (${k.key}, 1, ${now})
        on conflict (key) do update set
          failures = case when core.login_throttle.last_failure_at < ${new Date(now.getTime() - FORGET_MS)} then 1 else core.login_throttle.failures + 1 end,
          last_failure_at = ${now}
        returning failures`.execute(tx.db);
      const over = r.rows[0]!.failures - k.free;
      if (over < 0) continue;
      const delay = Math.min(BASE_DELAY_MS * 2 ** Math.min(over, 20), ctx.config.login.lockMinutes * 60_000);
      const until = new Date(now.getTime() + delay);
      await sql`update core.login_throttle set blocked_until = ${until} where key = ${k.key}`.execute(tx.db);
      if (k.key.startsWith('acct:')) account = until;
    }
    // Forgotten counters go (names typed by strangers must not pile up).
    await sql`delete from core.login_throttle where last_failure_at < ${new Date(now.getTime() - FORGET_MS)}
      and (blocked_until is null or blocked_until < ${now})`.execute(tx.db);
    return account;
  });
}

/** A successful sign-in clears the account's own counters (not the source's). */
export async function clearAccount(ctx: AppContext, username: string, ip?: string | null): Promise<void> {
  const u = username.trim().toLowerCase();
  if (ip === undefined) {
    await sql`delete from core.login_throttle where key = ${`acct:${u}`} or key like ${`pair:${u.replace(/[\\%_]/g, (c) => '\\' + c)}|%`}`.execute(ctx.db);
  } else {
    await sql`delete from core.login_throttle where key in (${`acct:${u}`}, ${`pair:${u}|${ip ?? ''}`})`.execute(ctx.db);
  }
}
