import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { registerScheduledJob } from '../jobs/registry.ts';

/** The job that vacuums and analyzes an embedded database once a day. */
export const EMBEDDED_VACUUM_JOB = 'db.embedded_vacuum';

/**
 * PGlite runs PostgreSQL in the application's process without the autovacuum daemon: nothing removes the rows that
 * updates and deletes leave behind, and nothing refreshes the planner's statistics. Left alone, a table that is written
 * and emptied every minute (the rollups' change logs) keeps every row it ever held, and each read of it scans them all.
 * On PGlite this vacuums `tables` (or the whole database), with ANALYZE when asked; on PostgreSQL autovacuum does both,
 * and it returns false without a statement. Must be called outside a transaction (ctx.db the root connection).
 */
export async function vacuumEmbedded(ctx: AppContext, opts: { tables?: readonly string[]; analyze?: boolean } = {}): Promise<boolean> {
  if (ctx.dbKind !== 'pglite') return false;
  const how = opts.analyze ? sql`(analyze)` : sql``;
  const what = opts.tables ? sql.join(opts.tables.map((t) => sql.table(t))) : sql``;
  await sql`vacuum ${how} ${what}`.execute(ctx.db);
  return true;
}

// Once a day at 12:30 China time — the offices' midday break, when an embedded deployment on an office computer is
// still switched on (at night it may not be) and few people wait: one pass over the whole embedded database, which
// PGlite's one session serves alone for its duration (3–5 s for the demo's 115 MB on a busy machine). A day it misses is
// not caught up at the next start, where it would stall the first requests.
registerScheduledJob(
  EMBEDDED_VACUUM_JOB,
  '30 12 * * *',
  async (ctx) => {
    await vacuumEmbedded(ctx, { analyze: true });
  },
  { retryLimit: 0, expireInSeconds: 900 },
);
