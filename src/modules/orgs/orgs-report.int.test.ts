import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';

/**
 * The report's 社会组织 figures counted from rows: registered on a day, 2年以上未年检, and the name
 * clean-up's 更名 / 注销清理. Each test compares with the figure before the rows were made, so the
 * demo data (if any) does not matter.
 */
const clock = manualClock(new Date('2019-08-01T02:00:00Z'));
const at = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
let t: TestApp;
let xq: Session, xqLead: Session, pl: Session;
const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const move = (s: Session, id: string, name: string, input: unknown = {}) => ok(s.post(`/api/cases/${id}/transitions/${name}`, { input }));
const figures = (s: Session, qs: string) => ok(s.get(`/api/orgs/figures?area=640104&${qs}`));
const org = async (name: string, n: number, registeredOn: string) =>
  (await ok(xq.post('/api/orgs', sampleOrg({ name, uscc: makeUscc('social_group', '640104', 700 + n), registeredOn })), 201)).id as string;

let before930: any, before1231: any;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  [xq, xqLead, pl] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'pl-mzj'].map((u) => t.login(u)));
  before930 = await figures(xq, 'asOf=2019-09-30&from=2019-01-01');
  before1231 = await figures(xq, 'asOf=2019-12-31&from=2019-01-01');
  ids.a = await org('兴庆区围棋协会', 1, '2015-03-01'); // 2017 inspected
  ids.b = await org('兴庆区象棋协会', 2, '2016-02-01'); // reported 2018, never concluded; renamed in the clean-up
  ids.c = await org('兴庆区桥牌协会', 3, '2016-04-01'); // 2018 concluded only on 2019-10-10
  ids.e = await org('兴庆区民族文化协会', 4, '2015-06-01'); // deregistered in the clean-up
  ids.f = await org('兴庆区跳棋协会', 5, '2017-08-01'); // too young for the 2017 inspection
  await ok(xq.post(`/api/orgs/${ids.a}/inspections`, { year: 2017, submittedOn: '2018-03-20', conclusion: '合格', concludedOn: '2018-05-01' }));
  await ok(xq.post(`/api/orgs/${ids.b}/inspections`, { year: 2018, submittedOn: '2019-03-20' }));
  const rename = await ok(xq.post(`/api/orgs/${ids.b}/change-requests`, { changes: { name: '兴庆区棋艺协会' }, campaign: 'name_cleanup' }), 201);
  const plain = await ok(xq.post(`/api/orgs/${ids.a}/change-requests`, { changes: { name: '兴庆区围棋运动协会' } }), 201);
  await move(xq, rename.id, 'approve');
  await move(xq, plain.id, 'approve');
  ids.renameCase = rename.id;
  at('2019-08-02');
  const dereg = await ok(
    xq.post(`/api/orgs/${ids.e}/deregistrations`, { clearanceEndedOn: '2019-07-30', reason: '名称清理规范，会员大会决议注销', campaign: 'name_cleanup' }),
    201,
  );
  await move(xq, dereg.id, 'approve');
  ids.deregCase = dereg.id;
  at('2019-10-10');
  await ok(xq.post(`/api/orgs/${ids.c}/inspections`, { year: 2018, submittedOn: '2019-05-20', conclusion: '基本合格', concludedOn: '2019-10-10' }));
  ids.d = await org('兴庆区五子棋协会', 6, '2019-10-05');
  at('2020-01-15');
});
afterAll(async () => t?.close());

const grew = (after: any, before: any, key: string) => after[key].ids.filter((id: string) => !before[key].ids.includes(id)).sort();

describe('社会组织 report figures', () => {
  it('counts the organizations registered on a day: registered by then and not yet deregistered', async () => {
    const f = await figures(xq, 'asOf=2019-09-30&from=2019-01-01');
    expect(grew(f, before930, 'registered')).toEqual([ids.a, ids.b, ids.c, ids.f].sort());
    expect(f.registered.value).toBe(before930.registered.value + 4);
    const end = await figures(xq, 'asOf=2019-12-31&from=2019-01-01');
    expect(grew(end, before1231, 'registered')).toEqual([ids.a, ids.b, ids.c, ids.d, ids.f].sort());
    const early = await figures(xq, 'asOf=2019-08-01&from=2019-01-01');
    expect(early.registered.ids).toContain(ids.e); // 注销 on 08-02: still registered on 08-01
    expect(f.registeredByArea.reduce((s: number, r: any) => s + r.value, 0)).toBe(f.registered.value);
  });

  it('counts 2年以上未年检 from the inspection history as of the day', async () => {
    const f = await figures(xq, 'asOf=2019-09-30&from=2019-01-01');
    expect(grew(f, before930, 'uninspectedTwoYears')).toEqual([ids.b, ids.c].sort());
    expect(grew(f, before930, 'uninspectedTwoYearsOwn')).toEqual([ids.b, ids.c].sort());
    const end = await figures(xq, 'asOf=2019-12-31&from=2019-01-01');
    expect(grew(end, before1231, 'uninspectedTwoYears')).toEqual([ids.b]); // 桥牌 concluded on 10-10
  });

  it('counts the name clean-up’s renames and deregistrations (campaign cases only), by approval date', async () => {
    const f = await figures(xq, 'asOf=2019-09-30&from=2019-01-01');
    expect(grew(f, before930, 'cleanupRenamed')).toEqual([ids.renameCase]);
    expect(grew(f, before930, 'cleanupDeregistered')).toEqual([ids.deregCase]);
    const july = await figures(xq, 'asOf=2019-07-31&from=2019-01-01');
    expect(july.cleanupRenamed.ids).not.toContain(ids.renameCase);
  });

  it('feeds the annual report: orgs.* metrics with the records behind them, in scope', async () => {
    const end = await figures(xq, 'asOf=2019-12-31&from=2019-01-01');
    const r = await ok(xqLead.get('/api/report/metrics?year=2019&area=640104&section=orgs'));
    const m = Object.fromEntries(r.sections[0].metrics.map((x: any) => [x.code, x]));
    expect(m['orgs.registered']).toMatchObject({ value: end.registered.value, recordKind: 'record', recordCount: end.registered.value });
    expect(m['orgs.uninspected_2y'].value).toBe(end.uninspectedTwoYears.value);
    expect(m['orgs.cleanup_renamed'].value).toBe(end.cleanupRenamed.value);
    expect(m['orgs.cleanup_deregistered']).toMatchObject({ value: end.cleanupDeregistered.value, recordKind: 'case' });
    const rec = await ok(xqLead.get('/api/report/records?metric=orgs.registered&year=2019&area=640104&pageSize=100'));
    expect(rec.total).toBe(end.registered.value);
    expect(rec.items.find((i: any) => i.id === ids.d)).toMatchObject({ title: '兴庆区五子棋协会', stateLabel: '正常' });
    const cases = await ok(xqLead.get('/api/report/records?metric=orgs.cleanup_deregistered&year=2019&area=640104'));
    expect(cases.items.map((i: any) => i.id)).toContain(ids.deregCase);
  });

  it('another county sees none of them; bad input is a 400 in Chinese', async () => {
    const f = await figures(pl, 'asOf=2019-12-31');
    expect(f.registered.ids).not.toContain(ids.a);
    expect(f.registered.value).toBe(0);
    const bad = await xq.get('/api/orgs/figures?asOf=2019-13-40');
    expect(bad.statusCode).toBe(400);
    expect((await xq.get('/api/orgs/figures?asOf=2019-01-01&from=2019-06-01')).json().title).toContain('统计起日');
  });
});

describe('约谈 records', () => {
  it('records a 约谈 with people, matter and commitments, then its follow-up once; in scope; bad input is a 400', async () => {
    const body = {
      heldOn: '2020-01-10',
      people: '法定代表人马文华、秘书长李明',
      matter: '未按章程换届、财务制度不健全',
      commitments: '3个月内完成换届，建立财务制度',
    };
    expect((await pl.post(`/api/orgs/${ids.a}/interviews`, body)).statusCode).toBe(404);
    expect((await xq.post(`/api/orgs/${ids.a}/interviews`, { ...body, heldOn: '2020-02-01' })).json().title).toContain('不能晚于今天');
    expect((await xq.post(`/api/orgs/${ids.a}/interviews`, { ...body, matter: '' })).statusCode).toBe(400);
    const { id } = await ok(xq.post(`/api/orgs/${ids.a}/interviews`, body), 201);
    ids.interview = id;
    const early = await xq.post(`/api/orgs/interviews/${id}/follow-up`, { followedUpOn: '2020-01-09', followUp: '已完成换届' });
    expect(early.json().title).toContain('不能早于约谈日期');
    expect((await pl.post(`/api/orgs/interviews/${id}/follow-up`, { followedUpOn: '2020-01-14', followUp: '已完成换届' })).statusCode).toBe(404);
    await ok(xq.post(`/api/orgs/interviews/${id}/follow-up`, { followedUpOn: '2020-01-14', followUp: '已完成换届，财务制度已印发' }));
    expect((await xq.post(`/api/orgs/interviews/${id}/follow-up`, { followedUpOn: '2020-01-15', followUp: '再次' })).statusCode).toBe(409);
    const d = await ok(xq.get(`/api/orgs/${ids.a}`));
    expect(d.interviews).toEqual([{ id, ...body, followUp: '已完成换届，财务制度已印发', followedUpOn: '2020-01-14' }]);
  });

  it('feeds the report: 约谈 organizations (家), 约谈 (次) and those followed up by the year’s end, with their ids, by area', async () => {
    const body = { people: '秘书长', matter: '未按规定报送年度工作报告', commitments: '10日内补报' };
    const again = await ok(xq.post(`/api/orgs/${ids.a}/interviews`, { ...body, heldOn: '2020-01-13' }), 201);
    const other = await ok(xq.post(`/api/orgs/${ids.b}/interviews`, { ...body, heldOn: '2020-01-12' }), 201);
    const r = await ok(xqLead.get('/api/report/metrics?year=2020&area=640104&section=orgs'));
    const m = Object.fromEntries(r.sections[0].metrics.map((x: any) => [x.code, x]));
    expect(m['orgs.interviewed_orgs']).toMatchObject({ value: 2, unit: '家', recordKind: 'record' });
    expect(m['orgs.interviews']).toMatchObject({ value: 3, unit: '次' });
    expect(m['orgs.interviews_followed_up'].value).toBe(1);
    const rec = (metric: string) => ok(xqLead.get(`/api/report/records?metric=${metric}&year=2020&area=640104&pageSize=100`));
    expect((await rec('orgs.interviewed_orgs')).items.map((i: any) => i.id).sort()).toEqual([ids.a, ids.b].sort());
    const all = await rec('orgs.interviews');
    expect(all.items.map((i: any) => i.id).sort()).toEqual([ids.interview, again.id, other.id].sort());
    expect(all.items.find((i: any) => i.id === ids.interview)).toMatchObject({ stateLabel: '已跟踪落实', date: '2020-01-10' });
    expect((await rec('orgs.interviews_followed_up')).items.map((i: any) => i.id)).toEqual([ids.interview]);
    const xjLead = await t.login('xj-mzj-lead'); // 西吉县: none of 兴庆区's
    const elsewhere = await ok(xjLead.get('/api/report/metrics?year=2020&section=orgs'));
    expect(elsewhere.sections[0].metrics.find((x: any) => x.code === 'orgs.interviews').value).toBe(0);
    const lastYear = await ok(xqLead.get('/api/report/metrics?year=2019&area=640104&section=orgs'));
    expect(lastYear.sections[0].metrics.find((x: any) => x.code === 'orgs.interviews').value).toBe(0);
  });
});
