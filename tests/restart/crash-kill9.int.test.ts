import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createDb, type DbHandle } from '../../src/platform/db/create-db.ts';
import { createJobs, type JobsRuntime } from '../../src/platform/jobs/pg-boss-jobs.ts';
import { prepareDatabase } from '../../src/server/boot.ts';
import { jobRegistry } from '../../src/server/worker.ts';
import { verifyAudit } from '../../src/kernel/audit/verify-audit.ts';
import { adminQuery, quoteIdent, withDatabase } from '../helpers/databases.ts';
import { manualClock } from '../helpers/test-app.ts';
import '../helpers/sample-workflow.ts';

/**
 * kill -9 while eight writers create cases concurrently on PostgreSQL, then restart: every
 * acknowledged case is there, no case is half-written (each has its event, clock, timer and
 * audit entry, and the audit chain verifies), and every case's reminder fires exactly once.
 */
const baseUrl = process.env.DATABASE_URL;
const dbName = `mz_t_crash_${randomBytes(5).toString('hex')}`;
const dbUrl = baseUrl ? withDatabase(baseUrl, dbName) : '';
const config = parseConfig({ LOG_LEVEL: 'silent', DATABASE_URL: dbUrl || undefined, DEMO: 'on', PII_KEY: '00112233445566778899aabbccddeeff' });
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let handle: DbHandle;
let jobs: JobsRuntime;
let ctx: AppContext;
const open = async () => {
  handle = await createDb({ kind: 'postgres', url: dbUrl, max: 4 });
  jobs = await createJobs(handle, config, { registry: jobRegistry, databaseUrl: dbUrl });
  ctx = { db: handle.db, dbKind: 'postgres', config, clock, jobs: jobs.jobs, logger: silent };
};
const shut = async () => {
  await jobs?.stop({ graceful: false });
  await handle?.close();
};

describe.skipIf(!baseUrl)('kill -9 during concurrent transitions (PostgreSQL; skipped on PGlite: its fsync is off by design)', () => {
  beforeAll(async () => {
    await adminQuery(baseUrl!, `create database ${quoteIdent(dbName)}`);
    await open();
    await prepareDatabase(ctx, { demo: true, demoHistory: false });
    await shut();
  });
  afterAll(async () => {
    await shut();
    await adminQuery(baseUrl!, `drop database if exists ${quoteIdent(dbName)} with (force)`);
  });

  it('keeps every acknowledged write, leaves no half-written case, and fires every due timer once', { timeout: 300_000 }, async () => {
    const writer = spawn(process.execPath, [path.join(import.meta.dirname, 'crash-writer.ts'), dbUrl, '8'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: string[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) => writer.once('exit', (_code, signal) => resolve(signal)));
    for await (const line of createInterface({ input: writer.stdout! })) {
      if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (acked.length === 120) writer.kill('SIGKILL'); // mid-flight: seven more transactions are open
    }
    expect(await exited).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(120);

    await open(); // the restart
    const cases = (await ctx.db.selectFrom('core.case').select('id').where('title', 'like', '崩溃测试 %').execute()).map((c) => c.id);
    expect(cases).toEqual(expect.arrayContaining(acked)); // every acknowledged write is there
    const whole = await sql<{ id: string; events: number; clocks: number; timers: number; audits: number }>`
      select c.id,
        (select count(*)::int from core.case_event e where e.case_id = c.id) as events,
        (select count(*)::int from core.deadline_clock k where k.case_id = c.id) as clocks,
        (select count(*)::int from pgboss.job j where j.name = 'deadline.remind' and j.data->>'caseId' = c.id::text) as timers,
        (select count(*)::int from core.audit_event a where a.entity_id = c.id::text) as audits
      from core.case c where c.title like '崩溃测试 %'`.execute(ctx.db);
    for (const r of whole.rows) expect(r, r.id).toMatchObject({ events: 1, clocks: 1, timers: 1, audits: 1 });
    expect((await verifyAudit(ctx)).ok).toBe(true);

    // Their day comes: each reminder fires, once, however often the queue is asked.
    clock.set(new Date('2019-06-12T16:30:00Z'));
    await jobs.runDue(ctx, { names: ['deadline.remind'] });
    await jobs.runDue(ctx, { names: ['deadline.remind'] });
    const fired = await sql<{ case_id: string; n: number }>`select case_id, count(*)::int as n from core.notification
      where kind = 'deadline.due_soon' and case_id in (select id from core.case where title like '崩溃测试 %') group by case_id`.execute(ctx.db);
    expect(fired.rows.length).toBe(cases.length);
    expect(fired.rows.every((r) => r.n === 1)).toBe(true);
  });
});
