import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../../tests/helpers/portal-pow.ts';
import { createUserAsSystem } from '../../../kernel/identity/commands/create-user.ts';
import { seedDelegations } from '../delegation/regime.ts';
import { sweepRechecks } from '../recheck/recheck-workflow.ts';
import { insertTestStandards, sampleApplication } from '../dibao-test-data.ts';

/** The steps of issue 10 (C2): 不予受理, 异议复查, 公布, 近亲属备案, 抽查 of refusals, 户籍地. */
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 Beijing
const DAY = 86_400_000;
let t: TestApp;
let ld: Session, ldLead: Session, ldCounty: Session, ldCountyLead: Session;

const move = (s: Session, id: string, name: string, input: unknown = {}) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};
const V = '640423100201'; // 隆德县 城关镇 (审批权下放)

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDelegations(t.ctx);
  await insertTestStandards(t.ctx, [{ area: '640423', kind: 'rural', cents: 50000 }]);
  const bureau = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640423-mzj').executeTakeFirstOrThrow();
  await createUserAsSystem(t.ctx, {
    username: 'ld-mzj-lead-t',
    displayName: '隆德县民政局局长',
    orgUnitId: bureau.id,
    phone: '13800000001',
    password: 'Lead#Test2026x',
    roles: [{ roleCode: 'leader', scope: 'subtree' }],
    mustChangePassword: false,
  });
  [ld, ldLead, ldCounty] = await Promise.all(['ld-cgz', 'ld-cgz-lead', 'ld-mzj'].map((u) => t.login(u)));
  ldCountyLead = await t.login('ld-mzj-lead-t', 'Lead#Test2026x');
}, 120_000);
afterAll(() => t?.close());

describe('不予受理（not accepted），distinct from 不予确认', () => {
  it('ends an application before 受理 with a reason code and text, issues the 不予受理告知书 and frees the members', async () => {
    const app = sampleApplication(V, 1);
    const reg = await ok(ld.post('/api/dibao/applications', app));
    const noCode = await move(ld, reg.id, 'not_accept', { reason: '申请人户籍在固原市原州区' });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().title).toContain('理由类别');
    const r = await ok(move(ld, reg.id, 'not_accept', { code: '已享受低保或重复申请', reason: '申请人已在原州区享受低保，不得重复申请' }));
    expect(r.state).toBe('not_accepted');
    expect(r.terminal).toBe(true);
    const d = (await ok(ld.get(`/api/dibao/applications/${reg.id}`))).dibao;
    expect(d).toMatchObject({ decision: null, acceptedOn: null, notAccepted: { on: '2026-06-01', code: '已享受低保或重复申请' } });
    expect(r.data.notAccepted).toContain('不得重复申请');
    const docs = await ok(ld.get(`/api/cases/${reg.id}/documents`));
    expect(docs.items).toEqual([expect.objectContaining({ type: 'dibao.not_accepted', title: '最低生活保障申请不予受理告知书' })]);
    const content = (await sql<{ content: any }>`select content from core.document where id = ${docs.items[0].id}`.execute(t.ctx.db)).rows[0]!.content;
    expect(content.body.join('')).toContain('决定不予受理');
    expect(content.body.join('')).toContain('已享受低保或重复申请');
    expect(content.remedy).toMatch(/行政复议/);
    const h = (await sql<any>`select status from dibao.household where id = ${reg.householdId}`.execute(t.ctx.db)).rows[0];
    expect(h.status).toBe('refused');
    // the same people may apply again
    await ok(ld.post('/api/dibao/applications', app));
  });

  it('the applicant sees the 不予受理 and its reason when tracking a portal application', async () => {
    const pow = await solvedPow(t.app, '10.98.0.9');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/public/dibao/applications',
      remoteAddress: '10.98.0.9',
      payload: { ...sampleApplication(V, 13), pow },
    });
    expect(r.statusCode, r.body).toBe(201);
    const { refNo, queryCode } = r.json();
    const id = (await sql<{ id: string }>`select id from core.case where ref_no = ${refNo}`.execute(t.ctx.db)).rows[0]!.id;
    await ok(move(ld, id, 'not_accept', { code: '申请材料不齐全且未按告知补齐', reason: '经一次性告知后逾期未补齐户口簿' }));
    const tr = await t.app.inject({ method: 'POST', url: '/api/public/dibao/track', remoteAddress: '10.98.0.9', payload: { refNo, queryCode } });
    expect(tr.json()).toMatchObject({
      state: 'not_accepted',
      stateLabel: '不予受理',
      notAcceptedReason: expect.stringContaining('逾期未补齐户口簿'),
      refusalReasons: null,
    });
  });

  it('is refused once the application has been accepted (then only 不予确认 decides)', async () => {
    const reg = await ok(ld.post('/api/dibao/applications', sampleApplication(V, 2)));
    await ok(move(ld, reg.id, 'accept', { special: false }));
    const late = await move(ld, reg.id, 'not_accept', { code: '其他', reason: '已受理后不能不予受理' });
    expect(late.statusCode).toBe(409);
  });
});

/** 登记 → 公示 (one round running). */
async function toPublicizing(clerk: Session, area: string, seq: number, overrides: Record<string, unknown> = {}) {
  const reg = await ok(clerk.post('/api/dibao/applications', sampleApplication(area, seq, overrides)));
  await ok(move(clerk, reg.id, 'accept', { special: false }));
  await ok(move(clerk, reg.id, 'verify'));
  await ok(move(clerk, reg.id, 'investigate', { staff: '张三、李四', date: '2026-06-01', findings: '家中陈设简陋，与申报一致', incomeStable: '稳定' }));
  await ok(move(clerk, reg.id, 'review', { opinion: '拟同意', text: '符合条件' }));
  await ok(move(clerk, reg.id, 'publicize'));
  return reg;
}

describe('公示异议 → 复查 within the set working days；属实 → refusal，不属实 → 公示 again', () => {
  it('an objection starts the 复查 clock （15 working days by default, a setting）；属实 sends it to the deciding level as 拟不同意', async () => {
    const reg = await toPublicizing(ld, V, 3);
    const o = await ok(move(ld, reg.id, 'object', { content: '村民反映该户有一辆货车未申报', objector: '村民' }));
    expect(o.state).toBe('reinvestigating');
    const k = o.clocks.find((x: any) => x.name === 'objection_review');
    expect(k.rule).toEqual({ unit: 'workdays', n: 15 });
    expect(k.label).toBe('公示异议复查期限（15 个工作日）');
    expect(k.state).toBe('running');
    // 2026-06-01 (Mon) + 15 working days; 端午 2026-06-19 is a holiday on the kernel calendar
    expect(k.dueDate >= '2026-06-22').toBe(true);
    expect((await move(ld, reg.id, 'end_publicity')).statusCode).toBe(409);
    const one = await move(ld, reg.id, 'objection_founded', { staff: '张三', date: '2026-06-01', findings: '复查核实该户确有货车一辆' });
    expect(one.statusCode).toBe(400);
    expect(one.json().title).toContain('不少于 2 名');
    const f = await ok(move(ld, reg.id, 'objection_founded', { staff: '张三、李四', date: '2026-06-01', findings: '复查核实该户确有货车一辆，价值约 8 万元' }));
    expect(f.state).toBe('awaiting_confirm');
    expect(f.clocks.find((x: any) => x.name === 'objection_review').state).toBe('met');
    const d = (await ok(ld.get(`/api/dibao/applications/${reg.id}`))).dibao;
    expect(d.townshipOpinion).toMatchObject({ opinion: '拟不同意', text: expect.stringContaining('公示异议经复查属实') });
    expect(d.objections[0].review).toMatchObject({ result: '属实', staff: ['张三', '李四'] });
    const r = await ok(move(ldLead, reg.id, 'refuse', { reasons: '公示异议经复查属实，家庭有货车一辆，不符合财产条件' }));
    expect(r.state).toBe('refusing');
  });

  it('the 复查 period follows the setting', async () => {
    await sql`insert into dibao.setting (key, value, updated_at) values ('objectionReviewWorkdays', '10'::jsonb, now())
      on conflict (key) do update set value = excluded.value`.execute(t.ctx.db);
    try {
      const reg = await toPublicizing(ld, V, 4);
      const o = await ok(move(ld, reg.id, 'object', { content: '村民反映该户子女在外务工', objector: '村民' }));
      expect(o.clocks.find((x: any) => x.name === 'objection_review').rule).toEqual({ unit: 'workdays', n: 10 });
      const u = await ok(move(ld, reg.id, 'objection_unfounded', { staff: '张三、李四', date: '2026-06-01', findings: '复查：子女在读，无务工收入' }));
      expect(u.state).toBe('publicizing');
      expect((await ok(ld.get(`/api/dibao/applications/${reg.id}`))).dibao.publicity.round).toBe(2);
    } finally {
      await sql`delete from dibao.setting where key = 'objectionReviewWorkdays'`.execute(t.ctx.db);
    }
  });
});

/** 登记 → 确认同意 at the 城关镇 (township regime). */
async function confirmed(seq: number, overrides: Record<string, unknown> = {}) {
  const reg = await toPublicizing(ld, V, seq, overrides);
  const { to } = (await ok(ld.get(`/api/dibao/applications/${reg.id}`))).dibao.publicity;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now());
  clock.advance((Math.round((Date.parse(to) - Date.parse(today)) / DAY) + 1) * DAY);
  await ok(move(ld, reg.id, 'end_publicity'));
  await ok(move(ldLead, reg.id, 'confirm', { note: '同意' }));
  return reg;
}
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now());

describe('公布 after 确认同意（暂行办法第十一条（三））', () => {
  it('records the posting (date, channel, place) with the masked name, size and amount; lists it in scope and on the portal', async () => {
    const reg = await confirmed(5);
    const body = { date: chinaToday(), channel: '村（居）务公开栏', place: '城关镇测试村村务公开栏' };
    const p = await ok(ld.post(`/api/dibao/applications/${reg.id}/publications`, body));
    expect(p.publishedOn).toBe(chinaToday());
    const bad = await ld.post(`/api/dibao/applications/${reg.id}/publications`, { ...body, date: '2026-05-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('不能早于确认日期');
    const list = await ok(ld.get('/api/dibao/publications?pageSize=100'));
    const item = list.items.find((x: any) => x.caseId === reg.id);
    expect(item).toMatchObject({
      nameMasked: '马***',
      householdSize: 3,
      insuredPersons: 3,
      amountCents: 105000,
      channel: '村（居）务公开栏',
      refNo: reg.refNo,
    });
    expect(JSON.stringify(list)).not.toContain('马05强');
    // another county's staff do not see it
    const xj = await t.login('xj-jqz');
    expect((await ok(xj.get('/api/dibao/publications?pageSize=100'))).items.some((x: any) => x.caseId === reg.id)).toBe(false);
    // the public list of the village (and of its township)
    for (const area of [V, V.slice(0, 9)]) {
      const pub = await t.app.inject({ method: 'GET', url: `/api/public/dibao/published?area=${area}`, remoteAddress: '10.98.0.1' });
      expect(pub.statusCode, pub.body).toBe(200);
      expect(pub.json().items).toContainEqual(expect.objectContaining({ name: '马***', householdSize: 3, amountYuan: '1050.00', publishedOn: chinaToday() }));
      expect(pub.body).not.toMatch(/马05强|\d{17}[\dX]/);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/public/dibao/published?area=640423', remoteAddress: '10.98.0.1' })).statusCode).toBe(400);
  });

  it('is refused before the decision', async () => {
    const reg = await toPublicizing(ld, V, 6);
    const r = await ld.post(`/api/dibao/applications/${reg.id}/publications`, { date: chinaToday(), channel: '政府网站', place: '隆德县人民政府网站' });
    expect(r.statusCode).toBe(409);
  });
});

describe('近亲属单独登记备案：a county home visit, and the county decides even under delegation', () => {
  const relative = { relativeOfStaff: true, staffRelative: { staffName: '马小兰', staffPost: '乡镇（街道）社会救助经办人员', relation: '兄弟姐妹' } };

  it('requires who and which relation when declared; files it in the 备案 list', async () => {
    const bare = await ld.post('/api/dibao/applications', sampleApplication(V, 7, { relativeOfStaff: true }));
    expect(bare.statusCode).toBe(400);
    expect(bare.json().title).toContain('近亲属备案');
    const badRelation = await ld.post(
      '/api/dibao/applications',
      sampleApplication(V, 7, { ...relative, staffRelative: { ...relative.staffRelative, relation: '朋友' } }),
    );
    expect(badRelation.statusCode).toBe(400);
    expect(badRelation.json().title).toContain('近亲属备案');
  });

  it('the township may not confirm it; the county visits (≥2 staff), then confirms', async () => {
    const reg = await toPublicizing(ld, V, 8, relative);
    for (const s of [ld, ldCounty]) {
      const list = await ok(s.get('/api/dibao/relative-filings?pageSize=100'));
      expect(list.items.find((x: any) => x.caseId === reg.id)).toMatchObject({
        staffName: '马小兰',
        relation: '兄弟姐妹',
        countyVisit: null,
        township: '城关镇人民政府',
      });
    }
    const xj = await t.login('xj-jqz');
    expect((await ok(xj.get('/api/dibao/relative-filings?pageSize=100'))).items.some((x: any) => x.caseId === reg.id)).toBe(false);
    const d0 = (await ok(ld.get(`/api/dibao/applications/${reg.id}`))).dibao;
    expect(d0).toMatchObject({
      relativeOfStaff: true,
      authority: 'township',
      relativeFiling: { staffPost: '乡镇（街道）社会救助经办人员', countyVisit: null },
    });
    expect(d0.approvingLevel).toBe('县级民政部门确认（近亲属单独登记备案）');

    const { to } = d0.publicity;
    clock.advance((Math.round((Date.parse(to) - Date.parse(chinaToday())) / DAY) + 1) * DAY);
    await ok(move(ld, reg.id, 'end_publicity'));
    const self = await move(ldLead, reg.id, 'confirm', {});
    expect(self.statusCode).toBe(409);
    expect(self.json().title).toContain('近亲属');
    expect((await move(ldLead, reg.id, 'refuse', { reasons: '乡镇自行不予确认的测试理由' })).statusCode).toBe(409);

    // the township clerk may not record the county's visit; the county needs two staff
    const visit = { staff: '杨志明、李建军', date: chinaToday(), result: '属实', findings: '县民政局入户核查，家庭情况与申报一致' };
    expect((await ld.post(`/api/dibao/applications/${reg.id}/county-visit`, visit)).statusCode).toBe(403);
    await ok(ld.post(`/api/dibao/applications/${reg.id}/submit-county`, {}));
    await ok(ldCounty.post(`/api/cases/${reg.id}/acknowledge`, {}));
    const early = await move(ldCountyLead, reg.id, 'confirm', {});
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('入户核查');
    const one = await ldCounty.post(`/api/dibao/applications/${reg.id}/county-visit`, { ...visit, staff: '杨志明' });
    expect(one.statusCode).toBe(400);
    await ok(ldCounty.post(`/api/dibao/applications/${reg.id}/county-visit`, visit));
    const r = await ok(move(ldCountyLead, reg.id, 'confirm', { note: '县级入户核查属实，同意' }));
    expect(r.state).toBe('confirmed');
    const list = await ok(ldCounty.get('/api/dibao/relative-filings?visited=yes&pageSize=100'));
    expect(list.items.find((x: any) => x.caseId === reg.id)).toMatchObject({ countyVisit: { result: '属实', date: chinaToday() }, decision: '确认' });
  });
});

describe('县级抽查 samples refusals too；不属实 opens a correction', () => {
  // The population is the cases decided by the tests above (不予受理, 不予确认 after an objection, 确认, a 备案 case): run the file, not this test alone.
  it('draws from 确认，不予确认 and 不予受理 of the townships （not the county-decided 近亲属备案 cases）；不属实 flags a re-check or a re-examination', async () => {
    const decided = (
      await sql<{ case_id: string; kind: string }>`select case_id, case when not_accepted_on is not null then '不予受理' else decision end as kind
      from dibao.application where county_code = '640423' and authority = 'township' and (decision is not null or not_accepted_on is not null)`.execute(
        t.ctx.db,
      )
    ).rows;
    const kinds = new Set(decided.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['确认', '不予确认', '不予受理']));
    const relativeCase = (await sql<{ case_id: string }>`select case_id from dibao.relative_filing`.execute(t.ctx.db)).rows[0]!.case_id;
    const sc = await ok(ldCounty.post('/api/dibao/spot-checks', { countyCode: '640423', from: '2026-01-01', to: '2026-12-31', seed: 'c2', ratio: 1 }));
    expect(sc.population).toBe(decided.length - 1);
    expect(sc.sample).not.toContain(relativeCase);
    const d = await ok(ldCounty.get(`/api/dibao/spot-checks/${sc.id}`));
    expect(new Set(d.items.map((i: any) => i.decision))).toEqual(new Set(['确认', '不予确认', '不予受理']));

    const approved = d.items.find((i: any) => i.decision === '确认');
    const hh = (await sql<{ household_id: string }>`select household_id from dibao.application where case_id = ${approved.caseId}`.execute(t.ctx.db)).rows[0]!
      .household_id;
    const visit = { visitedOn: chinaToday(), result: '不属实', findings: '入户发现家中新购小汽车一辆，与审核结论不符' };
    await ok(ldCounty.post(`/api/dibao/spot-checks/${sc.id}/items/${approved.caseId}`, visit));
    const h = (await sql<{ next: string }>`select next_recheck_on::text as next from dibao.household where id = ${hh}`.execute(t.ctx.db)).rows[0]!;
    expect(h.next).toBe(chinaToday());
    // the daily sweep then opens the 复核 case of that household
    await sweepRechecks(t.ctx);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from dibao.recheck where household_id = ${hh} and result is null`.execute(t.ctx.db)).rows[0]!.n,
    ).toBe(1);
    const refused = d.items.find((i: any) => i.decision === '不予确认');
    await ok(ldCounty.post(`/api/dibao/spot-checks/${sc.id}/items/${refused.caseId}`, { ...visit, findings: '入户发现家庭确实困难，不予确认理由不成立' }));
    const after = await ok(ldCounty.get(`/api/dibao/spot-checks/${sc.id}`));
    expect(after.items.find((i: any) => i.caseId === approved.caseId).correction).toMatchObject({ kind: '复核', householdId: hh, dueOn: chinaToday() });
    expect(after.items.find((i: any) => i.caseId === refused.caseId).correction).toMatchObject({ kind: '重新审核', decision: '不予确认' });
    const hist = await ok(ld.get(`/api/dibao/households/${hh}?masked=1`));
    expect(hist.history[0]).toMatchObject({ kind: '抽查不属实' });
    // a 属实 visit opens nothing
    const notAccepted = d.items.find((i: any) => i.decision === '不予受理');
    await ok(
      ldCounty.post(`/api/dibao/spot-checks/${sc.id}/items/${notAccepted.caseId}`, { ...visit, result: '属实', findings: '入户核实，不予受理理由成立' }),
    );
    expect((await ok(ldCounty.get(`/api/dibao/spot-checks/${sc.id}`))).items.find((i: any) => i.caseId === notAccepted.caseId).correction).toBeNull();
  });
});

describe('户籍地：the application goes to the township of the household registration', () => {
  const withHukou = (seq: number, hukou: string) => {
    const app = sampleApplication(V, seq);
    (app.members as any[])[0].hukouAreaCode = hukou;
    return app;
  };

  it('refuses an application whose applicant is registered in another township, naming it; a county-level 户籍 elsewhere names the county', async () => {
    const r = await ld.post('/api/dibao/applications', withHukou(10, '640423101201'));
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'DIBAO_NOT_HUKOU_TOWNSHIP', details: { field: 'members.0.hukouAreaCode', township: '640423101' } });
    expect(r.json().title).toContain('沙塘镇人民政府');
    const county = await ld.post('/api/dibao/applications', withHukou(10, '640422'));
    expect(county.statusCode).toBe(409);
    expect(county.json().title).toContain('西吉县');
    expect(Number((await sql<any>`select count(*)::int as n from dibao.household where address = '测试村 10 号'`.execute(t.ctx.db)).rows[0].n)).toBe(0);
    // its own township (village code) and a county-level 户籍 in the same county are accepted
    await ok(ld.post('/api/dibao/applications', withHukou(10, '640423100201')));
    await ok(ld.post('/api/dibao/applications', withHukou(11, '640423')));
  });

  it('accepts the township of 经常居住地 where the setting (a local rule) allows it', async () => {
    await sql`insert into dibao.setting (key, value, updated_at) values ('applyAtResidence', 'true'::jsonb, now())
      on conflict (key) do update set value = excluded.value`.execute(t.ctx.db);
    try {
      await ok(ld.post('/api/dibao/applications', withHukou(12, '640423101201')));
    } finally {
      await sql`delete from dibao.setting where key = 'applyAtResidence'`.execute(t.ctx.db);
    }
  });
});
