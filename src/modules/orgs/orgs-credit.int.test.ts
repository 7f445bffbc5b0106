import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { sweepCredit } from './credit/credit-sweep.ts';
import { CREDIT_EXPORT_COLUMNS } from './credit/credit-export.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';

const clock = manualClock(new Date('2020-01-10T02:00:00Z'));
const DAY = 86_400_000;
let t: TestApp;
let xq: Session, xqLead: Session, pl: Session, region: Session;
let quiet: string, owing: string;

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
/** The rows of an exported credit list, each by its column names. */
const exported = async (s: Session, query: string) => {
  const r = await s.get(`/api/orgs/credit-lists.xlsx?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as never);
  const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows[0]!.slice(1)).toEqual([...CREDIT_EXPORT_COLUMNS]);
  return rows.slice(1).map((v) => Object.fromEntries(CREDIT_EXPORT_COLUMNS.map((c, i) => [c, v[i + 1] ?? ''])));
};
const sweepAt = async (iso: string) => {
  clock.set(new Date(`${iso}T02:00:00Z`));
  return sweepCredit(t.ctx, chinaDate(clock.now()));
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '100000000', SESSION_MAX_HOURS: '10000000' } });
  [xq, xqLead, pl, region] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'pl-mzj', 'nx-fgc-lead'].map((u) => t.login(u)));
  quiet = (await ok(xq.post('/api/orgs', sampleOrg({ name: '兴庆区集邮协会', uscc: makeUscc('social_group', '640104', 31) })), 201)).id;
  owing = (
    await ok(
      xq.post(
        '/api/orgs',
        sampleOrg({
          name: '兴庆区老年书画研究会',
          uscc: makeUscc('social_group', '640104', 32),
          rating: '4A',
          ratingFrom: '2019-01-01',
          ratingUntil: '2023-12-31',
        }),
      ),
      201,
    )
  ).id;
});
afterAll(async () => t?.close());

describe('信用名单 and their consequences', () => {
  it('lists with a reason of 民政部令第60号 (holders of orgs.credit only), audited', async () => {
    expect((await xq.post(`/api/orgs/${quiet}/listings`, { list: 'abnormal', reason: 'unreachable', listedOn: '2020-01-10' })).statusCode).toBe(403);
    const bad = await xqLead.post(`/api/orgs/${quiet}/listings`, { list: 'abnormal', reason: 'bad_hair', listedOn: '2020-01-10' });
    expect(bad.json()).toMatchObject({ status: 400, code: 'ORG_LISTING' });
    expect(bad.json().title).toContain('unreachable');
    await ok(
      xqLead.post(`/api/orgs/${quiet}/listings`, { list: 'abnormal', reason: 'unreachable', listedOn: '2020-01-10', detail: '两次邮寄信函无人签收' }),
      201,
    );
    await ok(xqLead.post(`/api/orgs/${owing}/listings`, { list: 'abnormal', reason: 'annual_report', listedOn: '2020-01-10' }), 201);
    const audit = await t.ctx.db.selectFrom('core.audit_event').select('action').where('action', '=', 'orgs.credit.list').execute();
    expect(audit).toHaveLength(2);
    const lists = await ok(xq.get('/api/orgs/credit-lists?list=abnormal'));
    expect(lists.items.map((l: any) => l.organizationName).sort()).toEqual(['兴庆区老年书画研究会', '兴庆区集邮协会']);
    expect(lists.items.find((l: any) => l.reason === 'annual_report').reasonLabel).toContain('年度工作报告');
    expect((await ok(pl.get('/api/orgs/credit-lists?list=abnormal'))).total).toBe(0);
    expect((await ok(xq.get('/api/orgs?list=abnormal'))).total).toBe(2);
    // an abnormal listing is a note, and the 4A rating is a preference
    const e = await ok(xq.get(`/api/orgs/${owing}/eligibility?date=2020-02-01&for=grant`));
    expect(e).toMatchObject({ eligible: true, preferred: true });
    expect(e.reasons.map((r: any) => r.effect)).toEqual(['note', 'prefer']);
    expect((await pl.get(`/api/orgs/${owing}/eligibility?for=grant`)).statusCode).toBe(404);
    expect((await xq.get(`/api/orgs/${owing}/eligibility?for=loan`)).statusCode).toBe(400);
  });

  it('the daily rule: removal after six months where nothing is owed, the blacklist after two years', async () => {
    expect(await sweepAt('2020-07-09')).toEqual({ removed: 0, moved: 0 });
    expect(await sweepAt('2020-07-10')).toEqual({ removed: 1, moved: 0 });
    expect(await sweepAt('2020-07-11')).toEqual({ removed: 0, moved: 0 }); // idempotent
    const q = await ok(xq.get(`/api/orgs/${quiet}`));
    expect(q.lists).toEqual([]);
    expect(q.listings[0]).toMatchObject({ removedOn: '2020-07-10', removalReason: expect.stringContaining('满6个月') });

    // manual removal of the owing listing needs the obligation met
    const listing = (await ok(xq.get(`/api/orgs/${owing}`))).listings[0];
    const refused = await xqLead.post(`/api/orgs/listings/${listing.id}/removal`, { removedOn: '2020-07-11', reason: '申请移出' });
    expect(refused.json()).toMatchObject({ status: 409, code: 'ORG_LISTING' });

    expect(await sweepAt('2022-01-10')).toEqual({ removed: 0, moved: 1 });
    const o = await ok(xq.get(`/api/orgs/${owing}`));
    expect(o.lists).toEqual(['serious']);
    expect(o.listings[1]).toMatchObject({ list: 'serious', reason: 'abnormal_two_years', listedOn: '2022-01-10' });
    expect(o.listings[0].movedTo).toBe(o.listings[1].id);
    const barred = await ok(xq.get(`/api/orgs/${owing}/eligibility?date=2022-02-01&for=purchase`));
    expect(barred).toMatchObject({ eligible: false, preferred: false });
    expect(barred.reasons[0].text).toContain('严重违法失信名单');
    // before the move, the same question had another answer
    expect((await ok(xq.get(`/api/orgs/${owing}/eligibility?date=2021-12-01&for=purchase`))).eligible).toBe(true);
    expect((await ok(region.get('/api/orgs/credit-lists?list=serious'))).total).toBe(1);
  });

  it('exports a list in the national credit-information fields, within the same scope as the list', async () => {
    const all = await exported(xq, 'list=abnormal&current=0');
    expect(all.map((r) => r['社会组织名称']).sort()).toEqual(['兴庆区老年书画研究会', '兴庆区集邮协会']);
    const q = all.find((r) => r['社会组织名称'] === '兴庆区集邮协会')!;
    expect(q).toMatchObject({
      统一社会信用代码: makeUscc('social_group', '640104', 31),
      名单类型: '活动异常名录',
      列入日期: '2020-01-10',
      移出日期: '2020-07-10',
    });
    expect(q['列入事实']).toBe('两次邮寄信函无人签收');
    expect(q['作出决定机关']).toContain('兴庆区');
    expect(await exported(xq, 'list=abnormal')).toEqual([]); // none in force now
    expect(await exported(pl, 'list=abnormal&current=0')).toEqual([]);
    const serious = await exported(region, 'list=serious');
    expect(serious).toHaveLength(1);
    expect(serious[0]).toMatchObject({ 社会组织名称: '兴庆区老年书画研究会', 名单类型: '严重违法失信名单', 列入日期: '2022-01-10', 移出日期: '' });
  });

  it('the blacklist is left only after two years, and with the obligation met', async () => {
    const serious = (await ok(xq.get(`/api/orgs/${owing}`))).listings[1];
    clock.set(new Date('2024-01-09T02:00:00Z'));
    const early = await xqLead.post(`/api/orgs/listings/${serious.id}/removal`, { removedOn: '2024-01-09', reason: '申请移出', obligationMet: true });
    expect(early.json().title).toContain('满2年');
    clock.advance(DAY);
    const noObligation = await xqLead.post(`/api/orgs/listings/${serious.id}/removal`, { removedOn: '2024-01-10', reason: '申请移出' });
    expect(noObligation.json().title).toContain('履行');
    expect((await pl.post(`/api/orgs/listings/${serious.id}/removal`, { removedOn: '2024-01-10', reason: '申请移出', obligationMet: true })).statusCode).toBe(
      403,
    );
    await ok(xqLead.post(`/api/orgs/listings/${serious.id}/removal`, { removedOn: '2024-01-10', reason: '已补报2019至2022年度工作报告', obligationMet: true }));
    expect((await ok(xq.get(`/api/orgs/${owing}/eligibility?date=2024-01-10&for=award`))).eligible).toBe(true);
  });

  it('answers the public credit lookup by name or USCC without signing in', async () => {
    const get = (q: string) => t.app.inject({ method: 'GET', url: `/api/public/orgs/credit?q=${encodeURIComponent(q)}` });
    const byName = (await get('老年书画')).json();
    expect(byName.total).toBe(1);
    expect(byName.items[0]).toMatchObject({ name: '兴庆区老年书画研究会', kind: '社会团体', authority: '兴庆区民政局', status: '正常', lists: [] });
    const uscc = byName.items[0].uscc;
    expect((await get(uscc.toLowerCase())).json().items[0].name).toBe('兴庆区老年书画研究会');
    expect((await get('书法')).statusCode).toBe(400);
    expect((await get('书法')).json().title).toContain('4个字');
  });
});
