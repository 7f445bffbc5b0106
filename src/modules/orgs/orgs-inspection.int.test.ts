import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';
import { sweepMissingReports } from './inspection/missing-report-sweep.ts';

const clock = manualClock(new Date('2020-06-15T02:00:00Z'));
let t: TestApp;
let xq: Session, pl: Session, yc: Session;
let a: string, b: string, late: string;

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [xq, pl, yc] = await Promise.all(['xq-mzj', 'pl-mzj', 'yc-mzj'].map((u) => t.login(u)));
  a = (await ok(xq.post('/api/orgs', sampleOrg({ name: '兴庆区风筝协会', uscc: makeUscc('social_group', '640104', 51), registeredOn: '2016-03-01' })), 201)).id;
  b = (await ok(xq.post('/api/orgs', sampleOrg({ name: '兴庆区剪纸协会', uscc: makeUscc('social_group', '640104', 52), registeredOn: '2016-03-01' })), 201)).id;
  late = (await ok(xq.post('/api/orgs', sampleOrg({ name: '兴庆区秦腔协会', uscc: makeUscc('social_group', '640104', 53), registeredOn: '2019-07-01' })), 201))
    .id;
});
afterAll(async () => t?.close());

describe('年检', () => {
  it('records submission and conclusion; 不合格 needs reasons and lands on 诚信缺失 (three years without government purchase)', async () => {
    await ok(xq.post(`/api/orgs/${a}/inspections`, { year: 2019, submittedOn: '2020-05-20' }));
    const noReason = await xq.post(`/api/orgs/${a}/inspections`, { year: 2019, conclusion: '不合格', concludedOn: '2020-06-10' });
    expect(noReason.json()).toMatchObject({ status: 400 });
    expect(noReason.json().title).toContain('理由');
    const r = await ok(
      xq.post(`/api/orgs/${a}/inspections`, { year: 2019, conclusion: '不合格', concludedOn: '2020-06-10', reasons: '财务管理不规范，未按章程换届' }),
    );
    expect(r.listingId).toBeTruthy();
    const d = await ok(xq.get(`/api/orgs/${a}`));
    expect(d.inspections[0]).toMatchObject({ year: 2019, submittedOn: '2020-05-20', conclusion: '不合格', concludedOn: '2020-06-10' });
    expect(d.lists).toEqual(['integrity_lapse']);
    expect((await ok(xq.get(`/api/orgs/${a}/eligibility?date=2023-06-09&for=purchase`))).eligible).toBe(false);
    expect((await ok(xq.get(`/api/orgs/${a}/eligibility?date=2023-06-10&for=purchase`))).eligible).toBe(true);
    const again = await xq.post(`/api/orgs/${a}/inspections`, { year: 2019, conclusion: '合格', concludedOn: '2020-06-12' });
    expect(again.json()).toMatchObject({ status: 409, code: 'ORG_INSPECTION_CONCLUDED' });
  });

  it('refuses years the organization does not take part in', async () => {
    const young = await xq.post(`/api/orgs/${late}/inspections`, { year: 2019, submittedOn: '2020-03-01' });
    expect(young.statusCode).toBe(400);
    expect(young.json().title).toContain('不满6个月');
    expect((await xq.post(`/api/orgs/${b}/inspections`, { year: 2020, submittedOn: '2020-06-01' })).json().title).toContain('尚未结束');
    expect((await pl.post(`/api/orgs/${b}/inspections`, { year: 2019, submittedOn: '2020-06-01' })).statusCode).toBe(404);
  });

  it('lists the organizations without a conclusion, for one year or several in a row, in scope', async () => {
    const m = await ok(xq.get('/api/orgs/inspections/missing?year=2019'));
    expect(m.items.map((x: any) => x.name)).toEqual(['兴庆区剪纸协会']); // 风筝 concluded, 秦腔 too young
    const two = await ok(yc.get('/api/orgs/inspections/missing?year=2019&years=2'));
    expect(two.items.map((x: any) => x.name)).toEqual(['兴庆区剪纸协会']);
    expect((await ok(pl.get('/api/orgs/inspections/missing?year=2019'))).total).toBe(0);
    expect((await xq.get('/api/orgs/inspections/missing?years=20')).statusCode).toBe(400);
  });

  it('lists the organizations without last year’s report on the 活动异常名录 the day after the deadline (rest day rolled forward)', async () => {
    const f = await ok(
      xq.post(
        '/api/orgs',
        sampleOrg({
          kind: 'foundation',
          name: '兴庆区助学基金会',
          uscc: makeUscc('foundation', '640104', 54),
          registeredOn: '2016-05-01',
          capitalCents: 200_000_000,
        }),
      ),
      201,
    );
    expect(await sweepMissingReports(t.ctx, '2020-06-01')).toBe(1); // the foundation: 2020-03-31; the social groups' 2020-05-31 is a Sunday → 06-01
    expect(await sweepMissingReports(t.ctx, '2020-06-02')).toBe(1); // 剪纸 (风筝 reported, 秦腔 too young)
    expect(await sweepMissingReports(t.ctx, '2020-06-15')).toBe(0); // once per organization and year
    expect((await ok(xq.get(`/api/orgs/${f.id}`))).listings[0]).toMatchObject({
      list: 'abnormal',
      reason: 'annual_report',
      listedOn: '2020-04-01',
      obligation: true,
    });
    const jz = await ok(xq.get(`/api/orgs/${b}`));
    expect(jz.listings[0]).toMatchObject({
      list: 'abnormal',
      reason: 'annual_report',
      listedOn: '2020-06-02',
      detail: '2019年度工作报告未在2020-06-01前报送登记管理机关',
    });
    expect((await ok(xq.get(`/api/orgs/${late}`))).listings).toEqual([]);
  });
});
