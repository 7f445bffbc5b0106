import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../platform/db/create-db.ts';
import { createJobs, type JobsRuntime } from '../../platform/jobs/pg-boss-jobs.ts';
import type { AppContext } from '../../platform/context.ts';
import { buildApp } from '../app.ts';
import { prepareDatabase } from '../boot.ts';
import { jobRegistry } from '../worker.ts';
import { verifyAudit } from '../../kernel/audit/verify-audit.ts';
import { SYSTEM_ACTOR } from '../../kernel/identity/actor.ts';
import { createCase } from '../../kernel/workflow/create-case.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { DEMO_PASSWORD } from '../../kernel/identity/seed-demo-users.ts';
import { adminQuery, quoteIdent } from '../../../tests/helpers/databases.ts';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { rolesSql } from './db-roles.ts';

/**
 * The SQL `minzheng db roles` prints, applied to a migrated database: connected as the
 * application role, the server starts, signs a clerk in, writes a case with its audit entry and
 * timer — and cannot alter, delete or truncate the audit log, nor switch its triggers off.
 */
const pgUrl = process.env.DATABASE_URL;
const app = `mz_t_app_${randomBytes(4).toString('hex')}`;
let t: TestContext;
let handle: DbHandle;
let jobs: JobsRuntime;
let ctx: AppContext;
let raw: pg.Client;

describe.skipIf(!pgUrl)('least privilege (PostgreSQL; skipped on PGlite: it has one superuser and no roles)', () => {
  beforeAll(async () => {
    t = await openTestContext();
    const owner = new URL(t.databaseUrl!);
    const sqlText = rolesSql({ app, owner: decodeURIComponent(owner.username) || 'postgres', database: owner.pathname.slice(1) });
    await adminQuery(t.databaseUrl!, sqlText);
    const asApp = new URL(t.databaseUrl!);
    asApp.username = app;
    asApp.password = '';
    handle = await createDb({ kind: 'postgres', url: asApp.toString(), max: 4 });
    jobs = await createJobs(handle, t.ctx.config, { databaseUrl: asApp.toString(), registry: jobRegistry });
    ctx = { ...t.ctx, db: handle.db, jobs: jobs.jobs };
    raw = new pg.Client({ connectionString: asApp.toString() });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.end();
    await jobs?.stop({ graceful: false });
    await handle?.close();
    await t?.close();
    await adminQuery(pgUrl!, `drop role if exists ${quoteIdent(app)}`).catch(() => {});
  });

  const refused = async (text: string) => {
    const e = await raw.query(text).then(
      () => null,
      (err: { code?: string; message: string }) => err,
    );
    expect(e, text).not.toBeNull();
    return e!;
  };

  it('connects as a role that is neither superuser nor owner of the audit tables', async () => {
    const me = (
      await raw.query(`select current_user as u, (select rolsuper from pg_roles where rolname = current_user) as su,
      (select tableowner from pg_tables where schemaname = 'core' and tablename = 'audit_event') as owner`)
    ).rows[0];
    expect(me).toMatchObject({ u: app, su: false });
    expect(me.owner).not.toBe(app);
  });

  it('cannot update, delete or truncate the audit log, nor alter, drop or bypass it', async () => {
    expect(Number((await raw.query('select count(*) from core.audit_event')).rows[0].count)).toBeGreaterThan(0);
    for (const stmt of [
      `update core.audit_event set reason = 'x'`,
      'delete from core.audit_event',
      'truncate core.audit_event',
      `update core.audit_checkpoint set hash = 'x'`,
      'delete from core.audit_checkpoint',
      'delete from core.audit_chain',
      'truncate core.audit_chain',
    ])
      expect((await refused(stmt)).code, stmt).toBe('42501'); // insufficient_privilege: by grant, before any trigger
    for (const stmt of [
      'alter table core.audit_event disable trigger all',
      'drop table core.audit_event',
      'alter table core.audit_event owner to current_user',
      'drop trigger audit_event_no_update on core.audit_event',
    ])
      expect((await refused(stmt)).code, stmt).toBe('42501'); // must be owner
    expect((await refused('set session_replication_role = replica')).code).toBe('42501');
  });

  it('does its normal work: start-up, sign-in, a case with its audit entry and timer, and audit verify', async () => {
    await prepareDatabase(ctx, { demo: false }); // what `serve` runs at every start
    const server = await buildApp(ctx, { serveWeb: false });
    try {
      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.5.5.5',
        payload: { username: 'xq-mzj', password: DEMO_PASSWORD },
      });
      expect(login.statusCode, login.body).toBe(200);
      const before = (await sql<{ n: number }>`select count(*)::int as n from core.audit_event`.execute(ctx.db)).rows[0]!.n;
      const cookie = `mz_session=${login.cookies.find((c) => c.name === 'mz_session')!.value}`;
      const res = await server.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
      expect(res.statusCode).toBeLessThan(300);
      expect((await sql<{ n: number }>`select count(*)::int as n from core.audit_event`.execute(ctx.db)).rows[0]!.n).toBeGreaterThan(before);
      const org = (await ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow()).id;
      const c = await createCase(ctx, SYSTEM_ACTOR, { type: SAMPLE_TYPE, title: '最小权限', orgUnitId: org, input: { summary: 'x' }, system: true });
      const timers = await sql<{
        n: number;
      }>`select count(*)::int as n from pgboss.job where name = 'deadline.remind' and data::text like ${'%' + c.id + '%'}`.execute(ctx.db);
      expect(timers.rows[0]!.n).toBe(1); // the timer went into pg-boss's tables in the case's transaction
      expect(await jobs.runDue(ctx, { names: ['deadline.remind'] })).toBe(0); // polling works; nothing is due yet
      expect((await verifyAudit(ctx)).ok).toBe(true);
      await jobs.start(ctx, jobRegistry); // the worker: queues, daily cron schedules, maintenance
    } finally {
      await server.close();
    }
  });
});
