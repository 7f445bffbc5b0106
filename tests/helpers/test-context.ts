import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { parseConfig, type Config } from '../../src/platform/config.ts';
import { createDb, type DbHandle } from '../../src/platform/db/create-db.ts';
import { systemClock, type AppContext, type Clock } from '../../src/platform/context.ts';
import { adminQuery, quoteIdent, withDatabase } from './databases.ts';

export type TestContext = { ctx: AppContext; handle: DbHandle; databaseUrl?: string; close(): Promise<void> };

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
    const ctx: AppContext = { db: handle.db, dbKind: 'postgres', config, clock, logger: silent };
    return {
      ctx,
      handle,
      databaseUrl,
      close: async () => {
        await handle.close();
        await adminQuery(url, `drop database if exists ${quoteIdent(name)} with (force)`);
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const handle = await createDb({ kind: 'pglite', loadDataDir: blob });
  const ctx: AppContext = { db: handle.db, dbKind: 'pglite', config, clock, logger: silent };
  return { ctx, handle, close: () => handle.close() };
}
