import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { registerDailyJob } from '../jobs/daily.ts';

/** The daily job that vacuums and analyzes an embedded database. */
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

// Every night at 04:00 China time (after the session purge at 02:00 and the file sweep at 03:00, which delete rows):
// one pass over the whole embedded database; PGlite's one session waits for it, a few seconds at the demo's size.
registerDailyJob(EMBEDDED_VACUUM_JOB, 4, async (ctx) => {
  await vacuumEmbedded(ctx, { analyze: true });
});
