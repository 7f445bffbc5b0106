import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUscc, sampleOrg } from './orgs-test-data.ts';

const clock = manualClock(new Date('2021-06-01T02:00:00Z'));
let t: TestApp;
let xq: Session, xqLead: Session, plLead: Session;
let group: string, foundation: string;

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '100000000', SESSION_MAX_HOURS: '10000000' } });
  [xq, xqLead, plLead] = await Promise.all(['xq-mzj', 'xq-mzj-lead', 'xj-mzj-lead'].map((u) => t.login(u)));
  group = (
    await ok(
      xq.post(
        '/api/orgs',
        sampleOrg({
          name: '兴庆区摄影家协会',
          uscc: makeUscc('social_group', '640104', 71),
          rating: '4A',
          ratingFrom: '2020-01-01',
          ratingUntil: '2024-12-31',
        }),
      ),
      201,
    )
  ).id;
  foundation = (
    await ok(
      xq.post(
        '/api/orgs',
        sampleOrg({ kind: 'foundation', name: '兴庆区助学基金会', uscc: makeUscc('foundation', '640104', 72), supervisorUnit: '兴庆区教育局' }),
      ),
      201,
    )
  ).id;
});
afterAll(async () => t?.close());

const warning = { decidedOn: '2021-05-10', documentNo: '兴民罚〔2021〕1号', facts: '未按章程规定召开会员大会', warning: true };

describe('行政处罚 other than 撤销登记', () => {
  it('only a holder of orgs.penalize in scope records one; measures the regulation does not give are refused in words', async () => {
    expect((await xq.post(`/api/orgs/${group}/penalties`, warning)).statusCode).toBe(403);
    expect((await plLead.post(`/api/orgs/${group}/penalties`, warning)).statusCode).toBe(404);
    const none = await xqLead.post(`/api/orgs/${group}/penalties`, { ...warning, warning: false });
    expect(none.statusCode).toBe(400);
    expect(none.json().title).toContain('请至少选择一种处罚');
    const fine = await xqLead.post(`/api/orgs/${foundation}/penalties`, { ...warning, fineYuan: 1000 });
    expect(fine.statusCode).toBe(400);
    expect(fine.json().title).toContain('《基金会管理条例》第四十二条未规定“罚款”');
    expect((await xqLead.post(`/api/orgs/${group}/penalties`, { ...warning, decidedOn: '2021-06-02' })).statusCode).toBe(400);
  });

  it('a warning lists on the 活动异常名录 and withholds the 3A+ preference; a second small fine within 3 years → 严重违法失信名单', async () => {
    expect((await ok(xq.get(`/api/orgs/${group}/eligibility?date=2021-05-09&for=grant`))).preferred).toBe(true);
    const r = await ok(xqLead.post(`/api/orgs/${group}/penalties`, warning), 201);
    expect(r.basis).toBe('兴民罚〔2021〕1号；《社会团体登记管理条例》第三十条');
    expect(r.listings).toEqual([expect.objectContaining({ list: 'abnormal', reason: '受到警告或者不满5万元罚款处罚' })]);
    const o = await ok(xq.get(`/api/orgs/${group}`));
    expect(o.lists).toContain('abnormal');
    const e = await ok(xq.get(`/api/orgs/${group}/eligibility?date=2021-05-10&for=grant`));
    expect(e).toMatchObject({ eligible: true, preferred: false });
    expect(JSON.stringify(e.reasons)).toContain('不予3A级以上倾斜');

    const second = await ok(
      xqLead.post(`/api/orgs/${group}/penalties`, {
        decidedOn: '2021-05-31',
        facts: '违规收取会费，违法所得8000元',
        warning: false,
        fineYuan: 20000,
        confiscationYuan: 8000,
      }),
      201,
    );
    expect(second.listings.map((l: any) => l.list)).toEqual(['abnormal', 'serious']);
    expect(second.listings[1].reason).toBe('三年内两次以上受到警告或者不满5万元罚款处罚');
    expect((await ok(xq.get(`/api/orgs/${group}/eligibility?date=2021-06-01&for=purchase`))).eligible).toBe(false);
    const list = await ok(xq.get(`/api/orgs/${group}/penalties`));
    expect(list.items.map((p: any) => [p.decidedOn, p.fineCents, p.confiscationCents])).toEqual([
      ['2021-05-10', null, null],
      ['2021-05-31', 2_000_000, 800_000],
    ]);
  });

  it('a foundation ordered to stop activities is barred while it runs and lands on the 严重违法失信名单', async () => {
    const r = await ok(
      xqLead.post(`/api/orgs/${foundation}/penalties`, { decidedOn: '2021-06-01', facts: '未按规定接受年度检查', warning: true, suspendedUntil: '2021-09-30' }),
      201,
    );
    expect(r.listings.map((l: any) => l.list).sort()).toEqual(['abnormal', 'serious']);
    const e = await ok(xq.get(`/api/orgs/${foundation}/eligibility?date=2021-06-01&for=award`));
    expect(e.eligible).toBe(false);
    expect(JSON.stringify(e.reasons)).toContain('停止活动至2021-09-30');
  });
});
