import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { createUserAsSystem } from '../../kernel/identity/commands/create-user.ts';
import { seedDelegations, regimeOn } from './delegation/regime.ts';
import { insertTestStandards, residentId, sampleApplication } from './dibao-test-data.ts';
import { sweepRechecks } from './recheck/recheck-workflow.ts';
import { drawSample } from './spot-check/spot-check.ts';

const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 Beijing
const DAY = 86_400_000;
let t: TestApp;
let ld: Session, ldLead: Session, ldCounty: Session, xj: Session, xjCounty: Session, xjLead: Session, xjTownLead: Session, region: Session, regionLead: Session;

const move = (s: Session, id: string, name: string, input: unknown = {}) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};

/** Drive a fresh application from 登记 to 待确认 (one publicity round, no objections). */
async function toAwaitingConfirm(clerk: Session, area: string, seq: number) {
  const reg = await ok(clerk.post('/api/dibao/applications', sampleApplication(area, seq)));
  await ok(move(clerk, reg.id, 'accept', { special: false }));
  await ok(move(clerk, reg.id, 'verify'));
  await ok(move(clerk, reg.id, 'investigate', { staff: '张三、李四', date: '2026-06-01', findings: '家中陈设简陋，与申报一致', incomeStable: '稳定' }));
  await ok(move(clerk, reg.id, 'review', { opinion: '拟同意', text: '符合条件' }));
  await ok(move(clerk, reg.id, 'publicize'));
  await pastPublicity(clerk, reg.id);
  await ok(move(clerk, reg.id, 'end_publicity'));
  return reg;
}

/** Advance the clock to the day after the 公示 period's last day (a weekend last day moves to Monday). */
async function pastPublicity(user: Session, id: string) {
  const { to } = (await ok(user.get(`/api/dibao/applications/${id}`))).dibao.publicity;
  const days = Math.round((Date.parse(to) - Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now()))) / DAY) + 1;
  clock.advance(days * DAY);
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDelegations(t.ctx);
  await insertTestStandards(t.ctx, [
    { area: '640423', kind: 'rural', cents: 50000 },
    { area: '640422', kind: 'rural', cents: 50000 },
    { area: '640104', kind: 'urban', cents: 70000 },
  ]);
  const town = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640422100-gov').executeTakeFirstOrThrow();
  await createUserAsSystem(t.ctx, {
    username: 'xj-jqz-lead-t',
    displayName: '吉强镇领导',
    orgUnitId: town.id,
    phone: '13800000000',
    password: 'Lead#Test2026x',
    roles: [{ roleCode: 'leader', scope: 'subtree' }],
    mustChangePassword: false,
  });
  [ld, ldLead, ldCounty, xj, xjCounty, xjLead, region, regionLead] = await Promise.all(
    ['ld-cgz', 'ld-cgz-lead', 'ld-mzj', 'xj-jqz', 'xj-mzj', 'xj-mzj-lead', 'nx-fgc', 'nx-fgc-lead'].map((u) => t.login(u)),
  );
  xjTownLead = await t.login('xj-jqz-lead-t', 'Lead#Test2026x');
}, 120_000);
afterAll(() => t?.close());

describe('delegation（审批权下放）as configuration with effective dates', () => {
  it('seeds the report regimes：隆德 before 2019，兴庆/平罗 in 2019, the preparing counties still county-level', async () => {
    expect((await regimeOn(t.ctx.db, '640423', '2018-12-31')).authority).toBe('township');
    expect((await regimeOn(t.ctx.db, '640423', '2018-01-01')).authority).toBe('county');
    expect((await regimeOn(t.ctx.db, '640104', '2019-03-31')).authority).toBe('county');
    expect((await regimeOn(t.ctx.db, '640104', '2019-04-01')).authority).toBe('township');
    expect((await regimeOn(t.ctx.db, '640221', '2019-07-01')).authority).toBe('township');
    expect((await regimeOn(t.ctx.db, '640402', '2019-12-31')).authority).toBe('county');
    const list = await ok(region.get('/api/dibao/delegations'));
    const yz = list.items.find((x: any) => x.countyCode === '640402');
    expect(yz).toMatchObject({ authority: 'county', note: '准备下放' });
    expect(list.items.find((x: any) => x.countyCode === '640423')).toMatchObject({ authority: 'township', since: '2018-07-01' });
  });

  it('lets only dibao.configure at the region or that county add a regime', async () => {
    const body = { countyCode: '640422', authority: 'township', effectiveFrom: '2026-06-20', document: '西吉县人民政府关于低保审批权下放的通知（测试）' };
    expect((await ld.post('/api/dibao/delegations', body)).statusCode).toBe(403);
    const bad = await regionLead.post('/api/dibao/delegations', { ...body, effectiveFrom: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('effectiveFrom');
    // added later in the "before and after" test
  });
});

describe('隆德县（delegated）：the township confirms', () => {
  let id = '';
  let householdId = '';
  it('registers a household with members; IDs are encrypted, masked and hashed; missing materials are listed once', async () => {
    const app = sampleApplication('640423100201', 1, { materials: ['低保申请书'] });
    const reg = await ok(ld.post('/api/dibao/applications', app));
    ({ id, householdId } = reg);
    expect(reg.refNo).toMatch(/^DB-640423100-2026-\d{6}$/);
    expect(reg.missingMaterials).toContain('户口簿');
    const row = (
      await sql<any>`select id_number_enc, id_number_masked, id_hash from dibao.member where household_id = ${householdId} and relation = '申请人'`.execute(
        t.ctx.db,
      )
    ).rows[0];
    const idNo = (app.members as any[])[0].idNumber as string;
    expect(row.id_number_enc).not.toContain(idNo);
    expect(row.id_number_masked).toBe(`640***********${idNo.slice(-4)}`);
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    const told = await ok(move(ld, id, 'request_materials', { missing: '户口簿、共同生活家庭成员身份证' }));
    expect(told.state).toBe('supplementing');
  });

  it('accepts under the township regime in force on the 受理 day and starts the 30-working-day clock', async () => {
    const r = await ok(move(ld, id, 'accept', { special: false }));
    expect(r.state).toBe('checking');
    const total = r.clocks.find((k: any) => k.name === 'total');
    expect(total.rule).toEqual({ unit: 'workdays', n: 30 });
    const d = await ok(ld.get(`/api/dibao/applications/${id}`));
    expect(d.dibao).toMatchObject({ authority: 'township', acceptedOn: '2026-06-01' });
    expect(d.dibao.approvingLevel).toContain('乡镇');
    // The case page's facts come from dibao.application (Kernel 2.0: not copied into case.data).
    expect(r.data).toMatchObject({ channel: '窗口', acceptedOn: '2026-06-01', special: false, approvingLevel: expect.stringContaining('乡镇') });
    expect(r.clocks.find((k: any) => k.name === 'total').label).toBe('审核确认总时限（30 个工作日）');
    const row = (await sql<{ data: unknown }>`select data from core.case where id = ${id}`.execute(t.ctx.db)).rows[0]!;
    expect(typeof row.data === 'string' ? JSON.parse(row.data) : row.data).toEqual({});
  });

  it('records 核对 results per source, then refuses an investigation with one staff member', async () => {
    await ok(move(ld, id, 'verify'));
    const d = await ok(ld.get(`/api/dibao/applications/${id}`));
    expect(d.dibao.checks.results.map((r: any) => r.source)).toEqual(['户籍', '社保', '不动产', '车辆', '银行存款', '市场主体', '公积金', '纳税']);
    expect(d.dibao.checks.results.find((r: any) => r.source === '社保').detail).toContain('600.00');
    const one = await move(ld, id, 'investigate', { staff: '张三', date: '2026-06-01', findings: '入户查看家庭情况', incomeStable: '稳定' });
    expect(one.statusCode).toBe(400);
    expect(one.json().title).toContain('不少于 2 名');
    const same = await move(ld, id, 'investigate', { staff: '张三、张三', date: '2026-06-01', findings: '入户查看家庭情况', incomeStable: '稳定' });
    expect(same.statusCode).toBe(400);
    await ok(move(ld, id, 'investigate', { staff: '张三、李四', date: '2026-06-01', findings: '住房简陋，配偶慢性病', incomeStable: '不固定' }));
    await ok(move(ld, id, 'appraise', { date: '2026-06-02', participants: 9, result: '同意' }));
    await ok(move(ld, id, 'review', { opinion: '拟同意', text: '经调查符合低保条件' }));
  });

  it('公示：an objection starts a 复查；found 不属实 it restarts the 公示，which runs its full 7 days', async () => {
    const p = await ok(move(ld, id, 'publicize'));
    expect(p.clocks.find((k: any) => k.name === 'publicity-1')).toBeTruthy();
    const early = await move(ld, id, 'end_publicity');
    expect(early.statusCode).toBe(409);
    expect(early.json().title).toContain('2026-06-08'); // counted from the day after posting: 06-02 … 06-08
    clock.advance(2 * DAY);
    const o = await ok(move(ld, id, 'object', { content: '有村民反映其子在外务工收入较高', objector: '村民' }));
    expect(o.state).toBe('reinvestigating');
    await ok(move(ld, id, 'objection_unfounded', { staff: '张三、王五', date: '2026-06-03', findings: '复查：其子在读初中，无务工收入' }));
    const d = await ok(ld.get(`/api/dibao/applications/${id}`));
    expect(d.dibao.publicity).toEqual({ round: 2, from: '2026-06-04', to: '2026-06-10' });
    expect(d.dibao.objections).toHaveLength(1);
    expect(d.dibao.objections[0].review).toMatchObject({ result: '不属实', staff: ['张三', '王五'] });
    clock.advance(7 * DAY); // 2026-06-10, the last day: still running
    expect((await move(ld, id, 'end_publicity')).statusCode).toBe(409);
    clock.advance(DAY);
    await ok(move(ld, id, 'end_publicity'));
  });

  it('at 待确认 the clerk is offered nothing she may not do: no hand-off (the township confirms), only who holds it', async () => {
    const c = await ok(ld.get(`/api/cases/${id}`));
    expect(c.state).toBe('awaiting_confirm');
    expect(c.actions).toMatchObject({ transitions: [], canHandoff: false, handoffKinds: [] });
    expect(c.nextStep).toMatchObject({ mine: false, people: [expect.objectContaining({ name: '海文斌' })] });
    // The server refuses what the page does not offer, by the same rule.
    const county = await t.ctx.db
      .selectFrom('core.org_unit')
      .select('id')
      .where('area_code', '=', '640423')
      .where('kind', '=', 'bureau')
      .executeTakeFirstOrThrow();
    const transfer = await ld.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: county.id });
    expect(transfer.statusCode).toBe(409);
    expect(transfer.json()).toMatchObject({ code: 'HANDOFF_NOT_OPEN', title: expect.stringContaining('由乡镇（街道）确认') });
    const assign = await ld.post(`/api/cases/${id}/handoff`, { kind: 'assign', toOrgId: county.id });
    expect(assign.json()).toMatchObject({ code: 'HANDOFF_NOT_ALLOWED', title: '「低保申请」不办理交办' });
  });

  it('is confirmed by the township leader, not the clerk; the benefit is (500 − (600−150)/3) × 3 = 1050 元 from next month', async () => {
    const clerk = await move(ld, id, 'confirm', {});
    expect(clerk.statusCode).toBe(403);
    expect((await ld.post(`/api/dibao/applications/${id}/submit-county`, {})).statusCode).toBe(409);
    const r = await ok(move(ldLead, id, 'confirm', { note: '同意' }));
    expect(r.state).toBe('confirmed');
    const decided = (await ok(ld.get(`/api/dibao/applications/${id}`))).dibao;
    expect(decided).toMatchObject({ decision: '确认', benefit: { amountCents: 105000, insuredPersons: 3, benefitFrom: '2026-07-01', note: '同意' } });
    expect(decided.eligibility.eligible).toBe(true);
    const h = (
      await sql<any>`select status, benefit_cents, insured_persons, benefit_from::text as f, recheck_cadence, next_recheck_on::text as n from dibao.household where id = ${householdId}`.execute(
        t.ctx.db,
      )
    ).rows[0];
    // applicant able-bodied (51) with income 不固定 → half-yearly
    expect(h).toEqual({ status: 'active', benefit_cents: 105000, insured_persons: 3, f: '2026-07-01', recheck_cadence: 'half_yearly', n: '2026-12-11' });
    const bc = (
      await sql<any>`select kind, after_cents, effective_month::text as m from dibao.benefit_change where household_id = ${householdId}`.execute(t.ctx.db)
    ).rows;
    expect(bc).toEqual([{ kind: '新增', after_cents: 105000, m: '2026-07-01' }]);
    const a = (
      await sql<any>`select decision, decided_on::text as d, accepted_on::text as acc, notice from dibao.application where case_id = ${id}`.execute(t.ctx.db)
    ).rows[0];
    expect(a).toMatchObject({ decision: '确认', d: '2026-06-11', acc: '2026-06-01' });
    expect(a.notice).toContain('1050.00');
    const total = r.clocks.find((k: any) => k.name === 'total');
    expect(total.state).toBe('met');
  });

  it('refuses the same person in a second household, naming the first (masked)', async () => {
    const dup = sampleApplication('640423101201', 2);
    (dup.members as any[])[1] = (sampleApplication('640423100201', 1).members as any[])[0];
    (dup.members as any[])[1].relation = '配偶';
    const r = await ld.post('/api/dibao/applications', dup);
    // ld-cgz (城关镇) may not register for 沙塘镇; the county rule comes first
    expect([403, 409]).toContain(r.statusCode);
    const r2 = await ld.post('/api/dibao/applications', { ...dup, areaCode: '640423100201' });
    expect(r2.statusCode).toBe(409);
    const msg = r2.json().title as string;
    expect(msg).toContain('家庭成员第 2 人');
    expect(msg).toMatch(/DB-640423100-2026-\d{6}/);
    expect(msg).toContain('隆德县');
    expect(msg).not.toContain(((sampleApplication('640423100201', 1).members as any[])[0].idNumber as string).slice(6, 14));
    expect(Number((await sql<any>`select count(*)::int as n from dibao.household where address = ${dup.address}`.execute(t.ctx.db)).rows[0].n)).toBe(0);
  });

  it('refuses invalid IDs naming the member and field, writing nothing', async () => {
    const bad = sampleApplication('640423100201', 3);
    const id0 = (bad.members as any[])[2].idNumber as string;
    (bad.members as any[])[2].idNumber = id0.slice(0, 17) + (id0.endsWith('0') ? '1' : '0');
    const r = await ld.post('/api/dibao/applications', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toContain('家庭成员第 3 人');
    expect(r.json().details?.field ?? r.body).toContain('members.2.idNumber');
    const noApplicant = sampleApplication('640423100201', 3);
    (noApplicant.members as any[])[0].relation = '其他';
    expect((await ld.post('/api/dibao/applications', noApplicant)).statusCode).toBe(400);
    expect(Number((await sql<any>`select count(*)::int as n from dibao.household where address = ${bad.address}`.execute(t.ctx.db)).rows[0].n)).toBe(0);
  });

  it('shows the household in scope only; the full view logs a PII read; edits are in the history', async () => {
    const mine = await ok(ld.get('/api/dibao/households?pageSize=100'));
    expect(mine.items.some((h: any) => h.id === householdId)).toBe(true);
    expect(mine.items.every((h: any) => h.areaPath.startsWith('640000.640400.640423.640423100'))).toBe(true);
    expect(JSON.stringify(mine)).not.toMatch(/6404231975\d{8}/);
    expect((await xj.get(`/api/dibao/households/${householdId}`)).statusCode).toBe(404);
    expect((await xj.get('/api/dibao/households?pageSize=100')).json().items.some((h: any) => h.id === householdId)).toBe(false);
    expect((await ldCounty.get('/api/dibao/households?pageSize=100')).json().items.some((h: any) => h.id === householdId)).toBe(true);
    const before = (await sql<any>`select count(*)::int as n from core.audit_event where action = 'pii.read' and entity_id = ${householdId}`.execute(t.ctx.db))
      .rows[0].n;
    const full = await ok(ld.get(`/api/dibao/households/${householdId}`));
    expect(full.members[0].idNumber).toMatch(/^640423\d{11}[\dX]$/);
    const after = (await sql<any>`select count(*)::int as n from core.audit_event where action = 'pii.read' and entity_id = ${householdId}`.execute(t.ctx.db))
      .rows[0].n;
    expect(after).toBe(before + 1);
    await ok(
      ld.post(`/api/dibao/households/${householdId}/finances`, {
        incomes: [{ kind: '工资性收入', monthlyCents: 90000 }],
        assets: [{ kind: '住房', description: '自建房', valueCents: 0, areaM2: 40 }],
        expenses: [],
        reason: '配偶外出务工',
      }),
    );
    const h = await ok(ld.get(`/api/dibao/households/${householdId}?masked=1`));
    expect(h.members[0].idNumber).toBeUndefined();
    expect(h.history.map((x: any) => x.kind)).toEqual(['收入财产变更', '确认同意', '登记']);
    expect(h.incomes).toEqual([expect.objectContaining({ kind: '工资性收入', monthlyCents: 90000 })]);
  });

  it('「查看完整信息」 on the case page: the full ID for who handles it, the read logged on the case; another county gets 404', async () => {
    const reads = async () =>
      (
        await sql<any>`select count(*)::int as n from core.audit_event where action = 'pii.read' and entity_type = 'dibao_application' and entity_id = ${id}`.execute(
          t.ctx.db,
        )
      ).rows[0].n;
    const page = await ok(ld.get(`/api/dibao/applications/${id}`));
    expect(JSON.stringify(page.dibao.household.members)).not.toMatch(/6404231975\d{8}/);
    expect(await reads()).toBe(0);
    const full = await ok(ld.get(`/api/dibao/applications/${id}/identities`));
    expect(full.piiShown).toBe(true);
    expect(full.members[0]).toMatchObject({ relation: '申请人', idNumber: expect.stringMatching(/^640423\d{11}[\dX]$/) });
    expect(full.members[0].idNumberMasked).toBe(`640***********${full.members[0].idNumber.slice(-4)}`);
    expect(await reads()).toBe(1);
    expect((await ok(ldLead.get(`/api/dibao/applications/${id}/identities`))).piiShown).toBe(true);
    expect(await reads()).toBe(2);
    for (const other of [xj, xjCounty]) expect((await other.get(`/api/dibao/applications/${id}/identities`)).statusCode).toBe(404);
    expect(await reads()).toBe(2);
  });

  it('re-check: the daily sweep opens a 复核 case on the township worklist；调整 recomputes (500 − 900/3) × 3 = 600 元 as 减发', async () => {
    await sql`update dibao.household set next_recheck_on = '2026-06-10' where id = ${householdId}`.execute(t.ctx.db);
    expect(await sweepRechecks(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await sweepRechecks(t.ctx)).toBe(0); // one open re-check per household
    const rc = (await sql<any>`select case_id from dibao.recheck where household_id = ${householdId}`.execute(t.ctx.db)).rows[0];
    const wl = await ok(ld.get('/api/worklist?tab=todo&type=dibao_recheck&pageSize=100'));
    expect(wl.items.some((x: any) => x.id === rc.case_id)).toBe(true);
    const stopNoReason = await move(ld, rc.case_id, 'report', { proposal: '停发', findings: '家庭收入增加', incomeClass: '稳定' });
    expect(stopNoReason.statusCode).toBe(400);
    // The township records the findings and proposes; the change is decided by the approving level (delegated here: the township leader).
    await ok(move(ld, rc.case_id, 'report', { proposal: '调整', findings: '配偶外出务工，收入增加', incomeClass: '不固定' }));
    expect((await move(ld, rc.case_id, 'decide', { decision: '同意', opinion: '同意调整' })).statusCode).toBe(403);
    await ok(move(ldLead, rc.case_id, 'decide', { decision: '同意', opinion: '同意调整' }));
    const h = (await sql<any>`select benefit_cents, status from dibao.household where id = ${householdId}`.execute(t.ctx.db)).rows[0];
    expect(h).toEqual({ benefit_cents: 60000, status: 'active' });
    const bc = (
      await sql<any>`select kind, before_cents, after_cents, effective_month::text as m from dibao.benefit_change where household_id = ${householdId} order by at`.execute(
        t.ctx.db,
      )
    ).rows;
    expect(bc.at(-1)).toEqual({ kind: '减发', before_cents: 105000, after_cents: 60000, m: '2026-07-01' });
  });

  it('county spot checks: ≥30% of township-confirmed cases, reproducible from the seed; townships may not draw', async () => {
    for (let s = 4; s <= 6; s++) {
      const r = await toAwaitingConfirm(ld, '640423100201', s);
      await ok(move(ldLead, r.id, 'confirm'));
    }
    const body = { countyCode: '640423', from: '2026-01-01', to: '2026-12-31', seed: 'test-seed' };
    expect((await ld.post('/api/dibao/spot-checks', body)).statusCode).toBe(403);
    const a = await ok(ldCounty.post('/api/dibao/spot-checks', body));
    const b = await ok(ldCounty.post('/api/dibao/spot-checks', body));
    expect(a.population).toBe(4);
    expect(a.sample).toHaveLength(2); // ceil(0.3 × 4)
    expect(b.sample).toEqual(a.sample);
    const pop = (await sql<any>`select population from dibao.spot_check where id = ${a.id}`.execute(t.ctx.db)).rows[0].population;
    expect(drawSample(typeof pop === 'string' ? JSON.parse(pop) : pop, 0.3, 'test-seed')).toEqual(a.sample);
    await ok(ldCounty.post(`/api/dibao/spot-checks/${a.id}/items/${a.sample[0]}`, { visitedOn: '2026-06-20', result: '属实', findings: '入户核实，情况属实' }));
    const d = await ok(ldCounty.get(`/api/dibao/spot-checks/${a.id}`));
    expect(d.items.find((i: any) => i.caseId === a.sample[0])).toMatchObject({ result: '属实', visitedByName: '杨志明' });
    expect((await xj.get(`/api/dibao/spot-checks/${a.id}`)).statusCode).toBe(404);
  });
});

describe('西吉县（not delegated）：the township sends it up, the county confirms', () => {
  it('hands the case to the county bureau（签收），which confirms; the township cannot', async () => {
    const reg = await toAwaitingConfirm(xj, '640422100201', 7);
    const d0 = await ok(xj.get(`/api/dibao/applications/${reg.id}`));
    expect(d0.dibao.authority).toBe('county');
    const wrong = await move(xjTownLead, reg.id, 'confirm');
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().title).toContain('报送县级民政部门');
    // 报送县级 is the one hand-off, through its own command: the generic dialog offers neither 转办 nor 交办.
    const before = await ok(xj.get(`/api/cases/${reg.id}`));
    expect(before.actions).toMatchObject({ canHandoff: true, handoffKinds: [] });
    const county = await t.ctx.db
      .selectFrom('core.org_unit')
      .select('id')
      .where('area_code', '=', '640422')
      .where('kind', '=', 'bureau')
      .executeTakeFirstOrThrow();
    expect((await xj.post(`/api/cases/${reg.id}/handoff`, { kind: 'transfer', toOrgId: county.id })).json().code).toBe('TRANSFER_VIA_MODULE');
    const sent = await ok(xj.post(`/api/dibao/applications/${reg.id}/submit-county`, {}));
    expect(sent.pendingHandoff ?? sent.pending_handoff).toBeTruthy();
    expect((await move(xjLead, reg.id, 'confirm')).statusCode).toBe(409); // not yet signed for
    await ok(xjCounty.post(`/api/cases/${reg.id}/acknowledge`, {}));
    // At the county it is the county's to confirm: nothing to send on.
    expect((await ok(xjCounty.get(`/api/cases/${reg.id}`))).actions).toMatchObject({ canHandoff: false, handoffKinds: [] });
    const r = await ok(move(xjLead, reg.id, 'confirm'));
    expect(r.state).toBe('confirmed');
    expect((await ok(xjLead.get(`/api/dibao/applications/${reg.id}`))).dibao).toMatchObject({ decision: '确认', countyName: expect.any(String) });
    const a = (await sql<any>`select decision, authority from dibao.application where case_id = ${reg.id}`.execute(t.ctx.db)).rows[0];
    expect(a).toEqual({ decision: '确认', authority: 'county' });
  });

  it('不予确认 with reasons starts the 3-working-day notice clock and frees the members', async () => {
    const reg = await toAwaitingConfirm(xj, '640422100201', 8);
    await ok(xj.post(`/api/dibao/applications/${reg.id}/submit-county`, {}));
    await ok(xjCounty.post(`/api/cases/${reg.id}/acknowledge`, {}));
    const r = await ok(move(xjLead, reg.id, 'refuse', { reasons: '家庭有机动车一辆，不符合财产条件' }));
    expect(r.state).toBe('refusing');
    expect(r.clocks.find((k: any) => k.name === 'notice').rule).toEqual({ unit: 'workdays', n: 3 });
    const again = await ok(xj.post('/api/dibao/applications', sampleApplication('640422100201', 8)));
    expect(again.refNo).toMatch(/^DB-640422100-/);
  });

  it('cases accepted before and after the county delegation date keep their own regimes', async () => {
    const before = await ok(xj.post('/api/dibao/applications', sampleApplication('640422100201', 9)));
    await ok(move(xj, before.id, 'accept'));
    const now = new Date(clock.now().getTime());
    const eff = new Date(now.getTime() + 3 * DAY).toISOString().slice(0, 10);
    await ok(
      regionLead.post('/api/dibao/delegations', {
        countyCode: '640422',
        authority: 'township',
        effectiveFrom: eff,
        document: '西吉县关于低保审批权下放的通知（测试）',
      }),
    );
    clock.advance(4 * DAY);
    const after = await ok(xj.post('/api/dibao/applications', sampleApplication('640422100201', 10)));
    await ok(move(xj, after.id, 'accept'));
    for (const id of [before.id, after.id]) {
      await ok(move(xj, id, 'verify'));
      await ok(move(xj, id, 'investigate', { staff: '苏海霞、何建平', date: eff, findings: '与申报一致', incomeStable: '稳定' }));
      await ok(move(xj, id, 'review', { opinion: '拟同意', text: '符合' }));
      await ok(move(xj, id, 'publicize'));
    }
    await pastPublicity(xj, after.id);
    for (const id of [before.id, after.id]) await ok(move(xj, id, 'end_publicity'));
    expect((await ok(xj.get(`/api/dibao/applications/${before.id}`))).dibao.authority).toBe('county');
    expect((await ok(xj.get(`/api/dibao/applications/${after.id}`))).dibao.authority).toBe('township');
    expect((await move(xjTownLead, before.id, 'confirm')).statusCode).toBe(409);
    expect((await ok(move(xjTownLead, after.id, 'confirm'))).state).toBe('confirmed');
    expect((await xj.post(`/api/dibao/applications/${after.id}/submit-county`, {})).statusCode).toBe(409);
  });
});

void residentId;
