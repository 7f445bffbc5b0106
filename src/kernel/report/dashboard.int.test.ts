import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SYSTEM_ACTOR, type Actor } from '../identity/actor.ts';
import { loadGrants } from '../identity/repository.ts';
import { dashboard } from './dashboard.ts';
import { reportDb } from './db.ts';
import { foldCaseRollups } from './case-tree-fold.ts';

/**
 * The dashboard reads the tree tables core.case_tree_* (a reader who sees the whole subtree) or core.case_rollup (a narrower
 * reader), which triggers keep in step with core.case: after
 * registrations, a refusal (terminal), a transfer to another unit and a deletion, the rollup
 * answer equals the same figures counted case by case, for the region and for a county — and
 * the county sees only its own cases.
 */
const clock = manualClock(new Date('2026-03-05T02:00:00Z'));
let t: TestApp;
let fgc: Session, xq: Session, ld: Session;
const petition = (title: string, concernedAreaCode: string) => ({
  title,
  channel: '来信',
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode,
  visitPersons: 1,
  content: '数据概览测试：请求核查家庭经济状况并依法处理，内容足够长以通过校验。',
});
async function actorOf(username: string): Promise<Actor> {
  const u = await t.ctx.db.selectFrom('core.app_user').select(['id', 'org_unit_id', 'area_path']).where('username', '=', username).executeTakeFirstOrThrow();
  const area = await t.ctx.db.selectFrom('core.area').select('code').where('path', '=', u.area_path).executeTakeFirstOrThrow();
  return {
    ...SYSTEM_ACTOR,
    userId: u.id,
    username,
    orgUnitId: u.org_unit_id,
    areaCode: area.code,
    areaPath: u.area_path,
    grants: await loadGrants(t.ctx, u.id, clock.now()),
  };
}
async function same(username: string, narrow = false) {
  const a = await actorOf(username);
  // narrow: the same reader with org-level grants only, so the dashboard reads core.case_rollup instead of the tree.
  if (narrow) a.grants = a.grants.map((g) => ({ ...g, scope: g.scope === 'subtree' ? ('org' as const) : g.scope }));
  const fromRollup = await dashboard(t.ctx, a, {});
  const fromCases = await dashboard(t.ctx, a, { source: 'cases' });
  const strip = (d: typeof fromRollup) => ({ totals: d.totals, yoy: d.yoy, modules: d.modules, months: d.months, areas: d.areas });
  expect(strip(fromRollup)).toEqual(strip(fromCases));
  return fromRollup;
}
const created = async (s: Session, title: string, area: string) => {
  const r = await s.post('/api/petitions', petition(title, area));
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, xq, ld] = await Promise.all(['nx-fgc', 'xq-mzj', 'ld-mzj'].map((u) => t.login(u)));
});
afterAll(async () => t?.close());

describe('dashboard figures from the rollup', () => {
  it('counts registrations, refusals, transfers and deletions the same as counting every case', async () => {
    const before = await same('nx-fgc');
    await created(xq, '概览一', '640104');
    clock.set(new Date('2026-04-10T02:00:00Z'));
    const refused = await created(xq, '概览二', '640104001');
    const r = await xq.post(`/api/cases/${refused}/transitions/refuse`, { input: { reasonCode: 'statutory_route' }, comment: '应通过行政复议解决' });
    expect(r.statusCode, r.body).toBe(200);
    await created(ld, '概览三', '640423');
    const moved = await created(fgc, '概览四', '640104');
    const yc = (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640100-mzj').executeTakeFirstOrThrow()).id;
    expect((await fgc.post(`/api/cases/${moved}/handoff`, { kind: 'transfer', toOrgId: yc })).statusCode).toBe(200);

    const region = await same('nx-fgc');
    const pet = (d: typeof region) => d.modules.find((m) => m.type === 'petition')!;
    expect(pet(region).total - (pet(before)?.total ?? 0)).toBe(4);
    expect(pet(region).closed - (pet(before)?.closed ?? 0)).toBe(1);
    expect(region.months.find((m) => m.month === '2026-04')!.byType.petition).toBeGreaterThanOrEqual(3);
    expect(region.areas.map((a) => a.name)).toContain('银川市');

    const county = await same('xq-mzj');
    expect(county.area.name).toBe('兴庆区');
    const inCounty = Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from core.case where type = 'petition' and (area_path = ${(await actorOf('xq-mzj')).areaPath} or area_path like ${(await actorOf('xq-mzj')).areaPath + '.%'})`.execute(
          t.ctx.db,
        )
      ).rows[0]!.n,
    );
    expect(pet(county).total).toBeLessThanOrEqual(inCounty);
    expect(pet(county).total).toBeGreaterThanOrEqual(2);
    expect(county.areas.every((a) => a.code.startsWith('640104'))).toBe(true);

    // A bulk insert and a delete (imports, clean-up) move the rollup too: its total stays the number of cases.
    const total = async () => {
      const r = await reportDb(t.ctx.db)
        .selectFrom((eb) => eb.selectFrom('core.case_rollup').select('n').unionAll(eb.selectFrom('core.case_rollup_delta').select('n')).as('x'))
        .select(({ fn }) => fn.sum<number>('n').as('n'))
        .executeTakeFirstOrThrow();
      const c = await t.ctx.db
        .selectFrom('core.case')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(r.n)).toBe(Number(c.n));
      return Number(c.n);
    };
    const n0 = await total();
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id)
      select gen_random_uuid(), 'petition', 'RB-' || g, '批量', 'registered', o.area_code, o.area_path, o.id
      from generate_series(1, 5) g, (select id, area_code, area_path from core.org_unit where code = '640104-mzj') o`.execute(t.ctx.db);
    expect(await total()).toBe(n0 + 5);
    await sql`delete from core.case where ref_no like 'RB-%'`.execute(t.ctx.db);
    expect(await total()).toBe(n0);
    await same('xq-mzj');
    await same('xq-mzj', true);
    await same('nx-fgc', true);
    // Once the change logs are folded, core.case_rollup alone counts every case, and the tree tables count every case once
    // at each ancestor: at the roots, the number of cases (each child's rows: its cases).
    await foldCaseRollups(t.ctx);
    const tree = await sql<{ r: number; s: number; m: number; b: number; kids: number; under: number }>`select
      (select coalesce(sum(n), 0) from core.case_rollup)::int as r,
      (select coalesce(sum(n), 0) from core.case_tree_state where area_path !~ '[.]')::int as s,
      (select coalesce(sum(n), 0) from core.case_tree_month where area_path !~ '[.]')::int as m,
      (select coalesce(sum(n), 0) from core.case_tree_child where area_path = '640000')::int as kids,
      (select count(*) from core.case where area_path like '640000.%')::int as under,
      (select count(*) from core.case)::int as b`.execute(t.ctx.db);
    const x = tree.rows[0]!;
    expect([x.r, x.s, x.m, x.kids]).toEqual([x.b, x.b, x.b, x.under]);
  }, 60_000);

  it('is served over HTTP for the caller, and refuses areas outside their own', async () => {
    const r = await xq.get('/api/dashboard');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().source).toBe('rollup');
    expect(r.json().months).toHaveLength(12);
    const outside = await xq.get('/api/dashboard?area=640423');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message ?? outside.body).toMatch(/无权查看/);
    const bad = await xq.get('/api/dashboard?area=64x');
    expect(bad.statusCode).toBe(400);
    const inside = await fgc.get('/api/dashboard?area=640104');
    expect(inside.statusCode, inside.body).toBe(200);
    expect(inside.json().area.name).toBe('兴庆区');
  });

  it('compares this year with the same months of last year, for each role view in its own scope', async () => {
    // 2026-04 (China): this year is January–April, against January–April 2025.
    clock.set(new Date('2026-04-20T02:00:00Z'));
    const before = { region: await same('nx-fgc'), county: await same('xq-mzj') };
    expect(before.region.period).toMatchObject({ year: 2026, through: 4 });
    expect(before.region.period.label).toContain('同期');
    clock.set(new Date('2025-03-10T02:00:00Z'));
    const lastYear = await created(xq, '同比一', '640104');
    await created(xq, '同比二', '640104001');
    await created(ld, '同比三', '640423');
    clock.set(new Date('2025-06-10T02:00:00Z'));
    await created(xq, '同比四（同期之外）', '640104'); // June 2025: outside January–April, inside 2025 as a whole
    clock.set(new Date('2026-04-20T02:00:00Z'));
    const r = await xq.post(`/api/cases/${lastYear}/transitions/refuse`, { input: { reasonCode: 'statutory_route' }, comment: '应通过行政复议解决' });
    expect(r.statusCode, r.body).toBe(200);
    await created(xq, '同比五', '640104');

    const region = await same('nx-fgc');
    expect(region.view).toBe('region');
    expect(region.yoy.registered.previous - before.region.yoy.registered.previous).toBe(3);
    expect(region.yoy.registered.current - before.region.yoy.registered.current).toBe(1);
    expect(region.yoy.closed.previous - before.region.yoy.closed.previous).toBe(1);
    expect(region.yoy.registered.change).toBe(region.yoy.registered.current - region.yoy.registered.previous);
    expect(region.yoy.registered.text).toMatch(/^上年 \d+件，(同比(增加|减少)|与上年持平)/);
    // The region's table is its cities, each with its own comparison.
    const yc = region.areas.find((a) => a.name === '银川市')!;
    const gy = region.areas.find((a) => a.code === '640400')!;
    const beforeYc = before.region.areas.find((a) => a.code === yc.code)!;
    expect(yc.registered.previous - beforeYc.registered.previous).toBe(2);
    expect(gy.registered.previous - before.region.areas.find((a) => a.code === '640400')!.registered.previous).toBe(1);

    // The county sees only its own: 2 of last year's three (not 隆德县's), 1 this year.
    const county = await same('xq-mzj');
    expect(county.view).toBe('county');
    const pet = (d: typeof county) => d.modules.find((m) => m.type === 'petition')!;
    expect(pet(county).yoy.registered.previous - pet(before.county).yoy.registered.previous).toBe(2);
    expect(pet(county).yoy.registered.current - pet(before.county).yoy.registered.current).toBe(1);
    expect(county.areas.every((a) => a.code.startsWith('640104'))).toBe(true);

    // A whole past year counts June too; a township user opens on the township view.
    const whole = await dashboard(t.ctx, await actorOf('xq-mzj'), { year: 2025 });
    expect(whole.period).toMatchObject({ year: 2025, through: 12 });
    expect(whole.yoy.registered.current - pet(county).yoy.registered.previous).toBeGreaterThanOrEqual(1);
    const town = await xq.get('/api/dashboard?area=640104001');
    expect(town.statusCode, town.body).toBe(200);
    expect(town.json().view).toBe('township');
    const own = await (await t.login('xq-fhbj')).get('/api/dashboard');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ view: 'township', area: { code: '640104001' } });
  }, 60_000);

  it('compares like with like (可比口径): a kind of work with nothing last year is named and left out of the headline change', async () => {
    clock.set(new Date('2026-04-20T02:00:00Z'));
    const before = await same('nx-fgc');
    expect(before.comparable).toEqual({ complete: true, leftOut: [] });
    // A 低保 application this April, none in January–April 2025 (written as the row a registration leaves; the triggers roll it up).
    const xqUnit = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow();
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, created_at)
      select gen_random_uuid(), 'dibao', 'DB-640104-2026-990001', '可比口径测试', 'applied', code, path, ${xqUnit.id}, ${'2026-04-18T02:00:00Z'}
      from core.area where code = '640104'`.execute(t.ctx.db);
    const region = await same('nx-fgc');
    const dibao = region.modules.find((m) => m.type === 'dibao')!;
    expect(dibao.yoy.registered).toMatchObject({ current: 1, previous: 0, noBase: true });
    expect(region.comparable.complete).toBe(false);
    expect(region.comparable.leftOut).toEqual([dibao.label]);
    // The headline and 银川市's row keep last year's kinds only: unchanged by the new kind.
    expect(region.yoy.registered).toEqual(before.yoy.registered);
    const yc = (d: typeof region) => d.areas.find((a) => a.code === '640100')!.registered;
    expect(yc(region)).toEqual(yc(before));
    expect(region.totals.total - before.totals.total).toBe(1);
  }, 60_000);
});
