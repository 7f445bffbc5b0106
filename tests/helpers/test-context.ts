import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { parseConfig, type Config } from '../../src/platform/config.ts';
import { createDb, type DbHandle } from '../../src/platform/db/create-db.ts';
import { systemClock, type AppContext, type Clock } from '../../src/platform/context.ts';
// Every module's job queues and the calendar → deadline hook, as in the running app.
import { jobRegistry } from '../../src/server/worker.ts';
import { createJobs, type JobsRuntime } from '../../src/platform/jobs/pg-boss-jobs.ts';
import { adminQuery, quoteIdent, withDatabase } from './databases.ts';

/** `jobs` is the job queue runtime: `jobs.runDue(ctx)` runs due jobs in the test; no worker polls unless started. */
export type TestContext = { ctx: AppContext; handle: DbHandle; jobs: JobsRuntime; databaseUrl?: string; close(): Promise<void> };

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * A private, migrated and seeded database for one test file: a PGlite loaded from the run's
 * template dump, or a PostgreSQL database cloned from the template when DATABASE_URL is set.
 */
export async function openTestContext(opts: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestContext> {
  const url = process.env.DATABASE_URL;
  const config: Config = parseConfig({ DEMO: 'on', LOG_LEVEL: 'silent', DATABASE_URL: url, ...opts.env });
  const clock = opts.clock ?? systemClock;
  if (url) {
    const name = `mz_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${quoteIdent(name)} template ${quoteIdent(inject('pgTemplate'))}`);
    const databaseUrl = withDatabase(url, name);
    const handle = await createDb({ kind: 'postgres', url: databaseUrl, max: 4 });
    const jobs = await createJobs(handle, config, { databaseUrl, registry: jobRegistry });
    const ctx: AppContext = { db: handle.db, dbKind: 'postgres', config: { ...config, databaseUrl }, clock, jobs: jobs.jobs, logger: silent };
    return {
      ctx,
      handle,
      jobs,
      databaseUrl,
      close: async () => {
        await jobs.stop({ graceful: false });
        await handle.close();
        await adminQuery(url, `drop database if exists ${quoteIdent(name)} with (force)`);
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const handle = await createDb({ kind: 'pglite', loadDataDir: blob });
  const jobs = await createJobs(handle, config, { registry: jobRegistry });
  const ctx: AppContext = { db: handle.db, dbKind: 'pglite', config, clock, jobs: jobs.jobs, logger: silent };
  return {
    ctx,
    handle,
    jobs,
    close: async () => {
      await jobs.stop({ graceful: false });
      await handle.close();
    },
  };
}
