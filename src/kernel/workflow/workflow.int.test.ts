import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { createCase } from './create-case.ts';

// The clock stands in June 2019 so the statutory dates can be checked by hand.
const clock = manualClock(new Date('2019-06-03T02:00:00Z')); // 10:00 in Beijing, Monday
let t: TestApp;
let fgc: Session, yc: Session, xq: Session, xqLead: Session, ld: Session;
const org = async (code: string) => (await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  const admin = await t.login('admin');
  const created = await admin.post('/api/users', {
    username: 'xq-lead-t',
    displayName: '兴庆区局长',
    orgUnitId: await org('640104-mzj'),
    password: 'Lead@Xq2019!x',
    roles: [{ roleCode: 'leader', scope: 'subtree' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  [fgc, yc, xq, ld] = await Promise.all([t.login('nx-fgc'), t.login('yc-mzj'), t.login('xq-mzj'), t.login('ld-mzj')]);
  const first = await t.login('xq-lead-t', 'Lead@Xq2019!x');
  expect((await first.post('/api/me/password', { oldPassword: 'Lead@Xq2019!x', newPassword: 'Lead@Xq2019!y' })).statusCode).toBe(204);
  xqLead = await t.login('xq-lead-t', 'Lead@Xq2019!y');
});
afterAll(() => t?.close());

describe('case lifecycle through the kernel', () => {
  let id = '';
  it('registers with a gapless reference number and a 15-day clock', async () => {
    const me = fgc.me;
    const row = await createCase(t.ctx, await actorOf(fgc), {
      type: SAMPLE_TYPE,
      title: '关于低保待遇的来信',
      orgUnitId: me.orgUnit.id,
      input: { summary: '要求复核低保' },
    });
    id = row.id;
    expect(row.ref_no).toMatch(/^TS-640000-2019-\d{6}$/);
    const c = (await fgc.get(`/api/cases/${id}`)).json();
    expect(c.stateLabel).toBe('已登记');
    expect(c.clocks).toEqual([expect.objectContaining({ name: 'triage', startDate: '2019-06-03', dueDate: '2019-06-18', status: 'running' })]);
    expect(c.actions.transitions.map((x: any) => x.name)).toEqual(['accept', 'refuse']);
    const next = await createCase(t.ctx, await actorOf(fgc), { type: SAMPLE_TYPE, title: '第二件', orgUnitId: me.orgUnit.id, input: { summary: 'x' } });
    expect(Number(next.ref_no.slice(-6))).toBe(Number(row.ref_no.slice(-6)) + 1);
  });

  it('refuses bad input and leaves nothing behind', async () => {
    const before = await t.ctx.db
      .selectFrom('core.case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', '无摘要')
      .executeTakeFirstOrThrow();
    await expect(createCase(t.ctx, await actorOf(fgc), { type: SAMPLE_TYPE, title: '无摘要', orgUnitId: fgc.me.orgUnit.id, input: {} })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      userMessage: expect.stringContaining('summary'),
    });
    const after = await t.ctx.db
      .selectFrom('core.case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', '无摘要')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('transfers down two levels, each hop signed for, with the chain on the case', async () => {
    let c = (await fgc.get(`/api/cases/${id}`)).json();
    const r1 = await fgc.post(`/api/cases/${id}/handoff`, {
      kind: 'transfer',
      toOrgId: await org('640100-mzj'),
      note: '请银川市办理',
      expectedVersion: c.version,
    });
    expect(r1.statusCode, r1.body).toBe(200);
    expect((await yc.get('/api/worklist?tab=to_acknowledge')).json().items.map((x: any) => x.id)).toContain(id);
    expect((await xq.get(`/api/cases/${id}`)).statusCode).toBe(404);
    const early = await yc.post(`/api/cases/${id}/transitions/accept`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('PENDING_HANDOFF');
    clock.advance(3600_000);
    expect((await yc.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
    expect((await yc.post(`/api/cases/${id}/handoff`, { kind: 'transfer', toOrgId: await org('640104-mzj') })).statusCode).toBe(200);
    expect((await xq.post(`/api/cases/${id}/acknowledge`, {})).statusCode).toBe(200);
    c = (await xq.get(`/api/cases/${id}`)).json();
    expect(c.handoffs.map((h: any) => [h.fromOrgName, h.toOrgName, h.status])).toEqual([
      ['政策法规处', '银川市民政局', 'acknowledged'],
      ['银川市民政局', '兴庆区民政局', 'acknowledged'],
    ]);
    expect(c.handoffs.every((h: any) => h.acknowledgedAt)).toBe(true);
    expect(c.clocks.filter((k: any) => k.name.startsWith('ack:')).every((k: any) => k.state === 'met')).toBe(true);
    // The sender keeps read-only sight of what it transferred; another county never sees it.
    expect((await yc.get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await ld.get(`/api/cases/${id}`)).statusCode).toBe(404);
  });

  it('accepts, starts the 60-day clock, and refuses a stale version', async () => {
    const c = (await xq.get(`/api/cases/${id}`)).json();
    const ok = await xq.post(`/api/cases/${id}/transitions/accept`, { expectedVersion: c.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().clocks.find((k: any) => k.name === 'handle')).toMatchObject({ dueDate: '2019-08-02', state: 'running' });
    expect(ok.json().clocks.find((k: any) => k.name === 'triage')).toMatchObject({ state: 'met' });
    const stale = await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '支持' }, expectedVersion: c.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('validates transition input by field, withdraws, and enforces who may approve', async () => {
    const bad = await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '随便' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toMatch(/opinion/);
    expect((await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '解释说明' } })).statusCode).toBe(200);
    const w = await xq.post(`/api/cases/${id}/withdraw`, { reason: '意见需修改' });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().state).toBe('accepted');
    expect((await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '支持' } })).statusCode).toBe(200);
    const notMine = await xq.post(`/api/cases/${id}/transitions/approve`, {});
    expect(notMine.statusCode).toBe(403);
    const ret = await xqLead.post(`/api/cases/${id}/return`, { toState: 'accepted', reason: '事实部分需补充' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().state).toBe('accepted');
    expect((await xq.post(`/api/cases/${id}/transitions/draft`, { input: { opinion: '支持' } })).statusCode).toBe(200);
    expect((await xqLead.post(`/api/cases/${id}/transitions/approve`, {})).statusCode).toBe(200);
  });

  it('suspends, resumes and extends the clock, and explains the date', async () => {
    clock.set(new Date('2019-06-10T02:00:00Z'));
    const back = await xqLead.post(`/api/cases/${id}/return`, { toState: 'accepted', reason: '补正材料' });
    expect(back.statusCode, back.body).toBe(200);
    const s = await xq.post(`/api/cases/${id}/clocks/handle/suspend`, { kind: 'correction', reason: '通知信访人补正材料' });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ state: 'paused', dueDate: null });
    clock.set(new Date('2019-06-20T02:00:00Z'));
    const r = await xq.post(`/api/cases/${id}/clocks/handle/resume`, {});
    // 10 suspended days (06-10 … 06-19) push 08-02 to 08-12 (Monday) — but 08-12/13 are 古尔邦节
    // in Ningxia (兴庆区), so the last day rolls forward to 08-14.
    expect(r.json()).toMatchObject({ state: 'running', dueDate: '2019-08-14' });
    expect((await xq.post(`/api/cases/${id}/clocks/handle/extend`, { n: 30, unit: 'days', reason: '情况复杂' })).statusCode).toBe(403);
    expect((await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 31, unit: 'days', reason: '情况复杂' })).statusCode).toBe(400);
    const e = await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 30, unit: 'days', reason: '情况复杂,需调查' });
    // 30 日 from 08-14 → 09-13 (中秋) → first working day after: 09-16.
    expect(e.json()).toMatchObject({ dueDate: '2019-09-16' });
    expect((await xqLead.post(`/api/cases/${id}/clocks/handle/extend`, { n: 10, unit: 'days', reason: '再延' })).json().code).toBe('EXTENSION_LIMIT');
    const ex = (await xq.get(`/api/cases/${id}/clocks/handle/explain`)).json();
    expect(ex.text).toContain('为什么是这一天');
    expect(ex.text).toContain('2019-09-16');
    expect(ex.text).toMatch(/古尔邦节/);
    expect(ex.text).toMatch(/补正/);
    expect(ex.text).toContain('适用地区：宁夏（640000）› 银川市（640100）› 兴庆区（640104）');
  });

  it('supervises from above with written feedback, and lists it in the worklists', async () => {
    const sup = await fgc.post(`/api/cases/${id}/supervise`, { reason: '请加快办理' });
    expect(sup.statusCode, sup.body).toBe(200);
    expect((await xq.post(`/api/cases/${id}/supervise`, { reason: '自己督自己' })).statusCode).toBe(403);
    const c = (await xq.get(`/api/cases/${id}`)).json();
    const s = c.supervisions[0];
    expect(s).toMatchObject({ kind: 'manual', fromOrgName: '政策法规处', toOrgName: '兴庆区民政局', awaitingMyFeedback: true });
    expect((await xq.post(`/api/cases/${id}/supervisions/${s.id}/feedback`, { feedback: '已加快办理,预计本周办结' })).statusCode).toBe(200);
    expect((await fgc.get('/api/worklist?tab=supervising')).json().items.map((x: any) => x.id)).toContain(id);
    expect((await xq.get('/api/worklist?tab=done')).json().items.map((x: any) => x.id)).toContain(id);
    expect((await xq.get('/api/worklist?tab=todo')).json().items.map((x: any) => x.id)).toContain(id);
    expect((await ld.get('/api/worklist?tab=todo')).json().items.map((x: any) => x.id)).not.toContain(id);
  });

  it('keeps an immutable event history linked to the audit chain', async () => {
    const c = (await xq.get(`/api/cases/${id}`)).json();
    expect(c.events.map((e: any) => e.transition)).toEqual(
      expect.arrayContaining(['create', 'transfer', 'acknowledge', 'accept', 'draft', 'withdraw', 'return', 'approve', 'supervise']),
    );
    expect(c.events.filter((e: any) => ['accept', 'transfer'].includes(e.transition)).every((e: any) => e.auditEventId)).toBe(true);
    await expect(t.ctx.db.updateTable('core.case_event').set({ comment: 'x' }).where('case_id', '=', id).execute()).rejects.toThrow(/只可追加/);
  });
});

async function actorOf(s: Session) {
  const { loadSessionActor } = await import('../identity/queries/load-session-actor.ts');
  const token = s.cookie.split('=')[1]!;
  const r = await loadSessionActor(t.ctx, token, null);
  if (r.kind !== 'ok') throw new Error('session not ok');
  return r.actor;
}
