import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { createUserAsSystem } from '../../kernel/identity/commands/create-user.ts';
import { seedDelegations } from './delegation/regime.ts';
import { insertTestStandards, sampleApplication } from './dibao-test-data.ts';

// Issue 10 (C1): outcomes the law forbids — settings looser than the statute, enrolment without 公示,
// unsourced limits as hard blocks, the 45-day period chosen at 受理.
const clock = manualClock(new Date('2026-06-01T02:00:00Z')); // Monday 10:00 Beijing
const DAY = 86_400_000;
let t: TestApp;
let ld: Session, ldLead: Session, ldCountyLead: Session, regionLead: Session;

const move = (s: Session, id: string, name: string, input: unknown = {}) => s.post(`/api/cases/${id}/transitions/${name}`, { input });
const extend = (s: Session, id: string, reasons: string) => s.post(`/api/dibao/applications/${id}/extend-special`, { reasons });
const ok = async (p: Promise<any>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};

/** 隆德 城关镇 (township approval): 登记 → 乡镇审核意见. */
async function reviewed(seq: number, opinion: '拟同意' | '拟不同意', overrides: Record<string, unknown> = {}) {
  const reg = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', seq, overrides)));
  await ok(move(ld, reg.id, 'accept'));
  await ok(move(ld, reg.id, 'verify'));
  await ok(move(ld, reg.id, 'investigate', { staff: '张三、李四', date: chinaToday(), findings: '家中陈设简陋,与申报一致', incomeStable: '稳定' }));
  await ok(move(ld, reg.id, 'review', { opinion, text: opinion === '拟同意' ? '符合条件' : '收入偏高' }));
  return reg.id as string;
}

async function publicized(id: string) {
  await ok(move(ld, id, 'publicize'));
  clock.advance(10 * DAY);
  await ok(move(ld, id, 'end_publicity'));
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDelegations(t.ctx);
  await insertTestStandards(t.ctx, [{ area: '640423', kind: 'rural', cents: 50000 }]);
  const bureau = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640423-mzj').executeTakeFirstOrThrow();
  await createUserAsSystem(t.ctx, {
    username: 'ld-mzj-lead-t',
    displayName: '隆德县民政局领导',
    orgUnitId: bureau.id,
    phone: '13800000001',
    password: 'Lead#Test2026x',
    roles: [{ roleCode: 'leader', scope: 'subtree' }],
    mustChangePassword: false,
  });
  [ld, ldLead, regionLead] = await Promise.all(['ld-cgz', 'ld-cgz-lead', 'nx-fgc-lead'].map((u) => t.login(u)));
  ldCountyLead = await t.login('ld-mzj-lead-t', 'Lead#Test2026x');
}, 120_000);
afterAll(() => t?.close());

describe('settings may only make the law stricter', () => {
  it.each([
    ['publicityDays', 5, '公示期不少于 7 日（民发〔2021〕57号）'],
    ['totalWorkdays', 31, '不得超过 30 个工作日'],
    ['specialWorkdays', 46, '不得超过 45 个工作日'],
    ['refusalNoticeWorkdays', 4, '不得超过 3 个工作日'],
    ['investigationMinStaff', 1, '不少于 2 人'],
    ['spotCheckRatio', 0.2, '不低于 30%'],
    ['recheckMonthsStable', 13, '不得超过 12 个月'],
    ['recheckMonthsUnstable', 7, '不得超过 6 个月'],
  ])('refuses %s = %s with 400 naming the rule', async (key, value, text) => {
    const r = await regionLead.put('/api/dibao/settings', { [key]: value });
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toContain(text);
    expect(r.json().title).toContain('民发〔2021〕57号');
  });

  it('accepts a stricter value, and refuses a special period shorter than the ordinary one', async () => {
    const r = await ok(regionLead.put('/api/dibao/settings', { publicityDays: 10, totalWorkdays: 20 }));
    expect(r.values).toMatchObject({ publicityDays: 10, totalWorkdays: 20 });
    const bad = await regionLead.put('/api/dibao/settings', { specialWorkdays: 15 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('不得短于');
    await ok(regionLead.put('/api/dibao/settings', { publicityDays: 7, totalWorkdays: 30 }));
  });

  it('shows each setting with its basis, unverified until the configuring user verifies it', async () => {
    const r = await ok(ld.get('/api/dibao/settings'));
    expect(r.sources.vehicleValueLimitCents).toMatchObject({ label: '机动车价值上限（分）', verified: false });
    expect(r.sources.assetMonthsLimit.basis).toContain('宁夏');
    expect((await ld.put('/api/dibao/settings', { assetMonthsLimit: { verified: true } })).statusCode).toBe(403);
    const v = await ok(regionLead.put('/api/dibao/settings', { assetMonthsLimit: { verified: true, basis: '宁夏试行办法第十条(测试)' } }));
    expect(v.sources.assetMonthsLimit).toMatchObject({ verified: true, basis: '宁夏试行办法第十条(测试)' });
    expect(v.values.assetMonthsLimit).toBe(36);
    const back = await ok(regionLead.put('/api/dibao/settings', { assetMonthsLimit: { verified: false } }));
    expect(back.sources.assetMonthsLimit).toMatchObject({ verified: false, basis: '宁夏试行办法第十条(测试)' });
  });
});

describe('eligibility limits from settings: warnings until their legal text is verified', () => {
  const withCar = { assets: [{ kind: '机动车', description: '小轿车', valueCents: 8_000_000 }] };

  it('confirms a household above the unverified vehicle limit, keeping the warning with the decision', async () => {
    const id = await reviewed(11, '拟同意', withCar);
    await publicized(id);
    const before = await ok(ld.get(`/api/dibao/applications/${id}`));
    expect(before.dibao.eligibility.warnings.join('')).toContain('机动车');
    expect(before.dibao.eligibility.eligible).toBe(true);
    await ok(move(ldLead, id, 'confirm', { note: '经入户核实,车辆系亲属借用' }));
    const d = await ok(ld.get(`/api/dibao/applications/${id}`));
    expect(d.dibao.eligibility.checks.find((c: any) => c.rule === '机动车')).toMatchObject({ ok: false, advisory: true });
  });

  it('refuses confirmation once the vehicle limit is marked verified', async () => {
    await ok(regionLead.put('/api/dibao/settings', { vehicleValueLimitCents: { verified: true, basis: '测试依据' } }));
    try {
      const id = await reviewed(12, '拟同意', withCar);
      await publicized(id);
      const r = await move(ldLead, id, 'confirm', { note: '同意' });
      expect(r.statusCode).toBe(409);
      expect(r.json().title).toContain('机动车');
    } finally {
      await ok(regionLead.put('/api/dibao/settings', { vehicleValueLimitCents: { verified: false } }));
    }
  });
});

describe('no enrolment without 公示 (暂行办法 第十一条)', () => {
  it('a case sent up without 公示 (拟不同意) cannot be confirmed, only refused', async () => {
    const id = await reviewed(13, '拟不同意');
    await ok(move(ld, id, 'skip_publicity'));
    const r = await move(ldLead, id, 'confirm', { note: '同意' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('DIBAO_PUBLICITY_NOT_DONE');
    expect(r.json().title).toContain('第十一条');
    await ok(move(ldLead, id, 'refuse', { reasons: '家庭人均收入高于当地标准' }));
  });
});

describe('the 45-working-day period is approved when the circumstance arises, not chosen at 受理', () => {
  it('受理 always starts 30 working days; the county approver switches it to 45 from 受理 with reasons', async () => {
    const reg = await ok(ld.post('/api/dibao/applications', sampleApplication('640423100201', 14)));
    const accepted = await ok(move(ld, reg.id, 'accept', { special: true, specialReason: '想要更长' }));
    const acceptedOn = chinaToday();
    expect(accepted.clocks.find((k: any) => k.name === 'total').rule).toEqual({ unit: 'workdays', n: 30 });
    expect((await ok(ld.get(`/api/dibao/applications/${reg.id}`))).dibao.special).toBe(false);
    clock.advance(3 * DAY);
    await ok(move(ld, reg.id, 'verify'));
    // Neither the clerk nor the delegated township's leader approves the longer period: the county does.
    expect((await ok(ldLead.get(`/api/dibao/applications/${reg.id}`))).dibao.canExtendSpecial).toBe(false);
    expect((await ok(ldCountyLead.get(`/api/dibao/applications/${reg.id}`))).dibao.canExtendSpecial).toBe(true);
    expect((await extend(ld, reg.id, '家庭成员在外地务工,需异地核实')).statusCode).toBe(403);
    const town = await extend(ldLead, reg.id, '家庭成员在外地务工,需异地核实');
    expect(town.statusCode).toBe(403);
    expect(town.json().title).toContain('县级民政部门');
    expect((await extend(ldCountyLead, reg.id, '短')).statusCode).toBe(400);
    const r = await ok(extend(ldCountyLead, reg.id, '家庭成员在外地务工,需异地核实'));
    expect(r.dibao).toMatchObject({ special: true, canExtendSpecial: false });
    const c = await ok(ld.get(`/api/cases/${reg.id}`));
    const special = c.clocks.find((k: any) => k.name === 'total-special');
    expect(special).toMatchObject({ state: 'running', rule: { unit: 'workdays', n: 45 }, startDate: acceptedOn });
    expect(c.clocks.find((k: any) => k.name === 'total').state).not.toBe('running');
    const d = await ok(ld.get(`/api/dibao/applications/${reg.id}`));
    expect(d.dibao).toMatchObject({ special: true, specialReason: '家庭成员在外地务工,需异地核实' });
    const again = await extend(ldCountyLead, reg.id, '再次延长的理由说明');
    expect(again.statusCode).toBe(409);
    // The decision stops the special clock.
    await ok(move(ld, reg.id, 'investigate', { staff: '张三、李四', date: chinaToday(), findings: '家中陈设简陋,与申报一致', incomeStable: '稳定' }));
    await ok(move(ld, reg.id, 'review', { opinion: '拟同意', text: '符合条件' }));
    await publicized(reg.id);
    await ok(move(ldLead, reg.id, 'confirm', { note: '同意' }));
    const done = await ok(ld.get(`/api/cases/${reg.id}`));
    expect(done.clocks.find((k: any) => k.name === 'total-special').state).not.toBe('running');
  });
});

function chinaToday() {
  return new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
