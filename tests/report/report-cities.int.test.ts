import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../helpers/test-app.ts';

/**
 * The province table: one metric by 地级市, or by county (level=3). 2024 petitions registered by 银川市民政局 (2, via a city
 * leader yc-mzj given the 领导 role) and by 兴庆区 (1, in 银川市); the region's user sees every city,
 * the city user only 银川市, the county user none; each cell's records are the city's.
 */
const clock = manualClock(new Date('2024-03-01T02:00:00Z'));
let t: TestApp;
let admin: Session, yc: Session, xqLead: Session, xq: Session;
const ok = async (p: Promise<{ statusCode: number; body: string }>, code = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(code);
  return (r as any).json();
};
const petition = (title: string, concernedAreaCode: string) => ({
  title,
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode,
  channel: '来信',
  visitPersons: 1,
  content: '分市统计测试：请求核查家庭经济状况并依法处理，内容足够长以通过校验。',
});

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [admin, xqLead, xq] = await Promise.all(['admin', 'xq-mzj-lead', 'xq-mzj'].map((u) => t.login(u)));
  const ycUser = await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', 'yc-mzj').executeTakeFirstOrThrow();
  const ycOrg = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640100-mzj').executeTakeFirstOrThrow();
  await ok(admin.post(`/api/users/${ycUser.id}/roles`, { roleCode: 'leader', orgUnitId: ycOrg.id, scope: 'subtree' }), 201);
  yc = await t.login('yc-mzj');
  for (const title of ['C1', 'C2']) await ok(yc.post('/api/petitions', petition(title, '640100')), 201);
  await ok(xq.post('/api/petitions', petition('X1', '640104001')), 201);
  clock.set(new Date('2024-07-01T02:00:00Z'));
}, 120_000);
afterAll(() => t?.close());

describe('GET /api/report/cities', () => {
  it('gives the region’s user a row per 地级市 and the region’s own figure', async () => {
    const b = await ok(admin.get('/api/report/cities?metric=petitions.total&year=2024'));
    const cities = await t.ctx.db.selectFrom('core.area').select(['code', 'name']).where('level', '=', 2).orderBy('code').execute();
    expect(cities.length).toBeGreaterThan(1);
    expect(b.rows.map((r: any) => r.area.code)).toEqual(cities.map((c) => c.code));
    const yinchuan = b.rows.find((r: any) => r.area.code === '640100');
    expect(yinchuan.figure).toMatchObject({ value: 2, recordCount: 2, aggregationNote: '本级数，不是下级之和' });
    expect(b.metric).toMatchObject({ code: 'petitions.total', unit: '件', aggregation: 'own' });
    expect(b.region.area.code).toBe('640000');
    // A cell links to its records: the city's own petitions.
    const recs = await ok(admin.get('/api/report/records?metric=petitions.total&year=2024&area=640100'));
    expect(recs.items.map((i: any) => i.title).sort()).toEqual(['C1', 'C2']);
  });

  it('gives a city user only its own row, a county user none', async () => {
    const c = await ok(yc.get('/api/report/cities?metric=petitions.total&year=2024'));
    expect(c.rows.map((r: any) => r.area.code)).toEqual(['640100']);
    expect(c.rows[0].figure.value).toBe(2);
    expect(c.region).toBeNull();
    const x = await ok(xqLead.get('/api/report/cities?metric=petitions.total&year=2024'));
    expect(x.rows).toEqual([]);
    expect(x.region).toBeNull();
  });

  it('gives the province-wide table of counties (level=3), each under its city, a county user only its own', async () => {
    const b = await ok(admin.get('/api/report/cities?metric=petitions.total&year=2024&level=3'));
    const counties = await t.ctx.db.selectFrom('core.area').select(['code', 'parent_code']).where('level', '=', 3).orderBy('code').execute();
    expect(b.rows.map((r: any) => [r.area.code, r.parent.code])).toEqual(counties.map((c) => [c.code, c.parent_code]));
    expect(b.rows.find((r: any) => r.area.code === '640104').figure).toMatchObject({ value: 1, recordCount: 1 });
    const x = await ok(xqLead.get('/api/report/cities?metric=petitions.total&year=2024&level=3'));
    expect(x.rows.map((r: any) => [r.area.code, r.parent.name, r.figure.value])).toEqual([['640104', '银川市', 1]]);
    expect((await admin.get('/api/report/cities?metric=petitions.total&year=2024&level=4')).statusCode).toBe(400);
  });

  it('refuses without report.read and names an unknown metric, in Chinese', async () => {
    const r = await xq.get('/api/report/cities?metric=petitions.total&year=2024');
    expect(r.statusCode).toBe(403);
    const u = await admin.get('/api/report/cities?metric=nope.x&year=2024');
    expect(u.statusCode).toBe(404);
    expect(u.json().title).toContain('报告指标「nope.x」不存在');
  });
});
