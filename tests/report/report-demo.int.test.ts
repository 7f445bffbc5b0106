import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPetitions } from '../../src/modules/petitions/demo/seed-demo-petitions.ts';
import { seedDibaoDemo } from '../../src/modules/dibao/demo/seed-dibao-demo.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.ts';

/**
 * The 2019 demo history against the seed report (/work/shared/seed: 2019 年度法治政府建设报告):
 * “民政厅登记办理各类信访件 63 件,接待群众来信来访 53 批 150 余人次,其中自治区信访局…转办交办 40 件,
 * 办理民政部…转办信访件 19 件,均已办结” and “在隆德县试点的基础上,今年又将兴庆区、平罗县纳入试点范围”.
 * Every count figure links to exactly as many records as its value.
 */
let t: TestApp;
let lead: Session, admin: Session, xqLead: Session;
const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return (r as any).json();
};
const flat = (b: any) => Object.fromEntries(b.sections.flatMap((s: any) => s.metrics).map((m: any) => [m.code, m]));

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoPetitions(t.ctx, { now: new Date('2026-11-30T02:00:00Z') });
  await seedDibaoDemo(t.ctx);
  [lead, admin, xqLead] = await Promise.all(['nx-fgc-lead', 'admin', 'xq-mzj-lead'].map((u) => t.login(u)));
}, 900_000);
afterAll(() => t?.close());

describe('2019 report figures from the demo history', () => {
  it('gives the same 信访 figures as the statistics page’s report paragraph', async () => {
    const f = flat(await ok(lead.get('/api/report/metrics?year=2019')));
    const s = (await ok(lead.get('/api/petitions/stats?from=2019-01-01&to=2019-12-31'))).report;
    expect([f['petitions.total'].value, f['petitions.batches'].value, f['petitions.persons'].value]).toEqual([
      s.items,
      s.letterVisitBatches,
      s.letterVisitPersons,
    ]);
    expect([f['petitions.from_xfj'].value, f['petitions.from_mca'].value, f['petitions.concluded'].value]).toEqual([s.fromXfj, s.fromMca, s.concluded]);
    expect(f['petitions.total'].value).toBeGreaterThan(0);
  });

  it('reproduces the seed report’s 信访 paragraph for the 民政厅', async () => {
    const f = flat(await ok(lead.get('/api/report/metrics?year=2019')));
    expect(f['petitions.total'].value).toBe(63);
    expect(f['petitions.batches'].value).toBe(53);
    // The report says 150 余人次; the demo's visits add up to 153.
    expect(f['petitions.persons'].value).toBe(153);
    expect(f['petitions.from_xfj'].value).toBe(40);
    expect(f['petitions.from_mca'].value).toBe(19);
    expect(f['petitions.total'].aggregationNote).toBe('本级数，不是下级之和');
    // “均已办结” (petitions.concluded = 63) needs every demo petition through its workflow; the demo
    // seed's own test (petition-stats.int.test.ts, allConcluded) guards that, so it is not repeated here.
  });

  it('reproduces the 低保 审批权下放 sentence: 隆德 piloting, 兴庆区 and 平罗县 added in 2019', async () => {
    const f = flat(await ok(lead.get('/api/report/metrics?year=2019&section=dibao')));
    expect(f['dibao.delegated_counties'].value).toBe(3);
    expect(f['dibao.delegated_counties_new'].value).toBe(2);
    const counties = await ok(lead.get('/api/report/records?metric=dibao.delegated_counties&year=2019'));
    expect(counties.items.map((i: any) => i.title).sort()).toEqual(['兴庆区', '平罗县', '隆德县'].sort());
    const added = await ok(lead.get('/api/report/records?metric=dibao.delegated_counties_new&year=2019'));
    expect(added.items.map((i: any) => i.title).sort()).toEqual(['兴庆区', '平罗县'].sort());
    expect(f['dibao.delegated_townships'].value).toBeGreaterThan(3);
    expect(f['dibao.confirmed_by_township'].value).toBeGreaterThan(0);
    expect(f['dibao.confirmed_by_township'].value).toBeLessThan(f['dibao.confirmed'].value);
    expect(f['dibao.confirmed'].value).toBeLessThanOrEqual(f['dibao.applications'].value);
  });

  it('links every count figure to exactly as many records as its value', async () => {
    const f = flat(await ok(lead.get('/api/report/metrics?year=2019')));
    const counts = Object.values(f).filter((m: any) => m.kind === 'count');
    expect(counts.length).toBeGreaterThanOrEqual(12);
    for (const m of counts as any[]) {
      expect(m.recordCount, m.code).toBe(m.value);
      let seen = 0;
      for (let page = 1; ; page++) {
        const b = await ok(lead.get(`/api/report/records?metric=${m.code}&year=2019&page=${page}&pageSize=100`));
        expect(b.total, m.code).toBe(m.value);
        seen += b.items.length;
        if (b.items.length < 100) break;
      }
      expect(seen, m.code).toBe(m.value);
    }
  });

  it('sums the counties into the region for 低保 (aggregation sum), and a county user gets its own county', async () => {
    const region = flat(await ok(admin.get('/api/report/metrics?year=2019&section=dibao')));
    const counties = await t.ctx.db.selectFrom('core.area').select('code').where('level', '=', 3).execute();
    let applications = 0;
    let confirmed = 0;
    for (const c of counties) {
      const f = flat(await ok(admin.get(`/api/report/metrics?year=2019&section=dibao&area=${c.code}`)));
      applications += f['dibao.applications'].value;
      confirmed += f['dibao.confirmed'].value;
    }
    expect(region['dibao.applications'].aggregation).toBe('sum');
    expect(applications).toBe(region['dibao.applications'].value);
    expect(confirmed).toBe(region['dibao.confirmed'].value);

    const xq = flat(await ok(xqLead.get('/api/report/metrics?year=2019&section=dibao')));
    const xqByAdmin = flat(await ok(admin.get('/api/report/metrics?year=2019&section=dibao&area=640104')));
    expect(xq['dibao.delegated_counties'].value).toBe(1);
    expect(xq['dibao.applications'].value).toBe(xqByAdmin['dibao.applications'].value);
    const recs = await ok(xqLead.get('/api/report/records?metric=dibao.applications&year=2019&pageSize=100'));
    expect(recs.items.every((i: any) => i.refNo.startsWith('DB-640104'))).toBe(true);
  });

  it('shows 银川市 低保 from several districts, not only 兴庆区', async () => {
    const city = flat(await ok(admin.get('/api/report/metrics?year=2019&section=dibao&area=640100')));
    const districts = await t.ctx.db.selectFrom('core.area').select('code').where('parent_code', '=', '640100').execute();
    const byDistrict: Record<string, number> = {};
    for (const d of districts)
      byDistrict[d.code] = flat(await ok(admin.get(`/api/report/metrics?year=2019&section=dibao&area=${d.code}`)))['dibao.applications'].value;
    expect(Object.values(byDistrict).reduce((a, b) => a + b, 0)).toBe(city['dibao.applications'].value);
    expect(Object.values(byDistrict).filter((n) => n > 0).length, JSON.stringify(byDistrict)).toBeGreaterThanOrEqual(3);
  });
});
