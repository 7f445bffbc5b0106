import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { createUserAsSystem } from '../../../kernel/identity/commands/create-user.ts';
import { seedDelegations } from '../delegation/regime.ts';
import { insertTestStandards, sampleApplication } from '../dibao-test-data.ts';
import { sweepRechecks } from './recheck-workflow.ts';
import { endGradualExits } from './decide-recheck.ts';

// Issue 10 (C1): 增发/减发/停发 are decided by the county (暂行办法 第十三条) unless approval is delegated
// to the township on the day; 渐退 from a re-check; the income class set at each re-check.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 Beijing
const DAY = 86_400_000;
let t: TestApp;
let ld: Session, ldLead: Session, ldCountyLead: Session, xj: Session, xjCounty: Session, xjLead: Session, xjTownLead: Session;

const move = (s: Session, id: string, name: string, input: unknown = {}) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};
const today = () => new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A confirmed household (隆德: by the township; 西吉: sent up and confirmed by the county). Returns its id. */
async function confirmed(clerk: Session, area: string, seq: number, decider: Session, county?: { clerk: Session }) {
  const reg = await ok(clerk.post('/api/dibao/applications', sampleApplication(area, seq)));
  await ok(move(clerk, reg.id, 'accept'));
  await ok(move(clerk, reg.id, 'verify'));
  await ok(move(clerk, reg.id, 'investigate', { staff: '张三、李四', date: today(), findings: '家中陈设简陋,与申报一致', incomeStable: '稳定' }));
  await ok(move(clerk, reg.id, 'review', { opinion: '拟同意', text: '符合条件' }));
  await ok(move(clerk, reg.id, 'publicize'));
  clock.advance(10 * DAY);
  await ok(move(clerk, reg.id, 'end_publicity'));
  if (county) {
    await ok(clerk.post(`/api/dibao/applications/${reg.id}/submit-county`, {}));
    await ok(county.clerk.post(`/api/cases/${reg.id}/acknowledge`, {}));
  }
  await ok(move(decider, reg.id, 'confirm', { note: '同意' }));
  return reg.householdId as string;
}

/** Make the household due and run the sweep; returns the 复核 case id. */
async function recheckOf(householdId: string) {
  await sql`update dibao.household set next_recheck_on = ${today()}::date where id = ${householdId}`.execute(t.ctx.db);
  await sweepRechecks(t.ctx);
  return (await sql<{ case_id: string }>`select case_id from dibao.recheck where household_id = ${householdId} and result is null`.execute(t.ctx.db)).rows[0]!
    .case_id;
}

const household = async (id: string) =>
  (
    await sql<any>`select status, benefit_cents, recheck_cadence, next_recheck_on::text as next, gradual_exit_until::text as exit_until from dibao.household where id = ${id}`.execute(
      t.ctx.db,
    )
  ).rows[0];

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDelegations(t.ctx);
  await insertTestStandards(t.ctx, [
    { area: '640423', kind: 'rural', cents: 50000 },
    { area: '640422', kind: 'rural', cents: 50000 },
  ]);
  const make = async (username: string, org: string) => {
    const o = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', org).executeTakeFirstOrThrow();
    await createUserAsSystem(t.ctx, {
      username,
      displayName: `${username} 领导`,
      orgUnitId: o.id,
      phone: '13800000000',
      password: 'Lead#Test2026x',
      roles: [{ roleCode: 'leader', scope: 'subtree' }],
      mustChangePassword: false,
    });
    return t.login(username, 'Lead#Test2026x');
  };
  [ld, ldLead, xj, xjCounty, xjLead] = await Promise.all(['ld-cgz', 'ld-cgz-lead', 'xj-jqz', 'xj-mzj', 'xj-mzj-lead'].map((u) => t.login(u)));
  xjTownLead = await make('xj-jqz-lead-t', '640422100-gov');
  ldCountyLead = await make('ld-mzj-lead-t', '640423-mzj');
}, 120_000);
afterAll(() => t?.close());

describe('西吉县 (not delegated): the township records the re-check, the county decides', () => {
  it('停发 is proposed by the township and decided by the county bureau, with the 停发通知书: reasons, 第十三条, 复议机关 and court', async () => {
    const hid = await confirmed(xj, '640422100201', 21, xjLead, { clerk: xjCounty });
    const rc = await recheckOf(hid);
    // The township cannot decide a change by itself: 停发 without a decision step is not offered.
    const alone = await move(xj, rc, 'conclude', { result: '停发', findings: '家庭成员已稳定就业', incomeClass: '稳定' });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().title).toContain('报请');
    await ok(
      move(xj, rc, 'report', { proposal: '停发', findings: '家庭成员已稳定就业,月收入 4000 元', reason: '家庭人均收入高于当地低保标准', incomeClass: '稳定' }),
    );
    expect((await household(hid)).status).toBe('active'); // nothing changes before the decision
    const town = await move(xjTownLead, rc, 'decide', { decision: '同意', opinion: '同意停发' });
    expect(town.statusCode).toBe(403);
    expect(town.json().title).toContain('第十三条');
    const done = await ok(move(xjLead, rc, 'decide', { decision: '同意', opinion: '经审查,同意停发' }));
    expect(done.state).toBe('done');
    expect(await household(hid)).toMatchObject({ status: 'stopped', benefit_cents: 0, next: null });
    const r = (await sql<any>`select result, decided_level from dibao.recheck where case_id = ${rc}`.execute(t.ctx.db)).rows[0];
    expect(r).toEqual({ result: '停发', decided_level: 'county' });
    const docs = await ok(xj.get(`/api/cases/${rc}/documents`));
    expect(docs.items).toHaveLength(1);
    expect(docs.items[0]).toMatchObject({
      type: 'dibao.stop',
      title: '最低生活保障停发通知书',
      docNo: expect.stringMatching(/^低保停〔2026〕\d+号$/),
      version: 1,
    });
    const content = (await sql<{ content: any }>`select content from core.document where id = ${docs.items[0].id}`.execute(t.ctx.db)).rows[0]!.content;
    expect(content.issuer).toBe('西吉县民政局');
    const body = content.body.join('');
    expect(body).toContain('停发理由：家庭人均收入高于当地低保标准。');
    expect(body).toMatch(/自\d{4}年\d{1,2}月1日起停发您家庭的最低生活保障金（原月保障金 \d+\.\d{2} 元，保障人口 \d+ 人）/);
    expect(body).toContain('《社会救助暂行办法》第十三条第三款');
    expect(body).toContain('重新提出申请');
    expect(content.remedy).toMatch(/^依照《社会救助暂行办法》第六十五条，如对本决定不服/);
    expect(content.remedy).toContain('60 日内向西吉县人民政府申请行政复议');
    expect(content.remedy).toContain('行政复议法》第二十条');
    expect(content.remedy).toContain('6 个月内向西吉县人民法院提起行政诉讼');
    // Checkable on the portal; only the case's scope reads the file; the generic 复核决定通知书 is refused for a 停发.
    const v = await t.app.inject({
      method: 'GET',
      url: `/api/public/documents/verify?no=${encodeURIComponent(docs.items[0].docNo)}&code=${docs.items[0].verifyCode}`,
    });
    expect(v.json()).toMatchObject({ genuine: true, title: '最低生活保障停发通知书', issuer: '西吉县民政局' });
    expect((await ld.get(docs.items[0].pdfUrl)).statusCode).toBe(404);
    const wrong = await xjLead.post(`/api/cases/${rc}/documents`, { type: 'dibao.recheck_decision' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().title).toContain('停发通知书');
    const again = await ok(xjLead.post(`/api/cases/${rc}/documents`, { type: 'dibao.stop' }));
    expect(again).toMatchObject({ docNo: docs.items[0].docNo, version: 2 });
  });

  it('不同意 keeps the benefit; the income class decided at the re-check sets the next date', async () => {
    const hid = await confirmed(xj, '640422100201', 22, xjLead, { clerk: xjCounty });
    const before = (await household(hid)).benefit_cents;
    const rc = await recheckOf(hid);
    await ok(move(xj, rc, 'report', { proposal: '渐退', findings: '家庭收入有所增加', reason: '务工收入增加', incomeClass: '不固定' }));
    await ok(move(xjLead, rc, 'decide', { decision: '不同意', opinion: '收入增加不稳定,维持保障' }));
    const h = await household(hid);
    expect(h).toMatchObject({ status: 'active', benefit_cents: before, recheck_cadence: 'half_yearly', exit_until: null });
    expect(h.next).toBe(
      `${Number(today().slice(0, 4)) + (Number(today().slice(5, 7)) > 6 ? 1 : 0)}-${String(((Number(today().slice(5, 7)) + 5) % 12) + 1).padStart(2, '0')}-${today().slice(8)}`,
    );
    expect((await ok(xj.get(`/api/cases/${rc}/documents`))).items).toEqual([]);
  });
});

describe('隆德县 (delegated): the township leader decides; 渐退 from a re-check', () => {
  it('渐退 keeps paying for gradualExitMonths, then a 停发 takes effect; the county may not decide for the township', async () => {
    const hid = await confirmed(ld, '640423100201', 23, ldLead);
    const amount = (await household(hid)).benefit_cents;
    const rc = await recheckOf(hid);
    expect((await move(ld, rc, 'report', { proposal: '渐退', findings: '家庭收入超过标准', incomeClass: '稳定' })).statusCode).toBe(400); // reasons in writing
    await ok(move(ld, rc, 'report', { proposal: '渐退', findings: '家庭成员就业,收入超过标准', reason: '人均收入超过当地标准', incomeClass: '稳定' }));
    const county = await move(ldCountyLead, rc, 'decide', { decision: '同意', opinion: '同意渐退' });
    expect(county.statusCode).toBe(403);
    expect(county.json().title).toContain('下放乡镇');
    await ok(move(ldLead, rc, 'decide', { decision: '同意', opinion: '同意渐退 6 个月' }));
    // Decided in June/July 2026: paid from next month for 6 months (gradualExitMonths), stopped the month after.
    const next = new Date(`${today().slice(0, 7)}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const last = new Date(next);
    last.setUTCMonth(last.getUTCMonth() + 5);
    const stop = new Date(last);
    stop.setUTCMonth(stop.getUTCMonth() + 1);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    expect(await household(hid)).toMatchObject({ status: 'active', benefit_cents: amount, exit_until: iso(last), next: null });
    const bc = (
      await sql<any>`select kind, after_cents, effective_month::text as m from dibao.benefit_change where household_id = ${hid} order by effective_month desc limit 1`.execute(
        t.ctx.db,
      )
    ).rows[0];
    expect(bc).toEqual({ kind: '停发', after_cents: 0, m: iso(stop) });
    const r = (await sql<any>`select result, decided_level from dibao.recheck where case_id = ${rc}`.execute(t.ctx.db)).rows[0];
    expect(r).toEqual({ result: '渐退', decided_level: 'township' });
    const docs = await ok(ld.get(`/api/cases/${rc}/documents`));
    const content = (await sql<{ content: any }>`select content from core.document where id = ${docs.items[0].id}`.execute(t.ctx.db)).rows[0]!.content;
    expect(content.body.join('')).toContain('救助渐退');
    expect(content.issuer).toContain('城关镇');
    expect(content.remedy).toContain('隆德县人民政府');
    // The daily job stops the household once the exit period has passed (here: moved into the past).
    expect(await endGradualExits(t.ctx)).toBe(0);
    await sql`update dibao.household set gradual_exit_until = '2026-01-01' where id = ${hid}`.execute(t.ctx.db);
    expect(await endGradualExits(t.ctx)).toBe(1);
    expect(await household(hid)).toMatchObject({ status: 'stopped', benefit_cents: 0 });
  });

  it('渐退 is refused while the setting is off (gradualExitMonths = 0)', async () => {
    const hid = await confirmed(ld, '640423100201', 24, ldLead);
    const rc = await recheckOf(hid);
    await sql`insert into dibao.setting (key, value) values ('gradualExitMonths', '0'::jsonb) on conflict (key) do update set value = excluded.value`.execute(
      t.ctx.db,
    );
    try {
      const r = await move(ld, rc, 'report', { proposal: '渐退', findings: '家庭成员就业,收入超过标准', reason: '人均收入超过当地标准', incomeClass: '稳定' });
      expect(r.statusCode).toBe(409);
      expect(r.json().title).toContain('渐退');
    } finally {
      await sql`delete from dibao.setting where key = 'gradualExitMonths'`.execute(t.ctx.db);
    }
  });

  it('不变 is recorded by the township clerk alone, with the class for the next date', async () => {
    const hid = await confirmed(ld, '640423100201', 25, ldLead);
    const rc = await recheckOf(hid);
    await ok(move(ld, rc, 'conclude', { findings: '家庭情况无变化', incomeClass: '稳定' }));
    const h = await household(hid);
    expect(h).toMatchObject({ status: 'active', recheck_cadence: 'yearly' });
    expect(h.next).toBe(`${Number(today().slice(0, 4)) + 1}${today().slice(4)}`);
  });
});
