import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { SAMPLE_TYPE, SWEPT_TYPE } from '../../../tests/helpers/sample-workflow.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { applyAction, applySystemTransition } from './index.ts';

// The one step: system moves, case actions, and the clock rules a transition declares.
const clock = manualClock(new Date('2019-06-03T02:00:00Z')); // Monday 10:00 in Beijing
let t: TestApp;
let fgc: Session;
const runTimers = () => t.test.jobs.runDue(t.ctx, { names: ['deadline.remind', 'deadline.overdue'], includeFuture: true, singlePass: true });

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  fgc = await t.login('nx-fgc');
});
afterAll(() => t?.close());

async function newCase(title: string) {
  const r = await fgc.post('/api/cases', { type: SAMPLE_TYPE, title, orgUnitId: fgc.me.orgUnit.id, input: { summary: title } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const move = async (id: string, name: string, body: object = {}) => {
  const r = await fgc.post(`/api/cases/${id}/transitions/${name}`, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const clockOf = async (id: string, name: string) => (await fgc.get(`/api/cases/${id}`)).json().clocks.find((k: any) => k.name === name);

describe('clocks declared by transitions', () => {
  it('start on the day the transition gives (a letter received earlier), not the day of the click', async () => {
    const id = await newCase('来信收到日起算');
    await move(id, 'accept', { input: { receivedOn: '2019-05-31' } });
    expect(await clockOf(id, 'handle')).toMatchObject({ startDate: '2019-05-31', dueDate: '2019-07-30' });
  });

  it('restart when the transition says so, and only declared clocks may be suspended, for their kinds', async () => {
    const id = await newCase('补正重新计算');
    const triage = await fgc.post(`/api/cases/${id}/clocks/triage/suspend`, { kind: 'correction', reason: '补正' });
    expect(triage.statusCode).toBe(409);
    expect(triage.json().code).toBe('CLOCK_NOT_SUSPENDABLE');
    await move(id, 'accept');
    clock.set(new Date('2019-06-10T02:00:00Z'));
    await move(id, 'correct', { comment: '补正材料已收到' });
    const k = await clockOf(id, 'handle');
    expect(k.restarts).toEqual([expect.objectContaining({ at: '2019-06-10' })]);
    expect(k.dueDate).toBe('2019-08-09');
    clock.set(new Date('2019-06-03T02:00:00Z'));
  });

  it('take their period from a rule read as they start, and an onDue clock makes the system take its transition', async () => {
    const id = await newCase('公示期满自动办结');
    await move(id, 'accept');
    await move(id, 'draft', { input: { opinion: '支持' } });
    const approved = await applySystemTransition(t.ctx, SYSTEM_ACTOR, { caseId: id, transition: 'approve', comment: '测试' });
    expect(approved.state).toBe('approved');
    const k = await clockOf(id, 'publicity');
    expect(k).toMatchObject({ label: '公示期(5 日)', rule: { unit: 'days', n: 5 }, dueDate: '2019-06-10' });
    clock.set(new Date('2019-06-10T15:00:00Z')); // still the due day
    await runTimers();
    expect((await fgc.get(`/api/cases/${id}`)).json().state).toBe('approved');
    clock.set(new Date('2019-06-10T16:05:00Z')); // 06-11 00:05: the period has run out
    await runTimers();
    await runTimers();
    const c = (await fgc.get(`/api/cases/${id}`)).json();
    expect(c.state).toBe('closed');
    const close = c.events.filter((e: any) => e.transition === 'close');
    expect(close).toHaveLength(1);
    expect(close[0]).toMatchObject({ actorName: '系统', auditEventId: expect.any(String) });
    expect(c.clocks.find((x: any) => x.name === 'publicity').state).toBe('met');
    clock.set(new Date('2019-06-03T02:00:00Z'));
  });
});

describe('system moves and case actions', () => {
  it('a system move still checks the state and parses the input', async () => {
    const id = await newCase('系统办理');
    await expect(applySystemTransition(t.ctx, SYSTEM_ACTOR, { caseId: id, transition: 'close' })).rejects.toMatchObject({ code: 'STATE_NOT_ALLOWED' });
    await expect(applySystemTransition(t.ctx, SYSTEM_ACTOR, { caseId: id, transition: 'accept', input: { receivedOn: 'gestern' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('an action changes no state but is on the timeline, with its label, and on the audit chain', async () => {
    const id = await newCase('回访');
    const actor = SYSTEM_ACTOR;
    await expect(applyAction(t.ctx, actor, { caseId: id, action: 'call_back', input: { note: 'x' } })).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    await move(id, 'accept');
    await move(id, 'draft', { input: { opinion: '解释说明' } });
    await applySystemTransition(t.ctx, SYSTEM_ACTOR, { caseId: id, transition: 'approve' });
    const { loadSessionActor } = await import('../identity/queries/load-session-actor.ts');
    const r = await loadSessionActor(t.ctx, fgc.cookie.split('=')[1]!, null);
    if (r.kind !== 'ok') throw new Error('session');
    await expect(applyAction(t.ctx, r.actor, { caseId: id, action: 'call_back', input: {} })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await applyAction(t.ctx, r.actor, { caseId: id, action: 'call_back', input: { note: '已回访' } })).toEqual({ noted: 3 });
    const c = (await fgc.get(`/api/cases/${id}`)).json();
    expect(c.state).toBe('approved');
    expect(c.events.at(-1)).toMatchObject({
      transition: 'call_back',
      transitionLabel: '电话回访',
      fromState: 'approved',
      toState: 'approved',
      auditEventId: expect.any(String),
    });
    const audit = await t.ctx.db.selectFrom('core.audit_event').select(['action']).where('id', '=', c.events.at(-1).auditEventId).executeTakeFirstOrThrow();
    expect(audit.action).toBe(`${SAMPLE_TYPE}.call_back`);
  });
});

describe('numbering series', () => {
  it('counts per series and year without gaps: a rolled-back transaction returns its number', async () => {
    const { withTx } = await import('../../platform/context.ts');
    const { nextNumber } = await import('./index.ts');
    const take = () => withTx(t.ctx, (tx) => nextNumber(tx, '宁民规发', 2019));
    expect(await take()).toBe(1);
    await expect(
      withTx(t.ctx, async (tx) => {
        expect(await nextNumber(tx, '宁民规发', 2019)).toBe(2);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await take()).toBe(2);
    expect(await withTx(t.ctx, (tx) => nextNumber(tx, '宁民规发', 2020))).toBe(1);
    expect(await withTx(t.ctx, (tx) => nextNumber(tx, '宁民函', 2019))).toBe(1);
    const n = await take();
    expect(`宁民规发〔2019〕${n}号`).toBe('宁民规发〔2019〕3号');
  });
});

describe('creatable: false and facts', () => {
  it('a type only the system creates cannot be registered, and publishes its fact labels', async () => {
    const r = await fgc.post('/api/cases', { type: SWEPT_TYPE, title: '手工生成', orgUnitId: fgc.me.orgUnit.id });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('CASE_TYPE_NOT_CREATABLE');
    const types = (await fgc.get('/api/case-types')).json().items;
    expect(types.find((x: any) => x.type === SWEPT_TYPE)).toMatchObject({
      canCreate: false,
      createRoute: null,
      facts: { result: '结果' },
      createSchema: { properties: { result: { title: '结果' } } },
    });
    // Every step by name, so the audit log can name `<type>.<step>` actions (its transitions, actions, the kernel's steps).
    expect(types.find((x: any) => x.type === SAMPLE_TYPE).steps).toMatchObject({
      create: '登记',
      accept: '受理',
      close: '办结',
      call_back: '电话回访',
      transfer: '转办',
      acknowledge: '签收',
    });
  });
});
