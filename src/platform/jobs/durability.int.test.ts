import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { adminQuery, quoteIdent, withDatabase } from '../../../tests/helpers/databases.ts';
import { parseConfig } from '../config.ts';
import { systemClock, withTx, type AppContext } from '../context.ts';
import { createDb, type DbHandle } from '../db/create-db.ts';
import { createJobRegistry, registerJobHandler } from './registry.ts';
import { createJobs, type JobsRuntime } from './pg-boss-jobs.ts';

/**
 * A timer survives its process: schedule a job a couple of seconds ahead, kill the queue and the
 * database connection without draining, open the same database again, and the job runs exactly
 * once. On a fresh database, so the first open also measures installing the pg-boss schema.
 */
const baseUrl = process.env.DATABASE_URL;
const dbName = `mz_t_jobs_${randomBytes(5).toString('hex')}`;
const dataDir = baseUrl ? '' : mkdtempSync(path.join(tmpdir(), 'mz-jobs-'));
const dbUrl = baseUrl ? withDatabase(baseUrl, dbName) : undefined;
const config = parseConfig({ LOG_LEVEL: 'silent', DATABASE_URL: dbUrl });
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const Q = 'test.durable';

type Life = { handle: DbHandle; jobs: JobsRuntime; ctx: AppContext };
const ran: string[] = [];
const reg = createJobRegistry();
registerJobHandler<{ key: string }>(
  Q,
  async (ctx, data, job) => {
    ran.push(job.id);
    await sql`insert into public.timer_effect (key, job_id) values (${data.key}, ${job.id})`.execute(ctx.db);
  },
  {},
  reg,
);

async function open(): Promise<Life> {
  const handle = dbUrl ? await createDb({ kind: 'postgres', url: dbUrl, max: 2 }) : await createDb({ kind: 'pglite', dataDir });
  const jobs = await createJobs(handle, config, { registry: reg, databaseUrl: dbUrl });
  return { handle, jobs, ctx: { db: handle.db, dbKind: handle.kind, config, clock: systemClock, jobs: jobs.jobs, logger: silent } };
}
/** "Kill": abandon whatever is running, close without waiting for anything to drain. */
async function kill(l: Life) {
  await l.jobs.stop({ graceful: false });
  await l.handle.close();
}
const effects = async (l: Life, key: string) =>
  (await sql<{ n: number; first: Date | null }>`select count(*)::int as n, min(at) as first from public.timer_effect where key = ${key}`.execute(l.ctx.db))
    .rows[0]!;

beforeAll(async () => {
  if (baseUrl) await adminQuery(baseUrl, `create database ${quoteIdent(dbName)}`);
});
afterAll(async () => {
  if (baseUrl) await adminQuery(baseUrl, `drop database if exists ${quoteIdent(dbName)} with (force)`);
  else rmSync(dataDir, { recursive: true, force: true });
});

describe(`durable timers (${baseUrl ? 'PostgreSQL' : 'PGlite data directory'})`, () => {
  it('a job scheduled before a kill runs exactly once after the restart', { timeout: 60_000 }, async () => {
    const first = await open();
    // A fresh database: the first open installed the schema. Printed so the cost is on record.
    console.info(`pg-boss schema install on a fresh ${first.handle.kind} database: ${first.jobs.installMs} ms`);
    expect(first.jobs.installMs).toBeGreaterThan(0);
    await sql`create table public.timer_effect (key text not null, job_id text not null, at timestamptz not null default now())`.execute(first.ctx.db);
    await first.jobs.start(first.ctx);
    const due = new Date(Date.now() + 2000);
    const id = await withTx(first.ctx, (tx) => tx.jobs.send(tx, Q, { key: 'k1' }, { startAfter: due }));
    expect(id).not.toBeNull();
    expect((await effects(first, 'k1')).n).toBe(0);
    await kill(first);
    expect(ran).toEqual([]);

    const second = await open();
    expect(second.jobs.installMs).toBe(0);
    try {
      await second.jobs.start(second.ctx);
      const deadline = Date.now() + 15_000;
      while ((await effects(second, 'k1')).n === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // Two more polling rounds: a second run, if there were one, would show here.
      await new Promise((r) => setTimeout(r, 2500));
      const e = await effects(second, 'k1');
      expect(e.n).toBe(1);
      expect(ran).toEqual([id]);
      expect(e.first!.getTime()).toBeGreaterThanOrEqual(due.getTime() - 50);
    } finally {
      await kill(second);
    }
  });
});
