import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DEMO_USERS } from '../../kernel/identity/index.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { seedOrgsDemo } from './demo/seed-orgs-demo.ts';
import { sweepCredit } from './credit/credit-sweep.ts';
import { sweepMissingReports } from './inspection/missing-report-sweep.ts';
import { rectificationMetrics } from './report/supervision-metrics.ts';
import { loadGrants, SYSTEM_ACTOR } from '../../kernel/identity/index.ts';
import { seedDemoCatalogue } from '../catalogue/demo/seed-demo.ts';
import { seedEnforcementDemo } from '../enforcement/demo/seed-enforcement-demo.ts';
import { seedSpotCheckDemo } from './contract.ts';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  expect((await seedOrgsDemo(t.ctx)).created).toBeGreaterThan(280);
  expect((await seedOrgsDemo(t.ctx)).created).toBe(0); // idempotent
  // The 2019 spot checks draw from enforcement's officers and name the catalogue's 检查实施清单 items (both demos first).
  await seedDemoCatalogue(t.ctx);
  await seedEnforcementDemo(t.ctx);
  expect(await seedSpotCheckDemo(t.ctx)).toEqual({ skipped: false, checks: 5, notices: 3, reported: 8 });
  expect((await seedSpotCheckDemo(t.ctx)).skipped).toBe(true);
}, 300_000);
afterAll(async () => t?.close());

const within = (path: string, roots: string[]) => roots.some((r) => path === r || path.startsWith(r + '.'));

describe('the demo registry', () => {
  it('every demo account reads exactly the organizations of its authorities and those below', async () => {
    const all = await t.ctx.db
      .selectFrom('orgs.organization' as any)
      .select(['id', 'authority_area_path as path'] as any)
      .execute();
    for (const u of DEMO_USERS) {
      const s = await t.login(u.username);
      const grants = s.me.roles.filter((g: any) => g.permissions.includes('orgs.read'));
      const roots: string[] = grants.filter((g: any) => g.scope === 'subtree').map((g: any) => g.areaPath);
      const exact: string[] = grants.filter((g: any) => g.scope === 'org').map((g: any) => g.areaPath);
      const visible = (p: string) => within(p, roots) || exact.includes(p);
      const seen: any[] = [];
      for (let page = 1; ; page++) {
        const r = await s.get(`/api/orgs?pageSize=100&page=${page}`);
        if (!grants.length && r.statusCode === 403) break;
        expect(r.statusCode, `${u.username} ${r.body}`).toBe(200);
        seen.push(...r.json().items);
        if (seen.length >= r.json().total) break;
      }
      const expected = all.filter((o: any) => visible(o.path));
      expect(seen.length, u.username).toBe(expected.length);
      for (const o of seen) expect(visible(o.areaPath), `${u.username} sees ${o.name}`).toBe(true);
      if (u.username === 'nx-fgc') expect(seen.length).toBe(all.length);
    }
    // one sign-in (argon2) and a few pages per demo account: more than the default 15 s on a loaded machine
  }, 120_000);

  it('the 业务主管单位 account sees exactly the demo organizations its unit supervises', async () => {
    const mine = await t.ctx.db
      .selectFrom('orgs.organization' as any)
      .select('id' as any)
      .where('supervisor_unit' as any, '=', '兴庆区文化和旅游局')
      .where('authority_area_path' as any, '=', '640000.640100.640104')
      .execute();
    expect(mine.length).toBeGreaterThan(0);
    const r = await (await t.login('xq-whlyj')).get('/api/orgs/supervised?pageSize=100');
    expect(r.statusCode, r.body).toBe(200);
    expect(
      r
        .json()
        .items.map((o: any) => o.id)
        .sort(),
    ).toEqual(mine.map((o: any) => o.id).sort());
    // last year's reports waiting for its 初审意见: filed, not yet reviewed by the registrar, not foundations
    const waiting = r.json().items.filter((o: any) => o.latest?.submittedOn && !o.latest.reviewedOn && !o.latest.conclusion);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.length).toBeLessThanOrEqual(2);
    expect(waiting.every((o: any) => o.kind !== 'foundation' && !o.latest.supervisorOpinion)).toBe(true);
  });

  it('a city user sees several districts and counties; a county user only its own', async () => {
    const yc = await t.login('yc-mzj');
    const items = (await yc.get('/api/orgs?pageSize=100')).json();
    const authorities = new Set(items.items.map((o: any) => o.authorityName));
    expect(authorities.size).toBeGreaterThan(4);
    const xq = await t.login('xq-mzj');
    expect(new Set((await xq.get('/api/orgs?pageSize=100')).json().items.map((o: any) => o.authorityName))).toEqual(new Set(['兴庆区民政局']));
  });

  it('the daily rule settles the 2019 listings: unreachable ones removed, unreported ones on the blacklist', async () => {
    const r = await sweepCredit(t.ctx, chinaDate(clock.now()));
    expect(r.moved).toBe(3);
    expect(r.removed).toBe(2);
    const admin = await t.login('nx-fgc');
    const serious = (await admin.get('/api/orgs/credit-lists?list=serious')).json();
    expect(serious.items.filter((l: any) => l.reason === 'abnormal_two_years').map((l: any) => l.listedOn)).toEqual(['2021-07-01', '2021-07-01', '2021-07-01']);
    expect((await admin.get('/api/orgs/credit-lists?list=abnormal')).json().total).toBe(5);
  });

  it('about one in twelve organizations has gone two years without an inspection conclusion (2017–2018)', async () => {
    const admin = await t.login('nx-fgc');
    const two = (await admin.get('/api/orgs/inspections/missing?year=2018&years=2')).json();
    expect(two.total).toBeGreaterThan(10);
    expect(two.total).toBeLessThan(40);
  });

  it('counts the organizations registered on a date (registered by then, not yet 注销 or 撤销)', async () => {
    const admin = await t.login('nx-fgc');
    const expected = (await t.ctx.db
      .selectFrom('orgs.organization' as any)
      .select((eb: any) => eb.fn.countAll().as('n'))
      .where('registered_on' as any, '<=', '2019-10-31')
      .where((eb: any) => eb.or([eb('status', '=', 'normal'), eb('status_on', '>', '2019-10-31')]))
      .executeTakeFirstOrThrow()) as { n: number | string };
    const atEnd = (await admin.get('/api/orgs?asOf=2019-10-31&pageSize=1')).json().total;
    expect(atEnd).toBe(Number(expected.n));
    // the 撤销 of 2019-11-20 counts the day before, not on the day
    const before = (await admin.get('/api/orgs?asOf=2019-11-19&pageSize=1')).json().total;
    const after = (await admin.get('/api/orgs?asOf=2019-11-20&pageSize=1')).json().total;
    expect(before - after).toBe(1);
    expect((await admin.get('/api/orgs?asOf=2019-02-30')).statusCode).toBe(400);
  });

  it('the report’s “3 整改文书” of 2019: three spot checks in three counties, each notice rectified on time', async () => {
    const admin = await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', 'nx-fgc').executeTakeFirstOrThrow();
    const actor = { ...SYSTEM_ACTOR, userId: admin.id, grants: await loadGrants(t.ctx, admin.id, clock.now()) };
    const year = { areaCode: '640000', areaPath: '640000', from: '2019-01-01', to: '2019-12-31', actor };
    const [issued, onTime, overdue] = await Promise.all(rectificationMetrics.map((m) => m.query(t.ctx, year)));
    expect([issued!.value, onTime!.value, overdue!.value]).toEqual([3, 3, 0]);
    const records = await rectificationMetrics[0]!.records!(t.ctx, actor, issued!.recordIds);
    expect(records.map((r) => r.refNo)).toEqual(['社整改〔2019〕1号', '社整改〔2019〕2号', '社整改〔2019〕3号']);
    expect(new Set(records.map((r) => r.org))).toEqual(new Set(['兴庆区民政局', '西吉县民政局', '平罗县民政局']));
    const xq = await rectificationMetrics[0]!.query(t.ctx, { ...year, areaCode: '640104', areaPath: '640000.640100.640104' });
    expect(xq.value).toBe(1);
  });

  it('the 2019 spot checks report 检查行为 through the inspection command: certified officers, the authority’s item, approved by another person', async () => {
    const records = async (user: string) =>
      ((await (await t.login(user)).get('/api/catalogue/inspection-records')).json() as any[]).filter((r) => r.number.startsWith('ORGS-SC-'));
    const yc = await records('yc-mzj');
    // 银川市 sees its own 定期抽查 (three organizations) and 兴庆区's 不定期抽查 (three), not the region's
    expect(yc).toHaveLength(6);
    expect(new Set(yc.map((r) => r.areaPath))).toEqual(new Set(['640000.640100', '640000.640100.640104']));
    expect(yc.every((r) => r.status === 'approved' && r.checkMethod && r.inspectors.length === 2)).toBe(true);
    expect(yc.filter((r) => r.checkResult !== '未发现问题').map((r) => r.measures)).toEqual([expect.stringContaining('社整改〔2019〕1号')]);
    const certs = (await sql<{ cert_no: string }>`select cert_no from enforcement.officer`.execute(t.ctx.db)).rows.map((r) => r.cert_no);
    expect(yc.flatMap((r) => r.inspectors.map((i: any) => i.certificateNo)).every((c: string) => certs.includes(c))).toBe(true);
    expect(await records('nx-fgc')).toHaveLength(8);
    // 西吉县 keeps no approved item: inspected by its officers, recorded, not reported, and the item says why
    const xj = await t.login('xj-mzj');
    const check = (await xj.get('/api/orgs/spot-checks')).json().items.find((c: any) => c.title === '2019年西吉县社会组织不定期抽查');
    const items = (await xj.get(`/api/orgs/spot-checks/${check.id}/items`)).json().items;
    expect(items).toHaveLength(3);
    for (const i of items) {
      expect(i.inspectionRecordId).toBe(null);
      expect(i.supervisionNote).toContain('没有审核通过的社会组织检查实施清单事项');
      expect(i.inspectedBy.map((o: any) => o.name)).toEqual(i.inspectors);
    }
  });

  it('年检 history in the statutory order: 报送 by 3/31, the 业务主管单位’s 同意 and the registrar’s 初审 after it, the conclusion by 5/31', async () => {
    const { rows } = await sql<{ n: number; bad: number }>`
      select count(*)::int as n, count(*) filter (where not (
        i.submitted_on <= make_date(i.year + 1, 3, 31)
        and (i.supervisor_opinion_on is null or i.supervisor_opinion_on between i.submitted_on and i.reviewed_on)
        and i.reviewed_on > i.submitted_on and i.concluded_on > i.reviewed_on and i.concluded_on <= make_date(i.year + 1, 5, 31)
        and extract(isodow from i.reviewed_on) < 6 and extract(isodow from i.concluded_on) < 6))::int as bad
      from orgs.inspection i where i.is_demo and i.conclusion is not null`.execute(t.ctx.db);
    expect(rows[0]!.n).toBeGreaterThan(1000);
    expect(rows[0]!.bad).toBe(0);
  });

  it('the list says what each organization waits for, as its page does; a city user may act for a county registrar with nobody to', async () => {
    const yc = await t.login('yc-mzj');
    const yn = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640121-mzj').executeTakeFirstOrThrow();
    const org = (await yc.get(`/api/orgs?authority=${yn.id}&status=normal&pageSize=1`)).json().items[0];
    // last year's report comes in on paper: it waits for the 初审 of 永宁县民政局, where nobody holds orgs.register
    await t.ctx.db
      .deleteFrom('orgs.inspection' as any)
      .where('organization_id' as any, '=', org.id)
      .where('year' as any, '=', 2025)
      .execute();
    expect((await yc.post(`/api/orgs/${org.id}/inspections`, { year: 2025, submittedOn: '2026-11-30' })).statusCode).toBe(200);
    const page = (await yc.get(`/api/orgs/${org.id}`)).json().nextStep;
    expect(page).toMatchObject({ text: '待 永宁县民政局 初审 2025 年度工作报告', act: 'review', people: [], mine: true, onBehalf: true });
    const row = (await yc.get(`/api/orgs?authority=${yn.id}&status=normal&pageSize=100`)).json().items.find((o: any) => o.id === org.id);
    expect(row.nextStep).toEqual(page);
    // 兴庆区: the registrar's own clerk is named and acts as herself; every row says what its page says
    const xq = await t.login('xq-mzj');
    const rows = (await xq.get('/api/orgs?pageSize=100')).json().items;
    const review = rows.filter((o: any) => o.nextStep?.act === 'review');
    expect(review.length).toBeGreaterThan(0);
    expect(review[0].nextStep).toMatchObject({ people: [{ name: '刘海燕' }], mine: true, onBehalf: false });
    expect(rows.some((o: any) => o.nextStep?.act === 'file')).toBe(true);
    for (const o of [
      ...review.slice(0, 2),
      ...rows.filter((o: any) => o.nextStep?.act === 'file').slice(0, 2),
      ...rows.filter((o: any) => !o.nextStep).slice(0, 2),
    ])
      expect(o.nextStep, o.name).toEqual((await xq.get(`/api/orgs/${o.id}`)).json().nextStep);
  });

  it('the missing-report rule lists the few without last year’s report', async () => {
    const n = await sweepMissingReports(t.ctx, chinaDate(clock.now()));
    expect(n).toBeGreaterThan(4);
    expect(n).toBeLessThan(25);
  });
});
