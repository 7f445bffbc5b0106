import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { OFFLINE_STARS, applyAtWindow, elderlyCareApplication } from './hall-test-data.ts';
import { seedDemoHall } from './demo/seed-demo-hall.ts';
import { seedDemoCatalogue } from '../catalogue/demo/seed-demo.ts';

// 一窗受理 at the 兴庆区 window: the clerk registers, the back office handles; one 不予受理 with its
// reasons; a window rating (现场服务 indicators) of 非常不满意 found malicious on 申诉复核 and left out
// of the statistics; a 立行立改 差评; the report section's figures and their records; the demo data.
const clock = manualClock(new Date('2019-06-03T02:00:00Z'));
let t: TestApp;
let xq: Session, xqLead: Session, ld: Session, yc: Session;
const move = (s: Session, id: string, name: string, input?: unknown) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ok = async (p: Promise<{ statusCode: number; body: string }>, code = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(code);
  return (r as any).json();
};
const windowApply = (name: string) => applyAtWindow(t, xq, elderlyCareApplication(name, true));
async function finished(name: string, way = '窗口领取') {
  const { id } = await ok(windowApply(name), 201);
  await ok(move(xq, id, 'accept'));
  await ok(move(xq, id, 'approve', {}));
  await ok(move(xq, id, 'deliver', { way }));
  return id as string;
}
const complaintOf = async (s: Session, applicant: string) => (await ok(s.get('/api/hall/complaints'))).items.find((k: any) => k.applicant === applicant);

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  [xq, xqLead, ld, yc] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'ld-mzj', 'pl-mzj'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t?.close());

describe('一窗受理 and 好差评 at the window', () => {
  it('registers at the window (one visit counted), refuses another county and bad input in Chinese', async () => {
    const r = await ok(windowApply('兴庆区福寿园'), 201);
    expect(r).toMatchObject({ missing: [], queryCode: null, window: '社会事务综合窗口' });
    expect((await applyAtWindow(t, ld, elderlyCareApplication('越权登记', true))).statusCode).toBe(403);
    const bad = await xq.post('/api/hall/applications', { ...elderlyCareApplication('x', true), areaCode: '640104999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('受理地区');
    const notOurs = await applyAtWindow(t, xq, { ...elderlyCareApplication('x', true), materials: ['户口本'] });
    expect(notOurs.statusCode).toBe(400);
    expect(notOurs.json().title).toContain('材料清单');
    const early = await xq.post(`/api/hall/applications/${r.id}/rating`, { level: '满意', indicators: OFFLINE_STARS(4) });
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('办结后');
    const noReason = await move(xq, r.id, 'not_accept', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().title).toContain('理由');
    await ok(move(xq, r.id, 'not_accept', { reason: '该机构已在金凤区备案，不属于本机关管辖。' }));
    const c = await ok(xq.get(`/api/cases/${r.id}`));
    expect(c.data).toMatchObject({ notAcceptedReason: '该机构已在金凤区备案，不属于本机关管辖。' });
  });

  it('a malicious 非常不满意 goes to 申诉复核: the appellant cannot decide it, the leader upholds it and it stops counting', async () => {
    const id = await finished('兴庆区安康老年公寓');
    const online = await xq.post(`/api/hall/applications/${id}/rating`, { level: '满意', indicators: { 整体满意度: 4, 办事效率: 4 } });
    expect(online.statusCode).toBe(400);
    expect(online.json().title).toContain('服务态度');
    expect((await ld.post(`/api/hall/applications/${id}/rating`, { level: '满意', indicators: OFFLINE_STARS(4) })).statusCode).toBe(404);
    await ok(xq.post(`/api/hall/applications/${id}/rating`, { level: '非常不满意', indicators: OFFLINE_STARS(1), comment: '不给插队。' }), 201);
    const k = await complaintOf(xq, '兴庆区安康老年公寓');
    expect(k).toMatchObject({ level: '非常不满意', channel: '窗口', state: 'verifying' });
    await ok(move(xq, k.id, 'appeal', { reason: '评价人要求插队办理未获同意，系恶意差评，有现场录像。' }));
    expect((await move(xq, k.id, 'uphold', { note: '属实' })).statusCode).toBe(403);
    await ok(move(xqLead, k.id, 'uphold', { note: '经调取现场录像核实，窗口依规办理，差评不计入。' }));
    const s = await ok(xq.get('/api/hall/ratings/stats?by=window&from=2019-01-01&to=2019-12-31'));
    expect(s).toMatchObject({ total: 0, negative: 0, rectifyRate: null });
  });

  it('a 立行立改 差评, statistics by person and office, 不见面率 of window cases, the report figures with their records', async () => {
    const id = await finished('兴庆区银龄之家', '电子送达');
    await ok(xq.post(`/api/hall/applications/${id}/rating`, { level: '不满意', indicators: OFFLINE_STARS(2), comment: '窗口等候时间长。' }), 201);
    const k = await complaintOf(xq, '兴庆区银龄之家');
    await ok(move(xq, k.id, 'verify', { note: '高峰时段只开一个窗口，属实。' }));
    await ok(move(xq, k.id, 'rectify_now', { way: '立行立改', note: '高峰时段增开窗口。' }));
    await ok(move(xq, k.id, 'feedback', { feedback: '已增开窗口，感谢监督。' }));
    const other = await finished('兴庆区晚晴苑');
    await ok(xq.post(`/api/hall/applications/${other}/rating`, { level: '非常满意', indicators: OFFLINE_STARS(5) }), 201);
    const byPerson = await ok(xq.get('/api/hall/ratings/stats?by=person&from=2019-01-01&to=2019-12-31'));
    expect(byPerson.items).toEqual([expect.objectContaining({ label: '刘海燕', total: 2, negative: 1, rectified: 1, rectifyRate: 100, goodRate: 50 })]);
    const byOffice = await ok(xq.get('/api/hall/ratings/stats?by=office&from=2019-01-01&to=2019-12-31'));
    expect(byOffice.items[0]).toMatchObject({ label: '兴庆区民政局', averageStars: 3.5 });
    const bad = await xq.get('/api/hall/ratings/stats?by=team');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('办理人');
    const nv = await ok(xq.get('/api/hall/no-visit?from=2019-01-01&to=2019-12-31'));
    expect(nv).toMatchObject({ finished: 3, noVisit: 0, rate: 0 });
    const f = Object.fromEntries(
      (await ok(xqLead.get('/api/report/metrics?year=2019&section=hall'))).sections.flatMap((s: any) => s.metrics).map((m: any) => [m.code, m]),
    );
    expect([f['hall.finished'].value, f['hall.ratings'].value, f['hall.negative'].value, f['hall.rectify_rate'].value]).toEqual([3, 2, 1, 100]);
    const recs = await ok(xqLead.get('/api/report/records?metric=hall.negative&year=2019'));
    expect(recs.items.map((i: any) => i.id)).toEqual([k.id]);
  }, 60_000);
});

describe('demo data, with the catalogue’s implementation lists', () => {
  it('spreads over several districts: a city user sees its own counties only', async () => {
    clock.set(new Date('2026-11-30T02:00:00Z'));
    await seedDemoCatalogue(t.ctx);
    // The guide of an area reads the office's implementation list (实施编码, 办理深度, 承诺时限 when set).
    const own = (await t.app.inject({ method: 'GET', url: '/api/public/hall/items/511A00450024' })).json();
    expect(own).toMatchObject({ source: 'hall', promiseWorkdays: 20 });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/public/hall/items/511A00450024?area=640104' })).json();
    expect(listed).toMatchObject({ source: 'catalogue', promiseWorkdays: 7, implCode: expect.stringMatching(/^.{31}$/) });
    const r = await seedDemoHall(t.ctx);
    expect(r.created).toBe(60);
    expect((await seedDemoHall(t.ctx)).skipped).toBe(true);
    const city = await t.login('yc-mzj');
    const items = (await ok(city.get('/api/hall/applications?pageSize=100'))).items;
    const counties = new Set(items.map((i: any) => i.areaPath.split('.')[2]));
    expect([...counties].sort()).toEqual(['640104', '640105', '640106']);
    const pl = (await ok(yc.get('/api/hall/applications?pageSize=100'))).items;
    expect(pl.every((i: any) => i.areaPath.startsWith('640000.640200.640221'))).toBe(true);
    const stats = await ok(city.get('/api/hall/ratings/stats?by=office'));
    expect(stats.items.length).toBe(3);
    expect(stats.negative).toBeGreaterThan(0);
    const sources = (await t.ctx.db
      .selectFrom('hall.application' as any)
      .select(['item_source', 'promise_workdays'])
      .where('is_demo', '=', true)
      .execute()) as any[];
    expect(sources.some((x) => x.item_source === 'catalogue' && x.promise_workdays === 7)).toBe(true);
    // 社会团体成立登记 in the demo: every accepted one was handed to the registrar, who decided the finished ones both ways.
    const groups = (await t.ctx.db
      .selectFrom('hall.application as a' as any)
      .innerJoin('core.case as k', 'k.id', 'a.case_id' as any)
      .select(['k.state', 'a.orgs_case_id', 'a.registrar_decision'] as any)
      .where('a.is_demo' as any, '=', true)
      .where('a.item_code' as any, '=', '511A00450024')
      .execute()) as any[];
    const accepted = groups.filter((g) => ['accepted', 'approved', 'refused', 'delivered'].includes(g.state));
    expect(accepted.length).toBeGreaterThan(3);
    expect(accepted.every((g) => g.orgs_case_id)).toBe(true);
    expect(new Set(groups.map((g) => g.registrar_decision).filter(Boolean))).toEqual(new Set(['准予登记', '不予登记']));
  }, 300_000);
});
