import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule } from '../kernel/module/index.ts';
import { defineWorkflow, registeredWorkflows } from '../kernel/workflow/define-workflow.ts';
import { requirePermission } from '../kernel/identity/actor.ts';
import { actorOf } from '../kernel/identity/http/request-actor.ts';
import { jobRegistry } from '../platform/jobs/registry.ts';
import { createTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { routeTable, routesWithoutSpec, servedRoutes } from '../../tests/scope/route-table.ts';
import { MODULES } from './modules.ts';

/**
 * A throwaway module, added through the modules list only: every part of its manifest is wired
 * (permission and role fragment, route, migration, job, daily job, scope rule, workflow).
 */
const pinged: string[] = [];
const dailyDays: string[] = [];

const gadgetWorkflow = defineWorkflow({
  type: 'gadgets.gadget',
  label: '测试器件',
  refPrefix: 'GJ',
  readPermission: 'gadget.read',
  states: { open: { label: '办理中' }, done: { label: '已办结', terminal: true } },
  initial: 'open',
  create: { label: '登记', who: { permission: 'gadget.read' }, input: z.object({}) },
  transitions: { finish: { label: '办结', from: ['open'], to: 'done', who: { permission: 'gadget.read' } } },
});

const gadgets = defineModule({
  name: 'gadgets',
  label: '测试模块',
  permissions: [{ code: 'gadget.read', label: '查看测试器件', group: '测试模块' }],
  roles: { clerk: ['gadget.read'] },
  workflows: [gadgetWorkflow],
  routes: [
    async (app, ctx) => {
      app.get('/api/gadgets', async (req) => {
        requirePermission(actorOf(req), 'gadget.read');
        return { items: (await sql<{ name: string }>`select name from gadgets.gadget order by name`.execute(ctx.db)).rows };
      });
    },
  ],
  migrations: {
    '20270101000000_gadgets_core': {
      async up(db) {
        await sql`create schema gadgets`.execute(db);
        await sql`create table gadgets.gadget (name text primary key)`.execute(db);
        await sql`insert into gadgets.gadget (name) values ('扳手')`.execute(db);
      },
    },
  },
  jobs: [{ name: 'gadgets.ping', handler: async (_ctx, data) => void pinged.push(String(data.n)) }],
  dailyJobs: [{ name: 'gadgets.daily', hour: 3, handler: async (_ctx, day) => void dailyDays.push(day) }],
  scopedRoutes: { 'GET /api/gadgets': { kind: 'unscoped', why: 'test fixture: reference list of gadgets' } },
});
const modules = [...MODULES, gadgets];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('a module added to the modules list', () => {
  it('has its migration run and its route served to a holder of its permission (given by its role fragment)', async () => {
    const clerk = await t.login('pl-mzj');
    const res = await clerk.get('/api/gadgets');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [{ name: '扳手' }] });
    const recorded = await sql<{ name: string }>`select name from public.kysely_migration where name = '20270101000000_gadgets_core'`.execute(t.ctx.db);
    expect(recorded.rows).toHaveLength(1);
  });

  it('puts its permission in the catalogue of /api/roles, in the clerk role and in sysadmin', async () => {
    const admin = await t.login('admin');
    const body = (await admin.get('/api/roles')).json();
    expect(body.permissions).toContainEqual({ code: 'gadget.read', label: '查看测试器件', group: '测试模块' });
    const role = (code: string) => body.items.find((r: any) => r.code === code).permissions.map((p: any) => p.code);
    expect(role('clerk')).toContain('gadget.read');
    expect(role('sysadmin')).toContain('gadget.read');
    expect(role('leader')).not.toContain('gadget.read');
  });

  it('registers its job queue and daily job, and their handlers run', async () => {
    expect(jobRegistry.get('gadgets.ping')?.handler).toBeTypeOf('function');
    expect(jobRegistry.get('gadgets.daily')?.daily?.hour).toBe(3);
    await t.ctx.jobs.send(t.ctx, 'gadgets.ping', { n: 7 });
    await t.ctx.jobs.send(t.ctx, 'gadgets.daily', {});
    await t.test.jobs.runDue(t.ctx, { names: ['gadgets.ping', 'gadgets.daily'] });
    expect(pinged).toEqual(['7']);
    expect(dailyDays).toHaveLength(1);
  });

  it('registers its workflow', () => {
    expect(registeredWorkflows().map((w) => w.type)).toContain('gadgets.gadget');
  });

  it('brings its scope rule; without it the scope suite names the route', () => {
    const served = servedRoutes(t.app.printRoutes({ commonPrefix: false }));
    expect(routesWithoutSpec(served, routeTable(modules))).toEqual([]);
    expect(routesWithoutSpec(served, routeTable(MODULES))).toEqual(['GET /api/gadgets']);
  });
});
