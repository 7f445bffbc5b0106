import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../../tests/helpers/test-context.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { currentCalendarVersion, loadCalendar } from '../../calendar/load-calendar.ts';
import { extendClock, getClocks, restartClock, resumeClock, startClock, stopClock, suspendClock } from './clock-commands.ts';
import { explainClock } from './explain-clock.ts';
import { renderExplainText } from './explain-text.ts';
import { insertTestCase } from './testing/test-case.ts';

const LONGDE = '640000.640400.640423';
let t: TestContext;
let ctx: AppContext;
// A movable "now" (China 2019-12-31 10:00) so that "not after today" can be tested.
let now = new Date('2019-12-31T02:00:00Z');

beforeAll(async () => {
  t = await openTestContext({ clock: { now: () => now } });
  ctx = t.ctx;
});
afterAll(() => t?.close());

async function rejects(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

const base = { label: '答复期限', legalBasis: '《政府信息公开条例》第三十三条', areaCode: '640423', areaPath: LONGDE };

describe('startClock', () => {
  it('computes and stores the due date with the calendar version', async () => {
    const caseId = await insertTestCase(ctx);
    const r = await startClock(ctx, {
      ...base,
      caseId,
      name: 'triage',
      label: '甄别受理期限',
      legalBasis: '《信访工作条例》第二十二条',
      rule: { unit: 'days', n: 15 },
      startDate: '2019-05-21',
    });
    // 05-21 + 15 = 06-05 开斋节 → 06-10 (compute-due.test.ts).
    expect(r).toMatchObject({
      dueChanged: true,
      previousDue: null,
      clock: { dueDate: '2019-06-10', state: 'running', warnWorkdays: 3, rule: { unit: 'days', n: 15 } },
    });
    expect(r.clock.calendarVersion).toBe(await currentCalendarVersion(ctx));
    const [stored] = await getClocks(ctx, caseId);
    expect(stored).toMatchObject({
      name: 'triage',
      label: '甄别受理期限',
      startDate: '2019-05-21',
      dueDate: '2019-06-10',
      suspensions: [],
      extensions: [],
      restarts: [],
    });
  });

  it('refuses a second clock of the same name, bad rules, areas and dates', async () => {
    const caseId = await insertTestCase(ctx);
    const input = { ...base, caseId, name: 'handle', rule: { unit: 'days' as const, n: 60 }, startDate: '2019-07-02' };
    await startClock(ctx, input);
    expect((await rejects(startClock(ctx, input))).code).toBe('CLOCK_EXISTS');
    expect((await rejects(startClock(ctx, { ...input, name: 'x1', rule: { unit: 'weeks' as never, n: 1 } }))).code).toBe('CLOCK_RULE_INVALID');
    expect((await rejects(startClock(ctx, { ...input, name: 'x2', rule: { unit: 'days', n: -1 } }))).code).toBe('CLOCK_RULE_INVALID');
    expect((await rejects(startClock(ctx, { ...input, name: 'x3', areaCode: '640422' }))).code).toBe('CLOCK_AREA_INVALID');
    expect((await rejects(startClock(ctx, { ...input, name: 'x4', startDate: '2019-02-30' }))).code).toBe('CLOCK_DATE_INVALID');
    const future = await rejects(startClock(ctx, { ...input, name: 'x5', startDate: '2020-01-01' }));
    expect(future).toMatchObject({ code: 'CLOCK_DATE_FUTURE', status: 400, userMessage: '日期不能晚于今天' });
    expect((await rejects(startClock(ctx, { ...input, name: 'x6', legalBasis: ' ' }))).details).toEqual({ field: 'legalBasis' });
    expect((await getClocks(ctx, caseId)).map((c) => c.name)).toEqual(['handle']);
  });
});

describe('suspendClock / resumeClock', () => {
  it('pauses (no due date) and resumes with the suspended working days added', async () => {
    const caseId = await insertTestCase(ctx);
    await startClock(ctx, { ...base, caseId, name: 'answer', rule: { unit: 'workdays', n: 15 }, startDate: '2019-04-22' });
    const s = await suspendClock(ctx, caseId, 'answer', {
      kind: 'correction',
      reason: '申请内容不明确,通知补正',
      from: '2019-05-06',
      by: 'u-1',
      byName: '王科员',
    });
    expect(s).toMatchObject({ dueChanged: true, previousDue: '2019-05-14', clock: { state: 'paused', dueDate: null } });
    expect(s.clock.suspensions).toEqual([
      expect.objectContaining({ kind: 'correction', label: '补正', from: '2019-05-06', to: null, by: 'u-1', byName: '王科员' }),
    ]);

    expect((await rejects(suspendClock(ctx, caseId, 'answer', { kind: 'hearing', reason: '听证', from: '2019-05-07', by: 'u-1' }))).code).toBe(
      'CLOCK_ALREADY_PAUSED',
    );
    expect((await rejects(resumeClock(ctx, caseId, 'answer', { to: '2019-05-05' }))).code).toBe('CLOCK_RESUME_BEFORE_SUSPEND');

    const r = await resumeClock(ctx, caseId, 'answer', { to: '2019-05-20' });
    // 10 working days suspended: 05-14 → 05-28 (compute-due.test.ts).
    expect(r).toMatchObject({ dueChanged: true, previousDue: null, clock: { state: 'running', dueDate: '2019-05-28' } });
    expect((await rejects(resumeClock(ctx, caseId, 'answer', { to: '2019-05-21' }))).code).toBe('CLOCK_NOT_PAUSED');
  });

  it('refuses suspensions before the start, overlapping ones, after the due date, or of an unknown kind', async () => {
    const caseId = await insertTestCase(ctx);
    await startClock(ctx, { ...base, caseId, name: 'answer', rule: { unit: 'workdays', n: 15 }, startDate: '2019-04-22' });
    const before = await rejects(suspendClock(ctx, caseId, 'answer', { kind: 'correction', reason: '补正', from: '2019-04-21', by: 'u-1' }));
    expect(before).toMatchObject({ code: 'CLOCK_BEFORE_START', status: 400, details: { field: 'from', base: '2019-04-22' } });
    await suspendClock(ctx, caseId, 'answer', { kind: 'correction', reason: '补正', from: '2019-05-06', by: 'u-1' });
    await resumeClock(ctx, caseId, 'answer', { to: '2019-05-20' });
    expect((await rejects(suspendClock(ctx, caseId, 'answer', { kind: 'appraisal', reason: '鉴定', from: '2019-05-10', by: 'u-1' }))).code).toBe(
      'CLOCK_SUSPENSION_OVERLAP',
    );
    expect((await rejects(suspendClock(ctx, caseId, 'answer', { kind: 'appraisal', reason: '鉴定', from: '2019-05-29', by: 'u-1' }))).code).toBe(
      'CLOCK_ALREADY_DUE',
    );
    expect((await rejects(suspendClock(ctx, caseId, 'answer', { kind: 'nap' as never, reason: '?', from: '2019-05-21', by: 'u-1' }))).code).toBe(
      'CLOCK_SUSPENSION_KIND',
    );
    expect(await rejects(suspendClock(ctx, caseId, 'nope', { kind: 'other', reason: '?', from: '2019-05-21', by: 'u-1' }))).toMatchObject({
      code: 'CLOCK_NOT_FOUND',
      status: 404,
    });
  });
});

describe('extendClock / restartClock', () => {
  it('60 日 + 30 日 延长 counted from the due date; refused after the due date', async () => {
    const caseId = await insertTestCase(ctx);
    const s = await startClock(ctx, {
      ...base,
      caseId,
      name: 'handle',
      label: '办理期限',
      legalBasis: '《信访工作条例》第三十四条',
      rule: { unit: 'days', n: 60 },
      startDate: '2019-07-02',
    });
    expect(s.clock.dueDate).toBe('2019-09-02');
    const late = await rejects(
      extendClock(ctx, caseId, 'handle', { n: 30, unit: 'days', approvedBy: 'u-9', approvedByName: '李局长', reason: '情况复杂', at: '2019-09-03' }),
    );
    expect(late).toMatchObject({ code: 'CLOCK_ALREADY_DUE', status: 409 });
    const e = await extendClock(ctx, caseId, 'handle', {
      n: 30,
      unit: 'days',
      approvedBy: 'u-9',
      approvedByName: '李局长',
      reason: '情况复杂',
      at: '2019-08-28',
    });
    expect(e).toMatchObject({ dueChanged: true, previousDue: '2019-09-02', clock: { dueDate: '2019-10-08' } });
    expect(e.clock.extensions).toEqual([expect.objectContaining({ n: 30, unit: 'days', approvedByName: '李局长', reason: '情况复杂', at: '2019-08-28' })]);
  });

  it('a restart after 补正 ends the open suspension and counts afresh', async () => {
    const caseId = await insertTestCase(ctx);
    await startClock(ctx, { ...base, caseId, name: 'answer', rule: { unit: 'workdays', n: 20 }, startDate: '2019-05-27' });
    await suspendClock(ctx, caseId, 'answer', { kind: 'correction', reason: '通知补正', from: '2019-05-30', by: 'u-1' });
    expect((await rejects(restartClock(ctx, caseId, 'answer', { at: '2019-05-29', reason: '补正材料已收到', by: 'u-1' }))).code).toBe(
      'CLOCK_RESUME_BEFORE_SUSPEND',
    );
    const r = await restartClock(ctx, caseId, 'answer', { at: '2019-06-04', reason: '补正材料已收到', by: 'u-1', byName: '王科员' });
    // From Tue 06-04 at 隆德县: 开斋节, 端午 and the weekend skipped → 07-05 (compute-due.test.ts).
    expect(r).toMatchObject({ previousDue: null, dueChanged: true, clock: { state: 'running', dueDate: '2019-07-05' } });
    expect(r.clock.suspensions[0]).toMatchObject({ from: '2019-05-30', to: '2019-06-04' });
    expect(r.clock.restarts).toEqual([{ at: '2019-06-04', reason: '补正材料已收到', by: 'u-1', byName: '王科员' }]);
    // Nothing may reach back before the restart now.
    expect((await rejects(suspendClock(ctx, caseId, 'answer', { kind: 'other', reason: '?', from: '2019-06-03', by: 'u-1' }))).code).toBe('CLOCK_BEFORE_START');

    const trace = explainClock(await loadCalendar(ctx), { ...r.clock });
    expect(trace.dueDate).toBe('2019-07-05');
    expect(renderExplainText(trace)).toContain('重新计算期限（当日不计入）：补正材料已收到');
  });
});

describe('stopClock', () => {
  async function clockDue0610() {
    const caseId = await insertTestCase(ctx);
    await startClock(ctx, { ...base, caseId, name: 'triage', rule: { unit: 'days', n: 15 }, startDate: '2019-05-21' });
    return caseId;
  }

  it('met on the due date (China time), missed the day after', async () => {
    const a = await clockDue0610();
    // 2019-06-10T15:59:59Z is 23:59:59 on 06-10 in China.
    const met = await stopClock(ctx, a, 'triage', { at: new Date('2019-06-10T15:59:59Z') });
    expect(met.clock).toMatchObject({ state: 'met', dueDate: '2019-06-10', stoppedAt: new Date('2019-06-10T15:59:59Z') });
    expect(met.dueChanged).toBe(false);
    const b = await clockDue0610();
    expect((await stopClock(ctx, b, 'triage', { at: new Date('2019-06-10T16:00:00Z') })).clock.state).toBe('missed');
    const c = await clockDue0610();
    expect((await stopClock(ctx, c, 'triage', { at: '2019-06-11' })).clock).toMatchObject({ state: 'missed', stoppedAt: new Date('2019-06-10T16:00:00Z') });
  });

  it('a stopped clock cannot be stopped, suspended, extended or restarted', async () => {
    const id = await clockDue0610();
    await stopClock(ctx, id, 'triage', { at: '2019-06-01' });
    for (const attempt of [
      () => stopClock(ctx, id, 'triage', { at: '2019-06-02' }),
      () => suspendClock(ctx, id, 'triage', { kind: 'other', reason: '?', from: '2019-06-02', by: 'u-1' }),
      () => extendClock(ctx, id, 'triage', { n: 5, unit: 'days', approvedBy: 'u-9', approvedByName: '李局长', reason: '?', at: '2019-06-02' }),
      () => restartClock(ctx, id, 'triage', { at: '2019-06-02', reason: '?', by: 'u-1' }),
    ]) {
      expect(await rejects(attempt())).toMatchObject({ code: 'CLOCK_STOPPED', status: 409, userMessage: '期限计时已结束，不能再变更' });
    }
  });

  it('stopping a paused clock ends the suspension on the stop date', async () => {
    const id = await clockDue0610();
    await suspendClock(ctx, id, 'triage', { kind: 'third_party', reason: '征求第三方意见', from: '2019-05-25', by: 'u-1' });
    const r = await stopClock(ctx, id, 'triage', { at: '2019-06-03' });
    // 05-25..06-02 suspended (9 days): 06-05 + 9 = 06-14 (Fri, a working day).
    expect(r.clock).toMatchObject({ state: 'met', dueDate: '2019-06-14' });
    expect(r.clock.suspensions[0]!.to).toBe('2019-06-03');
  });

  it('refuses a stop dated in the future', async () => {
    const id = await clockDue0610();
    now = new Date('2019-06-05T02:00:00Z');
    try {
      expect((await rejects(stopClock(ctx, id, 'triage', { at: '2019-06-06' }))).code).toBe('CLOCK_DATE_FUTURE');
    } finally {
      now = new Date('2019-12-31T02:00:00Z');
    }
  });
});
