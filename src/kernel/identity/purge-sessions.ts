import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { registerDailyJob } from '../../platform/jobs/daily.ts';

/** How long a dead session row is kept after it stopped working (the login log keeps the history). */
const GRACE_MS = 24 * 3600_000;

/**
 * Delete session rows that can no longer authenticate: past their absolute expiry, idle past the
 * idle limit, or signed out — each more than a day ago. Returns how many were deleted.
 */
export async function purgeSessions(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  const before = new Date(now - GRACE_MS);
  const idleBefore = new Date(now - ctx.config.session.idleMinutes * 60_000 - GRACE_MS);
  const r = await sql`delete from core.session where expires_at < ${before} or revoked_at < ${before} or last_seen_at < ${idleBefore}`.execute(ctx.db);
  return Number(r.numAffectedRows ?? 0);
}

/** Daily at 02:00 China time, once per deployment (src/platform/jobs/daily.ts). */
export const SESSION_PURGE_JOB = 'identity.session_purge';
registerDailyJob(SESSION_PURGE_JOB, 2, async (ctx) => {
  const n = await purgeSessions(ctx);
  if (n) ctx.logger.info(`已清理失效会话 ${n} 条 / purged ${n} dead sessions`);
});
