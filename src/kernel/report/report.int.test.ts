import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { residentIdCheckChar } from '../codes/index.ts';

/**
 * The report engine on a 2024 fixture (the demo lives in 2019 and today):
 * P1 nx-fgc 来访 6 人 自治区信访局, then 转送 to 银川市民政局 · P2 xq-mzj 来信 2 人, refused (办结)
 * P3 ld-mzj 电话 12345 · P4 nx-fgc 网上信访 民政部.
 * The region's 信访 figures are the 民政厅's own (P1, P4); 兴庆区's are its own (P2).
 */
const clock = manualClock(new Date('2024-03-05T02:00:00Z'));
const at = (iso: string) => clock.set(new Date(iso));
const ID = (first17: string) => first17 + residentIdCheckChar(first17);
let t: TestApp;
let fgc: Session, fgcLead: Session, xq: Session, xqLead: Session, ld: Session;
const ok = async (p: Promise<{ statusCode: number; body: string }>, code = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(code);
  return r as any;
};
const petition = (over: Record<string, unknown>) => ({
  title: '报告测试事项',
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode: '640104',
  content: '报告测试:请求核查家庭经济状况并依法处理,内容足够长以通过校验。',
  ...over,
});
const figures = async (s: Session, qs = 'year=2024') => (await ok(s.get(`/api/report/metrics?${qs}`))).json();
const fig = (body: any, code: string) => body.sections.flatMap((s: any) => s.metrics).find((m: any) => m.code === code);

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [fgc, fgcLead, xq, xqLead, ld] = await Promise.all(['nx-fgc', 'nx-fgc-lead', 'xq-mzj', 'xq-mzj-lead', 'ld-mzj'].map((u) => t.login(u)));
  const yc = (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640100-mzj').executeTakeFirstOrThrow()).id;
  const p1 = (
    await ok(
      fgc.post(
        '/api/petitions',
        petition({
          title: 'P1',
          channel: '来访',
          sourceBody: '自治区信访局',
          sourceRef: '宁信转〔2024〕1号',
          visitBatch: 1,
          visitPersons: 6,
          petitioners: [{ name: '马某', idNumber: ID('64010419800101123') }],
        }),
      ),
      201,
    )
  ).json().id;
  at('2024-03-06T02:00:00Z');
  await ok(fgc.post(`/api/cases/${p1}/handoff`, { kind: 'transfer', toOrgId: yc }));
  at('2024-04-10T02:00:00Z');
  const p2 = (
    await ok(xq.post('/api/petitions', petition({ title: 'P2', channel: '来信', visitPersons: 2, subject: '养老服务', concernedAreaCode: '640104001' })), 201)
  ).json().id;
  at('2024-04-13T02:00:00Z');
  await ok(xq.post(`/api/cases/${p2}/transitions/refuse`, { input: { reasonCode: 'statutory_route' }, comment: '应通过行政复议解决' }));
  at('2024-05-20T02:00:00Z');
  await ok(ld.post('/api/petitions', petition({ title: 'P3', channel: '电话', sourceBody: '12345', subject: '殡葬', concernedAreaCode: '640423' })), 201);
  at('2024-06-03T02:00:00Z');
  await ok(fgc.post('/api/petitions', petition({ title: 'P4', channel: '网上信访', sourceBody: '民政部', sourceRef: '民信转〔2024〕9号' })), 201);
  at('2024-07-01T02:00:00Z');
}, 120_000);
afterAll(() => t?.close());

describe('GET /api/report/metrics', () => {
  it('gives the region its own 信访 figures with unit, rule and computed time', async () => {
    const b = await figures(fgcLead);
    expect(b.area).toEqual({ code: '640000', name: expect.any(String), level: 1 });
    const got = Object.fromEntries(b.sections.find((s: any) => s.code === 'petitions').metrics.map((m: any) => [m.code, m.value]));
    expect(got).toMatchObject({
      'petitions.total': 2,
      'petitions.batches': 1,
      'petitions.persons': 6,
      'petitions.from_xfj': 1,
      'petitions.from_mca': 1,
      'petitions.transferred': 1,
      'petitions.assigned': 0,
      'petitions.supervised': 0,
      'petitions.concluded': 0,
    });
    const total = fig(b, 'petitions.total');
    expect(total).toMatchObject({
      unit: '件',
      aggregation: 'own',
      aggregationNote: '本级数，不是下级之和',
      recordCount: 2,
      computedAt: '2024-07-01T02:00:00.000Z',
    });
    expect(total.rule).toContain('本级机关登记');
  });

  it('gives a county user its own county, and refuses another county in Chinese', async () => {
    const b = await figures(xqLead);
    expect(b.area.code).toBe('640104');
    expect(fig(b, 'petitions.total')).toMatchObject({ value: 1, recordCount: 1 });
    expect(fig(b, 'petitions.concluded').value).toBe(1);
    expect(fig(b, 'petitions.on_time_rate')).toMatchObject({ value: 100, unit: '%', aggregation: 'ratio' });
    const other = await xqLead.get('/api/report/metrics?year=2024&area=640423');
    expect(other.statusCode).toBe(403);
    expect(other.json().title).toContain('无权查看「隆德县」的报告');
    const up = await xqLead.get('/api/report/metrics?year=2024&area=640000');
    expect(up.statusCode).toBe(403);
  });

  it('keeps a computed value: asking again gives the same value and time; refresh recomputes the same value', async () => {
    const first = fig(await figures(fgcLead), 'petitions.total');
    at('2024-07-02T02:00:00Z');
    const again = fig(await figures(fgcLead), 'petitions.total');
    expect(again).toEqual(first);
    const r = (await ok(fgcLead.post('/api/report/metrics/refresh', { year: 2024 }))).json();
    expect(fig(r, 'petitions.total')).toMatchObject({ value: first.value, recordCount: first.recordCount, computedAt: '2024-07-02T02:00:00.000Z' });
    expect(fig(r, 'petitions.total').valueId).not.toBe(first.valueId);
    expect(fig(await figures(fgcLead), 'petitions.total').valueId).toBe(fig(r, 'petitions.total').valueId);
  });

  it('refuses without report.read, and bad input, in Chinese', async () => {
    const r = await xq.get('/api/report/metrics?year=2024');
    expect(r.statusCode).toBe(403);
    expect(r.json().title).toContain('report.read');
    for (const qs of ['year=abc', 'year=1800', '', 'year=2024&area=64x']) {
      const b = await fgcLead.get(`/api/report/metrics?${qs}`);
      expect(b.statusCode, qs).toBe(400);
      expect(b.json().title, qs).toMatch(/「(year|area)」/);
    }
    expect((await fgcLead.get('/api/report/metrics?year=2024&area=999999')).statusCode).toBe(400);
  });
});

describe('GET /api/report/records', () => {
  it('lists the records behind a figure: as many as the value, with ref no, state and org', async () => {
    const b = (await ok(fgcLead.get('/api/report/records?metric=petitions.total&year=2024'))).json();
    expect(b.metric).toMatchObject({ code: 'petitions.total', value: 2, recordCount: 2, recordKind: 'case' });
    expect(b.total).toBe(2);
    expect(b.items.map((i: any) => i.title)).toEqual(['P1', 'P4']);
    expect(b.items[0]).toMatchObject({
      refNo: expect.stringMatching(/^XF-640000-2024-/),
      type: 'petition',
      org: expect.any(String),
      date: '2024-03-05T02:00:00.000Z',
    });
    expect(b.items[0].stateLabel).toBeTruthy();
    const page2 = (await ok(fgcLead.get('/api/report/records?metric=petitions.total&year=2024&pageSize=1&page=2'))).json();
    expect(page2.items.map((i: any) => i.title)).toEqual(['P4']);
  });

  it("lists only the county's own records for a county user, and refuses another county's", async () => {
    const b = (await ok(xqLead.get('/api/report/records?metric=petitions.total&year=2024'))).json();
    expect(b.items.map((i: any) => i.title)).toEqual(['P2']);
    expect((await xqLead.get('/api/report/records?metric=petitions.total&year=2024&area=640423')).statusCode).toBe(403);
  });

  it('answers 404 for an unknown metric and 400 for a bad page, in Chinese', async () => {
    const r = await fgcLead.get('/api/report/records?metric=nope.x&year=2024');
    expect(r.statusCode).toBe(404);
    expect(r.json().title).toContain('报告指标「nope.x」不存在');
    expect((await fgcLead.get('/api/report/records?metric=petitions.total&year=2024&pageSize=500')).statusCode).toBe(400);
    expect((await fgcLead.get('/api/report/records?year=2024')).statusCode).toBe(400);
  });
});
