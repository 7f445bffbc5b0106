import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/identity/actor.ts';
import { createUserAsSystem } from '../../src/kernel/identity/commands/create-user.ts';
import { recordInScope } from '../../src/kernel/identity/scope.ts';
import { DEMO_USERS } from '../../src/kernel/identity/seed-demo-users.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.ts';
import { ROUTES, routesWithoutSpec, servedRoutes, type DetailRecord, type Lookup, type ScopedRecord } from './route-table.ts';
import { allCases, seedScopeCases, readableCaseIds, type ScopeCase } from './scope-cases.ts';

/**
 * 数据范围: signs in as every demo account and proves that no route under /api returns a record
 * outside the account's grants — lists (with searches and filters) item by item, details by id.
 */
let t: TestApp;
let lookup: Lookup;
let cases: ScopeCase[] = [];
let everyCase: ScopeCase[] = [];
const sessions = new Map<string, Session>();
const MAX_DETAIL_IDS = 25;

function actorOfMe(me: any): Actor {
  return {
    userId: me.user.id,
    username: me.user.username,
    displayName: me.user.displayName,
    orgUnitId: me.orgUnit.id,
    areaCode: me.areaCode,
    areaPath: me.areaPath,
    sessionId: null,
    clientIp: null,
    grants: me.roles.map((r: any) => ({
      assignmentId: r.assignmentId,
      roleCode: r.code,
      roleName: r.name,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      areaCode: r.areaCode,
      areaPath: r.areaPath,
      scope: r.scope,
      permissions: r.permissions,
      delegatedBy: r.delegatedById,
      validTo: r.validTo ? new Date(r.validTo) : null,
    })),
  };
}

const visible = (a: Actor, permission: string, r: ScopedRecord) =>
  recordInScope(a, permission, { areaPath: r.areaPath ?? '', ...('orgUnitId' in r ? { orgUnitId: r.orgUnitId ?? null } : {}), ownerId: r.ownerId ?? null });

/** Spread picks: the first, the last and evenly between, so samples are not all from one county. */
const sample = <T>(xs: T[], n: number) => (xs.length <= n ? xs : Array.from({ length: n }, (_, i) => xs[Math.floor((i * (xs.length - 1)) / (n - 1))]!));

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.ctx.db.selectFrom('core.org_unit').select(['id', 'code']).execute();
  const unit = new Map(units.map((u) => [u.code, u.id]));
  // Records in many places: beside, above and below each demo account.
  const extra: Array<[string, string]> = [
    ['640422-mzj', '西吉县经办'],
    ['640104002-gov', '解放西街经办'],
    ['640104001-gov', '凤凰北街同事'],
    ['640221101-gov', '黄渠桥镇经办'],
    ['640423101-gov', '沙塘镇经办'],
    ['640423100001-jwh', '东关社区干部'],
    ['640000-mzt-jzc', '社会救助处干部'],
    ['640200-mzj', '石嘴山市经办'],
  ];
  let i = 0;
  for (const [code, name] of extra) {
    const id = unit.get(code);
    if (!id) continue;
    await createUserAsSystem(t.ctx, { username: `scope-${i++}`, displayName: name, orgUnitId: id, phone: '13800000000', password: 'Scope#Test2026' });
  }
  lookup = { areaPathOfCode: new Map((await t.ctx.db.selectFrom('core.area').select(['code', 'path']).execute()).map((r) => [r.code, r.path])) };
  // Failed logins on unknown and known names leave login-log rows in several areas.
  await t.tryLogin('no-such-person', 'x');
  await t.tryLogin('pl-mzj', 'Wrong#pass2026');
  cases = await seedScopeCases(t.ctx);
  everyCase = await allCases(t.ctx);
  for (const u of DEMO_USERS) sessions.set(u.username, await t.login(u.username));
  // Generated annual reports of the region and of two counties (GET /api/report/runs/:id …).
  for (const area of ['640000', '640104', '640423']) {
    const r = await sessions.get('admin')!.post('/api/report/runs', { year: 2019, area });
    if (r.statusCode !== 201) throw new Error(`report run ${area}: ${r.body}`);
  }
  // Some audited changes in different counties.
  await sessions.get('admin')!.post('/api/users/' + (await idOf('pl-cgz')) + '/unlock', { reason: '测试' });
  await sessions.get('ld-mzj')!.post('/api/users/' + (await idOf('ld-cgz')) + '/unlock', { reason: '测试' });
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const idOf = async (username: string) =>
  (await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('data scope across every route', () => {
  it('knows every GET route under /api', () => {
    const gets = servedRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    expect(gets.length).toBeGreaterThan(4);
    expect(routesWithoutSpec(gets, ROUTES), "add these routes' scope rules to their module's scopedRoutes (or tests/scope/kernel-routes.ts)").toEqual([]);
  });

  for (const u of DEMO_USERS) {
    it(`${u.username}: lists return only records inside its grants`, async () => {
      const s = sessions.get(u.username)!;
      const actor = actorOfMe(s.me);
      const served = new Set(servedRoutes(t.app.printRoutes({ commonPrefix: false })).map((r) => `${r.method} ${r.url}`));
      const outUnit = await t.ctx.db.selectFrom('core.org_unit').select(['id', 'area_code', 'area_path']).execute();
      const probeUnit = outUnit.find((o) => !visible(actor, 'org.read', { areaPath: o.area_path, orgUnitId: o.id })) ?? outUnit[0]!;
      const probe = { outOfScopeOrgUnitId: probeUnit.id, outOfScopeAreaCode: probeUnit.area_code };
      for (const [key, spec] of Object.entries(ROUTES)) {
        if (spec.kind !== 'list' || !served.has(key)) continue;
        const url = key.slice(4);
        const holds = actor.grants.some((g) => g.permissions.includes(spec.permission));
        for (const variant of ['', ...(spec.variants?.(probe) ?? [])]) {
          const items: ScopedRecord[] = [];
          for (let page = 1; ; page++) {
            const qs = [variant, spec.single ? '' : `page=${page}&pageSize=${spec.pageSize ?? 100}`].filter(Boolean).join('&');
            const res = await s.get(qs ? `${url}?${qs}` : url);
            if (!holds) {
              expect([403, 200], `${key} without ${spec.permission}`).toContain(res.statusCode);
              if (res.statusCode === 200) expect(spec.items(res.json(), lookup), `${key}?${variant} without permission`).toEqual([]);
              break;
            }
            expect(res.statusCode, `${u.username} ${key}?${qs}: ${res.body.slice(0, 200)}`).toBe(200);
            const got = spec.items(res.json(), lookup);
            items.push(...got);
            if (spec.single || got.length < (spec.pageSize ?? 100)) break;
          }
          const leaked = items.filter((r) => !visible(actor, spec.permission, r));
          expect(leaked, `${u.username} ${key}?${variant} returned records outside its scope`).toEqual([]);
        }
      }
    }, 120_000);

    it(`${u.username}: details of out-of-scope records answer 404`, async () => {
      const s = sessions.get(u.username)!;
      const actor = actorOfMe(s.me);
      const served = new Set(servedRoutes(t.app.printRoutes({ commonPrefix: false })).map((r) => `${r.method} ${r.url}`));
      for (const [key, spec] of Object.entries(ROUTES)) {
        if (spec.kind !== 'detail' || !served.has(key)) continue;
        const all = await spec.records(t.ctx);
        const holds = actor.grants.some((g) => g.permissions.includes(spec.permission));
        const inside = sample(
          all.filter((r) => visible(actor, spec.permission, r)),
          MAX_DETAIL_IDS,
        );
        const outside = sample(
          all.filter((r) => !visible(actor, spec.permission, r)),
          MAX_DETAIL_IDS,
        );
        const url = (r: DetailRecord) => key.slice(4).replace(/:[a-zA-Z]+/, encodeURIComponent(r.id));
        for (const r of outside) {
          const res = await s.get(url(r));
          expect(holds ? [404] : [403, 404], `${u.username} ${url(r)} (${r.areaPath}) must not be readable`).toContain(res.statusCode);
        }
        for (const r of inside) {
          const res = await s.get(url(r));
          expect(res.statusCode, `${u.username} ${url(r)} (${r.areaPath}) is in scope`).toBe(200);
        }
      }
    }, 120_000);
  }

  for (const u of DEMO_USERS) {
    it(`${u.username}: cases are readable exactly as the case rules say, by every case route`, async () => {
      const s = sessions.get(u.username)!;
      const actor = actorOfMe(s.me);
      const readable = readableCaseIds(actor, cases);
      for (const [key, spec] of Object.entries(ROUTES)) {
        if (spec.kind === 'case') {
          for (const c of cases) {
            const url = spec.path(c);
            if (!url) continue;
            const res = await s.get(url);
            expect(res.statusCode, `${u.username} ${key} ${c.ref} (${c.areaPath})`).toBe(readable.has(c.id) ? 200 : 404);
          }
        } else if (spec.kind === 'case-list') {
          const listable = readableCaseIds(actor, everyCase);
          const holds = !spec.permission || actor.grants.some((g) => g.permissions.includes(spec.permission!));
          for (const v of spec.variants) {
            const res = await s.get(`${key.slice(4)}?${v}&pageSize=100`);
            if (!holds && res.statusCode === 403) continue;
            expect(res.statusCode, `${u.username} ${key}?${v}`).toBe(200);
            const leaked = res
              .json()
              .items.filter((i: any) => !listable.has(i.id))
              .map((i: any) => i.refNo);
            expect(leaked, `${u.username} ${key}?${v} listed cases it may not read`).toEqual([]);
          }
        }
      }
    }, 120_000);
  }

  it('the case data gives every account cases to see and cases to miss', () => {
    // xq-whlyj is a 业务主管单位 (文化和旅游局): it holds no case permission.
    for (const u of DEMO_USERS.filter((x) => !['admin', 'nx-fgc', 'nx-fgc-lead', 'xq-whlyj'].includes(x.username))) {
      const readable = readableCaseIds(actorOfMe(sessions.get(u.username)!.me), cases);
      expect(readable.size, u.username).toBeGreaterThan(0);
      expect(readable.size, u.username).toBeLessThan(cases.length);
    }
  });

  it('the data gives every non-region account something outside its scope to miss', async () => {
    const spec = ROUTES['GET /api/users/:id']!;
    if (spec.kind !== 'detail') throw new Error('GET /api/users/:id must be a detail route');
    const all = await spec.records(t.ctx);
    for (const u of DEMO_USERS.filter((x) => !x.orgCode.startsWith('640000-'))) {
      const actor = actorOfMe(sessions.get(u.username)!.me);
      expect(all.filter((r) => !visible(actor, 'user.read', r)).length, u.username).toBeGreaterThan(0);
      expect(all.filter((r) => visible(actor, 'user.read', r)).length, u.username).toBeGreaterThan(0);
    }
  });
});
