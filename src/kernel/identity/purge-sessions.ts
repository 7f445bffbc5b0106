import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { chinaDate, chinaMidnight } from '../../platform/china-time.ts';
import { registerJobHandler } from '../../platform/jobs/registry.ts';

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

/** Daily pg-boss job at 02:00 China time; it queues its next run itself. */
export const SESSION_PURGE_JOB = 'identity.session_purge';
export async function scheduleSessionPurge(ctx: AppContext): Promise<void> {
  const next = new Date(chinaMidnight(chinaDate(ctx.clock.now())).getTime() + 26 * 3_600_000);
  await ctx.jobs.send(ctx, SESSION_PURGE_JOB, { at: next.toISOString() }, { startAfter: next, singletonKey: 'daily' });
}
registerJobHandler(SESSION_PURGE_JOB, async (ctx) => {
  const n = await purgeSessions(ctx);
  if (n) ctx.logger.info(`已清理失效会话 ${n} 条 / purged ${n} dead sessions`);
  await scheduleSessionPurge(ctx);
});
