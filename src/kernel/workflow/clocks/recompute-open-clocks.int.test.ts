import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../../tests/helpers/test-context.ts';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { testActor } from '../../audit/testing/audit-fixtures.ts';
import { setCalendarDay } from '../../calendar/set-calendar-day.ts';
import { getClocks, recomputeOpenClocks, registerClockRecompute, startClock, stopClock, suspendClock } from './clock-commands.ts';
import type { DeadlineClock } from './contract.ts';
import { insertTestCase } from './testing/test-case.ts';

const LONGDE = { areaCode: '640423', areaPath: '640000.640400.640423' };
const XIJI = { areaCode: '640422', areaPath: '640000.640400.640422' };
const admin = testActor({ areaPath: '640000', permissions: ['calendar.manage'] });
let t: TestContext;
let ctx: AppContext;
let caseId: string;

beforeAll(async () => {
  t = await openTestContext();
  ctx = t.ctx;
  caseId = await insertTestCase(ctx);
  const common = { caseId, label: '期限', legalBasis: '《测试》第一条' };
  // A: 15 日 from 05-21 at 隆德县 → 06-10. B: 5 工作日 from 06-04 at 隆德县 → 06-10..14 → 06-14
  // (开斋节 06-05/06, 端午 06-07, weekend). C: the same at 西吉县 → 06-14. D: B paused from 06-05.
  // E: B stopped. F: 5 工作日 from 06-12 at 隆德县 → 06-19.
  await startClock(ctx, { ...common, ...LONGDE, name: 'A', rule: { unit: 'days', n: 15 }, startDate: '2019-05-21' });
  await startClock(ctx, { ...common, ...LONGDE, name: 'B', rule: { unit: 'workdays', n: 5 }, startDate: '2019-06-04' });
  await startClock(ctx, { ...common, ...XIJI, name: 'C', rule: { unit: 'workdays', n: 5 }, startDate: '2019-06-04' });
  await startClock(ctx, { ...common, ...LONGDE, name: 'D', rule: { unit: 'workdays', n: 5 }, startDate: '2019-06-04' });
  await suspendClock(ctx, caseId, 'D', { kind: 'appraisal', reason: '鉴定', from: '2019-06-05', by: 'u-1' });
  await startClock(ctx, { ...common, ...LONGDE, name: 'E', rule: { unit: 'workdays', n: 5 }, startDate: '2019-06-04' });
  await stopClock(ctx, caseId, 'E', { at: '2019-06-10' });
  await startClock(ctx, { ...common, ...LONGDE, name: 'F', rule: { unit: 'workdays', n: 5 }, startDate: '2019-06-12' });
});
afterAll(() => t?.close());

async function clocks(): Promise<Record<string, DeadlineClock>> {
  return Object.fromEntries((await getClocks(ctx, caseId)).map((c) => [c.name, c]));
}

describe('recompute on calendar change', () => {
  it('a 隆德县 rest day moves only the open 隆德县 clocks whose window holds it, audited and reported', async () => {
    const before = await clocks();
    expect(Object.fromEntries(Object.values(before).map((c) => [c.name, c.dueDate]))).toEqual({
      A: '2019-06-10',
      B: '2019-06-14',
      C: '2019-06-14',
      D: null,
      E: '2019-06-14',
      F: '2019-06-19',
    });
    const seen: [string, string | null, string | null][] = [];
    const off = registerClockRecompute(async (_tx, clock, previousDue) => {
      seen.push([clock.name, previousDue, clock.dueDate]);
    });
    try {
      const change = await setCalendarDay(ctx, admin, {
        date: '2019-06-11',
        areaCode: '640423',
        kind: 'rest',
        name: '县庆',
        source: '测试',
        reason: '测试县级休息日',
      });
      // B: 06-10 (1), 06-11 now rest, 06-12..14 (2–4), 06-17 (5).
      expect(seen).toEqual([['B', '2019-06-14', '2019-06-17']]);
      const after = await clocks();
      expect(after.B).toMatchObject({ dueDate: '2019-06-17', calendarVersion: change!.version });
      // Untouched: C (西吉县), A (due before the changed day), E (stopped), F (started after it).
      for (const n of ['A', 'C', 'E', 'F']) expect(after[n]).toEqual(before[n]);
      // D was recomputed (still paused, no due date) on the new version, without an audit event.
      expect(after.D).toMatchObject({ dueDate: null, state: 'paused', calendarVersion: change!.version });
      const audit = await ctx.db
        .selectFrom('core.audit_event')
        .select(['entity_id', 'before', 'after', 'reason', 'actor_name', 'area_path'])
        .where('action', '=', 'deadline.recomputed')
        .execute();
      expect(audit).toEqual([
        {
          entity_id: after.B!.id,
          before: { caseId, name: 'B', dueDate: '2019-06-14', calendarVersion: before.B!.calendarVersion },
          after: { caseId, name: 'B', dueDate: '2019-06-17', calendarVersion: change!.version },
          reason: `工作日日历调整（v${change!.version}）：测试县级休息日`,
          actor_name: '系统(system)',
          area_path: LONGDE.areaPath,
        },
      ]);
    } finally {
      off();
    }
  });

  it('recomputeOpenClocks called directly with a national change returns every moved clock', async () => {
    // Not registered now: the change itself leaves the clocks alone.
    const change = await setCalendarDay(ctx, admin, {
      date: '2019-06-12',
      areaCode: null,
      kind: 'rest',
      name: '测试假日',
      source: '测试',
      reason: '测试全国休息日',
    });
    expect((await clocks()).B!.dueDate).toBe('2019-06-17');
    const moved = await withTx(ctx, (tx) => recomputeOpenClocks(tx, change!));
    // B: 06-10 (1), 06-11 county rest, 06-12 national rest, 06-13, 14, 17, 18 (2–5) → 06-18.
    // C (西吉县): 06-10, 11 (1, 2), 06-12 rest, 06-13, 14, 17 (3–5) → 06-17. F: 06-12 is its start.
    expect(moved.map((m) => [m.clock.name, m.previousDue, m.clock.dueDate, m.dueChanged])).toEqual([
      ['B', '2019-06-17', '2019-06-18', true],
      ['C', '2019-06-14', '2019-06-17', true],
    ]);
    expect(await withTx(ctx, (tx) => recomputeOpenClocks(tx, change!))).toEqual([]);
  });

  it('a failing callback rolls the calendar change back with the recomputation', async () => {
    const off = registerClockRecompute(async () => {
      throw new Error('timer service down');
    });
    try {
      await expect(
        setCalendarDay(ctx, admin, { date: '2019-06-13', areaCode: '640423', kind: 'rest', name: '测试', source: '测试', reason: '应回滚' }),
      ).rejects.toThrow('timer service down');
    } finally {
      off();
    }
    const row = await ctx.db.selectFrom('core.calendar_day').select('id').where('date', '=', '2019-06-13').executeTakeFirst();
    expect(row).toBeUndefined();
    expect((await clocks()).B!.dueDate).toBe('2019-06-18');
  });
});
