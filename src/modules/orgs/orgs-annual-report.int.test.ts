import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';
import { sweepReminders } from './inspection/reminder-sweep.ts';
import { sweepMissingReports } from './inspection/missing-report-sweep.ts';

/** 年度工作报告 on the portal: 年报报送码, filing, 初审 and conclusion, publication, reminders, the sweep. */
const clock = manualClock(new Date('2020-03-10T02:00:00Z'));
const at = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
let t: TestApp;
let xq: Session, pl: Session;
let ip = 0;
const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const pub = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as any, remoteAddress: `10.88.0.${++ip % 250}` });
const orgs: Record<string, { id: string; uscc: string; code?: string }> = {};
const make = async (key: string, over: Record<string, unknown>) => {
  const r = await ok(xq.post('/api/orgs', sampleOrg(over)), 201);
  orgs[key] = { id: r.id, uscc: r.uscc };
};
const report = (over: Record<string, unknown> = {}) => ({
  year: 2019,
  activities: '全年举办书法展览3次、公益培训12期，参与群众约1500人次。',
  incomeCents: 12_000_000,
  expenditureCents: 9_800_000,
  netAssetsCents: 5_400_000,
  staff: 3,
  members: 120,
  boardMeetings: 2,
  supervisorReviewedOn: '2020-03-05',
  filerName: '马文华',
  filerPhone: '13895110001',
  ...over,
});
const file = (key: string, over: Record<string, unknown> = {}) =>
  pub('POST', '/api/public/orgs/annual-reports', { uscc: orgs[key]!.uscc, filingCode: orgs[key]!.code, report: report(over) });
const status = async (key: string) => ok(pub('POST', '/api/public/orgs/annual-reports/status', { uscc: orgs[key]!.uscc, filingCode: orgs[key]!.code }));

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [xq, pl] = await Promise.all(['xq-mzj', 'pl-mzj'].map((u) => t.login(u)));
  await make('a', { name: '兴庆区楹联协会', uscc: makeUscc('social_group', '640104', 801), registeredOn: '2016-03-01' });
  await make('b', { name: '兴庆区摄影协会', uscc: makeUscc('social_group', '640104', 802), registeredOn: '2016-03-01' });
  await make('f', {
    kind: 'foundation',
    name: '兴庆区扶老基金会',
    uscc: makeUscc('foundation', '640104', 803),
    registeredOn: '2017-01-10',
    capitalCents: 200_000_000,
    supervisorUnit: null,
  });
  await make('young', { name: '兴庆区诗词协会', uscc: makeUscc('social_group', '640104', 804), registeredOn: '2019-08-01' });
  for (const k of Object.keys(orgs)) orgs[k]!.code = (await ok(xq.post(`/api/orgs/${orgs[k]!.id}/filing-code`), 201)).code;
});
afterAll(async () => t?.close());

describe('年度工作报告 on the portal', () => {
  it('the registrar issues a 年报报送码 in scope; the portal refuses a wrong one without saying which part', async () => {
    expect(orgs.a!.code).toMatch(/^[A-Z2-9]{12}$/);
    expect((await pl.post(`/api/orgs/${orgs.a!.id}/filing-code`)).statusCode).toBe(404);
    const wrong = await pub('POST', '/api/public/orgs/annual-reports/status', { uscc: orgs.a!.uscc, filingCode: 'ABCDEFGHJKLM' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().title).toContain('统一社会信用代码或年报报送码不正确');
    const s = await status('a');
    expect(s).toMatchObject({ name: '兴庆区楹联协会', authorityName: expect.stringContaining('兴庆区') });
    expect(s.years[0]).toMatchObject({ year: 2019, required: true, supervisorDeadline: '2020-03-31', registrarDeadline: '2020-06-01', submittedOn: null });
  });

  it('files the report with the kind’s rules; replaced before 初审, locked after', async () => {
    const noSup = await file('a', { supervisorReviewedOn: null });
    expect(noSup.statusCode).toBe(400);
    expect(noSup.json().title).toContain('业务主管单位');
    expect((await file('f', { members: null, supervisorReviewedOn: null })).json().title).toContain('审计');
    expect((await file('young')).json().title).toContain('不满6个月');
    expect((await file('a', { year: 2020 })).statusCode).toBe(400);
    expect(await ok(file('a'), 201)).toMatchObject({ year: 2019, submittedOn: '2020-03-10', late: false, replaced: false });
    expect(await ok(file('a', { staff: 4 }), 201)).toMatchObject({ replaced: true });
    await ok(file('f', { members: null, supervisorReviewedOn: null, auditFirm: '宁夏某某会计师事务所', auditReportNo: '宁审字〔2020〕第12号' }), 201);
    const early = await xq.post(`/api/orgs/${orgs.a!.id}/inspections`, { year: 2019, reviewedOn: '2020-03-09' });
    expect(early.json()).toMatchObject({ status: 400, title: '初审日期早于年度工作报告报送日期（2020-03-10）。' });
    await ok(xq.post(`/api/orgs/${orgs.a!.id}/inspections`, { year: 2019, reviewedOn: '2020-03-10' }));
    const locked = await file('a');
    expect(locked.json()).toMatchObject({ status: 409, code: 'ORG_REPORT_REVIEWED' });
    const d = await ok(xq.get(`/api/orgs/${orgs.a!.id}`));
    expect(d.inspections[0]).toMatchObject({ year: 2019, submittedOn: '2020-03-10', submittedVia: 'portal', reviewedOn: '2020-03-10', report: { staff: 4 } });
  });

  it('业务主管单位: the linked unit sees only its organizations and gives the 初审 opinion before the registrar reviews', async () => {
    const sup = await t.login('xq-whlyj');
    const unit = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-whlyj').executeTakeFirstOrThrow();
    const b = orgs.b!.id;
    expect((await ok(sup.get('/api/orgs/supervised'))).total).toBe(0);
    expect((await sup.get(`/api/orgs/supervised/${b}`)).statusCode).toBe(404);
    expect((await pl.post(`/api/orgs/${b}/supervisor`, { orgUnitId: unit.id })).statusCode).toBe(404);
    await ok(xq.post(`/api/orgs/${b}/supervisor`, { orgUnitId: unit.id, basis: '章程核准' }));
    await ok(xq.post(`/api/orgs/${orgs.f!.id}/supervisor`, { orgUnitId: unit.id }));
    const list = await ok(sup.get('/api/orgs/supervised'));
    expect(list.items.map((o: any) => o.name)).toEqual(['兴庆区扶老基金会', '兴庆区摄影协会']);
    expect(list.items[1]).toMatchObject({ supervisorUnit: '兴庆区文化和旅游局', authorityName: '兴庆区民政局', status: 'normal', latest: null });
    // an organization it does not supervise, and the registrar's own routes, stay closed
    expect((await sup.get(`/api/orgs/supervised/${orgs.a!.id}`)).statusCode).toBe(404);
    expect([403, 404]).toContain((await sup.get(`/api/orgs/${b}`)).statusCode);
    expect((await xq.get('/api/orgs/supervised')).statusCode).toBe(403);
    const opinion = (over: Record<string, unknown> = {}) => sup.post(`/api/orgs/supervised/${b}/opinions`, { year: 2019, opinion: '同意', ...over });
    expect((await opinion()).json()).toMatchObject({ status: 409, code: 'ORG_REPORT_NOT_FILED' });
    await ok(file('b'), 201);
    expect((await opinion({ opinion: '不同意' })).statusCode).toBe(400);
    expect(await ok(opinion())).toEqual({ year: 2019, opinion: '同意', opinionOn: '2020-03-10' });
    expect((await sup.post(`/api/orgs/supervised/${orgs.a!.id}/opinions`, { year: 2019, opinion: '同意' })).statusCode).toBe(404);
    expect((await sup.post(`/api/orgs/supervised/${orgs.f!.id}/opinions`, { year: 2019, opinion: '同意' })).json().code).toBe('ORG_NO_SUPERVISOR_STEP');
    const d = await ok(sup.get(`/api/orgs/supervised/${b}`));
    expect(d.inspections[0]).toMatchObject({ year: 2019, submittedOn: '2020-03-10', supervisorOpinion: '同意', reviewedOn: null });
    // the registrar sees the opinion and the change of 业务主管单位; after its 初审 the opinion is final
    const r = await ok(xq.get(`/api/orgs/${b}`));
    expect(r.inspections[0]).toMatchObject({ supervisorOpinion: '同意', supervisorOpinionOn: '2020-03-10' });
    expect(r.history.at(-1)).toMatchObject({ field: 'supervisorUnit', before: '兴庆区文化旅游广电局', after: '兴庆区文化和旅游局' });
    await ok(xq.post(`/api/orgs/${b}/inspections`, { year: 2019, reviewedOn: '2020-03-10' }));
    expect((await opinion({ opinion: '不同意', comment: '活动记录不全' })).json().code).toBe('ORG_ALREADY_REVIEWED');
  });

  it('the registrar concludes 不合格 with reasons; the organization sees it; publication is public without the reasons', async () => {
    at('2020-06-15');
    await ok(xq.post(`/api/orgs/${orgs.a!.id}/inspections`, { year: 2019, conclusion: '不合格', concludedOn: '2020-06-15', reasons: '未按章程召开会员大会' }));
    expect((await status('a')).years[0]).toMatchObject({ conclusion: '不合格', reasons: '未按章程召开会员大会', publishedOn: null });
    expect((await ok(pub('GET', '/api/public/orgs/inspections?year=2019'))).total).toBe(0);
    expect(await ok(xq.post('/api/orgs/inspections/publish', { year: 2019 }))).toMatchObject({ count: 1, publishedOn: '2020-06-15' });
    expect(await ok(pl.post('/api/orgs/inspections/publish', { year: 2019 }))).toMatchObject({ count: 0 });
    const p = await ok(pub('GET', '/api/public/orgs/inspections?year=2019&q=%E6%A5%B9%E8%81%94'));
    expect(p.items).toEqual([
      { name: '兴庆区楹联协会', uscc: orgs.a!.uscc, authorityName: expect.any(String), conclusion: '不合格', publishedOn: '2020-06-15' },
    ]);
    expect((await status('a')).years[0].publishedOn).toBe('2020-06-15');
  });
});

describe('reminders and the sweep (2021: the 2020 reports)', () => {
  it('reminds those that have filed nothing, from 15 days before each deadline, once', async () => {
    at('2021-03-01');
    expect(await sweepReminders(t.ctx, '2021-03-01')).toBe(0); // 3/31 is 30 days away
    at('2021-03-16');
    // supervisor 3/31: a, b, young (registered 2019-08 takes part in 2020); registrar 3/31: the foundation
    expect(await sweepReminders(t.ctx, '2021-03-16')).toBe(4);
    expect(await sweepReminders(t.ctx, '2021-03-17')).toBe(0);
    expect((await status('b')).years[0]).toMatchObject({ year: 2020, remindedOn: '2021-03-16' });
    at('2021-04-01');
    await ok(file('b', { year: 2020, supervisorReviewedOn: '2021-03-30' }), 201);
    at('2021-05-17');
    expect(await sweepReminders(t.ctx, '2021-05-17')).toBe(2); // registrar 5/31: a and young (b filed)
    const inbox = await ok(xq.get('/api/notifications?pageSize=50'));
    expect(inbox.items.map((n: any) => n.title)).toContain('已提醒2个社会组织：2020年度工作报告应于2021-05-31前报送登记管理机关');
  });

  it('the sweep lists the missing ones; a late report meets the listing’s obligation', async () => {
    at('2021-06-01');
    expect(await sweepMissingReports(t.ctx, '2021-06-01')).toBe(3); // the foundation (3/31), a and young (5/31)
    at('2021-06-08');
    expect(await ok(file('young', { year: 2020, supervisorReviewedOn: '2021-06-01' }), 201)).toMatchObject({ late: true });
    const l = (await ok(xq.get(`/api/orgs/${orgs.young!.id}`))).listings[0];
    expect(l).toMatchObject({ list: 'abnormal', reason: 'annual_report', listedOn: '2021-06-01', obligationMetOn: '2021-06-08' });
  });
});
