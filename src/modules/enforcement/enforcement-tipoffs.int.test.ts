import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';
import { SYSTEM_ACTOR, loadGrants } from '../../kernel/identity/index.ts';
import { enforcementReportSection } from './report/section.ts';
import { seedEnforcementDemo } from './demo/seed-enforcement-demo.ts';

// Monday 2026-11-02, 10:00 in China: 15 working days later (weekends skipped, no holiday) is Monday 2026-11-23.
const clock = manualClock(new Date('2026-11-02T02:00:00Z'));
const day = (d: string) => clock.set(new Date(`${d}T02:00:00Z`));
let t: TestApp;
let xj: Session, xjLead: Session, pl: Session, yc: Session, nxLead: Session;
let ip = 0;
const pub = (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: `10.96.0.${++ip}` });
const NAME = '举报人甲乙丙';
const PHONE = '13987654321';
const report = {
  office: '640422-mzj',
  reportedParty: '西吉县某某文化促进会',
  content: '该促进会以培训为名向群众收取费用，每人 800 元，与章程规定的业务范围不符。',
  informantName: NAME,
  informantPhone: PHONE,
};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '10000000', SESSION_MAX_HOURS: '1000000' } });
  [xj, xjLead, pl, yc, nxLead] = await Promise.all(['xj-mzj', 'xj-mzj-lead', 'pl-mzj', 'yc-mzj', 'nx-fgc-lead'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

describe('举报 on the portal, 核查, 不予立案 and 答复', () => {
  let id: string, refNo: string, code: string;

  it('refuses bad input in Chinese (no proof of work, too short, control characters, unknown office, bad phone) and writes nothing', async () => {
    const noPow = await pub('/api/public/enforcement/tipoffs', report);
    expect(noPow.statusCode).toBe(400);
    expect(noPow.json().title).toContain('安全校验');
    for (const [bad, words] of [
      [{ content: '太短' }, '举报内容'],
      [{ content: '收费\u0007收费收费收费收费' }, '控制字符'],
      [{ office: '999999-mzj' }, '受理机关'],
      [{ informantPhone: 'call me maybe' }, '联系电话'],
      [{ reportedParty: '' }, '被举报对象'],
    ] as const) {
      const r = await pub('/api/public/enforcement/tipoffs', { ...report, ...bad, pow: await solvedPow(t.app, `10.96.1.${++ip}`) });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().title).toContain(words);
    }
    expect((await xj.get('/api/enforcement/tipoffs')).json().total).toBe(0);
  }, 120_000);

  it('registers a portal 举报 received today with a one-time 查询码 and a reply due in 15 working days', async () => {
    const offices = (await t.app.inject({ method: 'GET', url: '/api/public/enforcement/tipoff-offices' })).json().items;
    expect(offices.map((o: any) => o.code)).toContain('640422-mzj');
    const r = await pub('/api/public/enforcement/tipoffs', { ...report, pow: await solvedPow(t.app, '10.96.2.1') });
    expect(r.statusCode, r.body).toBe(201);
    ({ refNo, queryCode: code } = r.json());
    expect(refNo).toBe('JB-640422-2026-00001');
    expect(r.json()).toMatchObject({ receivedOn: '2026-11-02', replyDue: '2026-11-23' });
    const list = (await xj.get('/api/enforcement/tipoffs')).json();
    expect(list.total).toBe(1);
    id = list.items[0].id;
    expect(list.items[0]).toMatchObject({ refNo, channel: '门户网站', state: 'received', stateLabel: '待核查', anonymous: false, overdue: false });
  }, 60_000);

  it('keeps the informant secret: encrypted at rest, absent from lists, details and the portal; revealed only to the handling unit’s leader, audited', async () => {
    const row = (await sql<Record<string, unknown>>`select * from enforcement.tipoff where id = ${id}`.execute(t.ctx.db)).rows[0]!;
    expect(JSON.stringify(row)).not.toContain(NAME);
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(String(row.informant_name)).toMatch(/^s4\./);
    for (const body of [(await xj.get('/api/enforcement/tipoffs')).body, (await xj.get(`/api/enforcement/tipoffs/${id}`)).body])
      expect(body.includes(NAME) || body.includes(PHONE)).toBe(false);
    expect((await xj.get(`/api/enforcement/tipoffs/${id}`)).json().canReveal).toBe(false);
    const clerk = await xj.post(`/api/enforcement/tipoffs/${id}/informant`);
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json().title).toContain('举报人信息');
    const region = await nxLead.post(`/api/enforcement/tipoffs/${id}/informant`);
    expect(region.statusCode).toBe(403);
    expect((await yc.post(`/api/enforcement/tipoffs/${id}/informant`)).statusCode).toBe(404);
    expect((await xjLead.get(`/api/enforcement/tipoffs/${id}`)).json().canReveal).toBe(true);
    const shown = await xjLead.post(`/api/enforcement/tipoffs/${id}/informant`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ name: NAME, phone: PHONE });
    const audit = (
      await sql<{ action: string; actor: string }>`select action, actor_name as actor from core.audit_event where entity_id = ${id} order by at`.execute(
        t.ctx.db,
      )
    ).rows;
    expect(audit).toContainEqual({ action: 'pii.read', actor: '马德福(xj-mzj-lead)' });
    expect(audit.filter((a) => a.action === 'pii.read')).toHaveLength(1);
    const trail = JSON.stringify((await sql`select * from core.audit_event where entity_id = ${id}`.execute(t.ctx.db)).rows);
    expect(trail.includes(NAME) || trail.includes(PHONE)).toBe(false);
  });

  it('is scoped: another county and the city of another area neither list nor open it', async () => {
    expect((await pl.get('/api/enforcement/tipoffs')).json().total).toBe(0);
    expect((await pl.get(`/api/enforcement/tipoffs/${id}`)).statusCode).toBe(404);
    expect((await yc.get(`/api/enforcement/tipoffs/${id}`)).statusCode).toBe(404);
    expect((await pl.post(`/api/enforcement/tipoffs/${id}/verify`, { findings: '核查情况如下', verifiedOn: '2026-11-02' })).statusCode).toBe(404);
    expect((await nxLead.get('/api/enforcement/tipoffs')).json().items.map((x: any) => x.id)).toContain(id);
  });

  it('核查 then 不予立案 with reasons then 答复, each step in order with dates checked; the citizen reads the reply by 查询码', async () => {
    const early = await pub('/api/public/enforcement/tipoffs/track', { refNo, queryCode: code });
    expect(early.json()).toMatchObject({ state: 'received', stateLabel: '待核查', reply: null, outcome: null, replyDue: '2026-11-23' });
    expect(early.body.includes(NAME)).toBe(false);
    expect((await pub('/api/public/enforcement/tipoffs/track', { refNo, queryCode: 'WRONGCODE' })).statusCode).toBe(404);
    const tooSoon = await xj.post(`/api/enforcement/tipoffs/${id}/decide`, { outcome: '不予立案', reason: '查无实据不予立案', decidedOn: '2026-11-02' });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().title).toContain('待核查');
    day('2026-11-10');
    const before = await xj.post(`/api/enforcement/tipoffs/${id}/verify`, { findings: '现场核查培训场所', verifiedOn: '2026-11-01' });
    expect(before.statusCode).toBe(400);
    expect(before.json().title).toContain('不能早于收到日期');
    const future = await xj.post(`/api/enforcement/tipoffs/${id}/verify`, { findings: '现场核查培训场所', verifiedOn: '2026-11-11' });
    expect(future.json().title).toContain('不能晚于今天');
    expect(
      (await xj.post(`/api/enforcement/tipoffs/${id}/verify`, { findings: '现场核查：培训系会员免费活动，未收费。', verifiedOn: '2026-11-09' })).statusCode,
    ).toBe(200);
    const noReason = await xj.post(`/api/enforcement/tipoffs/${id}/decide`, { outcome: '不予立案', decidedOn: '2026-11-10' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().title).toContain('理由');
    const odd = await xj.post(`/api/enforcement/tipoffs/${id}/decide`, { outcome: '罚款', reason: '查无实据不予立案', decidedOn: '2026-11-10' });
    expect(odd.json().title).toContain('处理结果');
    expect(
      (await xj.post(`/api/enforcement/tipoffs/${id}/decide`, { outcome: '不予立案', reason: '经核查查无实据，不予立案。', decidedOn: '2026-11-10' }))
        .statusCode,
    ).toBe(200);
    const midway = (await pub('/api/public/enforcement/tipoffs/track', { refNo, queryCode: code })).json();
    expect(midway).toMatchObject({ state: 'decided', reply: null, outcome: null });
    const r = await xj.post(`/api/enforcement/tipoffs/${id}/reply`, { reply: '经核查，您反映的问题查无实据，决定不予立案。', repliedOn: '2026-11-10' });
    expect(r.json()).toMatchObject({ state: 'closed', late: false });
    const done = (await pub('/api/public/enforcement/tipoffs/track', { refNo, queryCode: code.toLowerCase() })).json();
    expect(done).toMatchObject({
      state: 'closed',
      stateLabel: '已答复办结',
      outcome: '不予立案',
      reply: '经核查，您反映的问题查无实据，决定不予立案。',
      repliedOn: '2026-11-10',
    });
    expect(JSON.stringify(done)).not.toContain('现场核查');
    expect((await xj.post(`/api/enforcement/tipoffs/${id}/reply`, { reply: '再次答复内容', repliedOn: '2026-11-10' })).statusCode).toBe(409);
  });
});

describe('举报 entered by staff and 立案', () => {
  it('a letter, anonymous, leads to a penalty case filed from it; another unit’s case cannot be linked', async () => {
    day('2026-11-16');
    const bad = await xj.post('/api/enforcement/tipoffs', {
      channel: '门户网站',
      receivedOn: '2026-11-16',
      reportedParty: '某协会',
      content: '内容内容内容内容内容内容',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('受理方式');
    const r = await xj.post('/api/enforcement/tipoffs', {
      channel: '来信',
      receivedOn: '2026-11-13',
      reportedParty: '西吉县某某健身协会',
      content: '该协会超出章程规定的业务范围开展收费健身培训。',
    });
    expect(r.statusCode, r.body).toBe(201);
    const { id, refNo } = r.json();
    expect(refNo).toBe('JB-640422-2026-00002');
    expect((await xjLead.post(`/api/enforcement/tipoffs/${id}/informant`)).statusCode).toBe(409);
    await xj.post(`/api/enforcement/tipoffs/${id}/verify`, { findings: '查阅收费记录 20 份，属实。', verifiedOn: '2026-11-16' });
    const none = await xj.post(`/api/enforcement/tipoffs/${id}/decide`, { outcome: '立案', reason: '有证据初步证明存在违法事实', decidedOn: '2026-11-16' });
    expect(none.statusCode).toBe(400);
    expect(none.json().title).toContain('关联');
    const filing = {
      partyName: '西吉县某某健身协会',
      partyKind: 'org',
      actDate: '2026-10-20',
      discoveredOn: '2026-11-13',
      actDescription: '超出章程规定的业务范围开展收费健身培训',
      filingStandard: '举报经核查属实，有证据初步证明存在违法事实',
      powerCode: 'MZ-XZCF-001',
    };
    const other = await pl.post('/api/enforcement/cases', { ...filing, partyName: '平罗县某某协会', filedOn: '2026-11-16' });
    expect(other.statusCode, other.body).toBe(201);
    const foreign = await xj.post(`/api/enforcement/tipoffs/${id}/decide`, {
      outcome: '立案',
      reason: '有证据初步证明存在违法事实',
      decidedOn: '2026-11-16',
      caseId: other.json().id,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().title).toContain('行政处罚案件不存在');
    const filed = await xj.post(`/api/enforcement/tipoffs/${id}/decide`, {
      outcome: '立案',
      reason: '有证据初步证明存在违法事实，属于本机关管辖。',
      decidedOn: '2026-11-16',
      filing,
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const caseId = filed.json().caseId;
    const c = await xj.get(`/api/enforcement/cases/${caseId}`);
    expect(c.statusCode).toBe(200);
    expect(c.body).toContain('2026-11-16');
    const detail = (await xj.get(`/api/enforcement/tipoffs/${id}`)).json();
    expect(detail).toMatchObject({ outcome: '立案', caseId, state: 'decided', anonymous: true });
    expect(detail.caseRefNo).toBeTruthy();
  });

  it('the reply period is a setting (5–60 working days) for 举报 received afterwards', async () => {
    expect((await xj.get('/api/enforcement/tipoff-settings')).json()).toEqual({ replyWorkdays: 15, defaultWorkdays: 15 });
    expect((await xj.put('/api/enforcement/tipoff-settings', { replyWorkdays: 20 })).statusCode).toBe(403);
    const bad = await xjLead.put('/api/enforcement/tipoff-settings', { replyWorkdays: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('不少于 5 个工作日');
    expect((await xjLead.put('/api/enforcement/tipoff-settings', { replyWorkdays: 10 })).json().replyWorkdays).toBe(10);
    const r = await xj.post('/api/enforcement/tipoffs', {
      channel: '来电',
      receivedOn: '2026-11-16',
      reportedParty: '西吉县某某协会',
      content: '该协会负责人长期不在岗，会费去向不明。',
    });
    expect(r.json().replyDue).toBe('2026-11-30');
    await xjLead.put('/api/enforcement/tipoff-settings', { replyWorkdays: 15 });
  });
});

describe('the report’s 举报 of 2019 from the demo data', () => {
  it('12 received, 8 closed and 4 in progress by 31 December, over several cities and counties, each figure naming its records', async () => {
    await seedEnforcementDemo(t.ctx);
    const admin = await t.ctx.db.selectFrom('core.app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = { ...SYSTEM_ACTOR, userId: admin.id, grants: await loadGrants(t.ctx, admin.id, clock.now()) };
    const m = (code: string) => enforcementReportSection.metrics.find((x) => x.code === code)!;
    const region = { areaCode: '640000', areaPath: '640000', from: '2019-01-01', to: '2019-12-31', actor };
    const got = await Promise.all(['enforcement.tipoffs', 'enforcement.tipoffs_closed', 'enforcement.tipoffs_open'].map((c) => m(c).query(t.ctx, region)));
    expect(got.map((g) => g.value)).toEqual([12, 8, 4]);
    expect(got.map((g) => g.recordIds.length)).toEqual([12, 8, 4]);
    expect(new Set([...got[1]!.recordIds, ...got[2]!.recordIds])).toEqual(new Set(got[0]!.recordIds));
    const recs = await m('enforcement.tipoffs').records!(t.ctx, actor, got[0]!.recordIds);
    expect(recs).toHaveLength(12);
    expect(recs[0]).toMatchObject({ refNo: expect.stringMatching(/^JB-\d{6}-2019-\d{5}$/), date: expect.stringMatching(/^2019-/) });
    const units = (await sql<{ n: number }>`select count(distinct org_unit_id)::int as n from enforcement.tipoff where is_demo`.execute(t.ctx.db)).rows[0]!.n;
    expect(units).toBeGreaterThanOrEqual(6);
    const xjArea = { ...region, areaCode: '640422', areaPath: '640000.640400.640422' };
    expect((await m('enforcement.tipoffs_closed').query(t.ctx, xjArea)).value).toBe(1);
    expect((await m('enforcement.tipoffs_open').query(t.ctx, xjArea)).value).toBe(1);
    // The one replied in January 2020 counts as closed in a report to the end of January.
    expect((await m('enforcement.tipoffs_closed').query(t.ctx, { ...xjArea, to: '2020-01-31' })).value).toBe(2);
    const linked = (
      await sql<{ n: number }>`select count(*)::int as n from enforcement.tipoff where is_demo and outcome = '立案' and case_id is not null`.execute(t.ctx.db)
    ).rows[0]!.n;
    expect(linked).toBe(2);
  });
});
