import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createDb, type DbHandle } from '../../src/platform/db/create-db.ts';
import { createJobs, type JobsRuntime } from '../../src/platform/jobs/pg-boss-jobs.ts';
import { prepareDatabase } from '../../src/server/boot.ts';
import { jobRegistry } from '../../src/server/worker.ts';
import { SYSTEM_ACTOR } from '../../src/kernel/identity/actor.ts';
import { createCase } from '../../src/kernel/workflow/create-case.ts';
import { adminQuery, quoteIdent, withDatabase } from '../helpers/databases.ts';
import { manualClock } from '../helpers/test-app.ts';
import { SAMPLE_TYPE } from '../helpers/sample-workflow.ts';

/**
 * Kill the server while deadline timers are pending, start it again on the same database, and
 * every reminder and overdue mark still fires exactly once — through the real worker.
 */
const baseUrl = process.env.DATABASE_URL;
const dbName = `mz_t_restart_${randomBytes(5).toString('hex')}`;
const dataDir = baseUrl ? '' : mkdtempSync(path.join(tmpdir(), 'mz-restart-'));
const dbUrl = baseUrl ? withDatabase(baseUrl, dbName) : undefined;
const config = parseConfig({ LOG_LEVEL: 'silent', DATABASE_URL: dbUrl, DEMO: 'on', PII_KEY: '00112233445566778899aabbccddeeff' });
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const clock = manualClock(new Date('2019-06-03T02:00:00Z'));

type Life = { handle: DbHandle; jobs: JobsRuntime; ctx: AppContext };
async function open(): Promise<Life> {
  const handle = dbUrl ? await createDb({ kind: 'postgres', url: dbUrl, max: 3 }) : await createDb({ kind: 'pglite', dataDir });
  const jobs = await createJobs(handle, config, { registry: jobRegistry, databaseUrl: dbUrl, pollingIntervalSeconds: 0.5 });
  return { handle, jobs, ctx: { db: handle.db, dbKind: handle.kind, config, clock, jobs: jobs.jobs, logger: silent } };
}
async function kill(l: Life) {
  await l.jobs.stop({ graceful: false });
  await l.handle.close();
}
const kinds = async (l: Life, caseId: string) =>
  (await l.ctx.db.selectFrom('core.notification').select('kind').where('case_id', '=', caseId).execute()).map((n) => n.kind).sort();
// 60 s: under a loaded machine (three suites on two cores) the worker's first poll after a start took over 20 s.
async function until(fn: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out waiting for the worker');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  if (baseUrl) await adminQuery(baseUrl, `create database ${quoteIdent(dbName)}`);
});
afterAll(async () => {
  if (baseUrl) await adminQuery(baseUrl, `drop database if exists ${quoteIdent(dbName)} with (force)`);
  else rmSync(dataDir, { recursive: true, force: true });
});

describe(`deadline timers survive a restart (${baseUrl ? 'PostgreSQL' : 'PGlite data directory'})`, () => {
  it('fires the reminder and the overdue mark exactly once across kills', { timeout: 240_000 }, async () => {
    let life = await open();
    await prepareDatabase(life.ctx, { demo: true, demoHistory: false });
    const org = (await life.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow()).id;
    const c = await createCase(life.ctx, SYSTEM_ACTOR, { type: SAMPLE_TYPE, title: '重启测试', orgUnitId: org, input: { summary: 'x' }, system: true });
    await kill(life); // timers pending, nothing ran

    clock.set(new Date('2019-06-13T01:00:00Z')); // the warn day (06-18 due, 3 working days before)
    life = await open();
    await life.jobs.start(life.ctx, jobRegistry);
    await until(async () => (await kinds(life, c.id)).includes('deadline.due_soon'));
    await kill(life); // the overdue timer is now pending

    clock.set(new Date('2019-06-19T01:00:00Z'));
    life = await open();
    await life.jobs.start(life.ctx, jobRegistry);
    await until(async () => (await kinds(life, c.id)).includes('deadline.overdue'));
    await kill(life);

    life = await open();
    await life.jobs.start(life.ctx, jobRegistry);
    await new Promise((r) => setTimeout(r, 3000)); // give a third life the chance to fire anything twice
    const got = await kinds(life, c.id);
    expect(got.filter((k) => k === 'deadline.due_soon')).toHaveLength(1);
    expect(got.filter((k) => k === 'deadline.overdue')).toHaveLength(1);
    await kill(life);
  });
});
