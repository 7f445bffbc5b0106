import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../tests/helpers/test-context.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { testActor } from '../audit/testing/audit-fixtures.ts';
import { onCalendarChange, type CalendarChange } from './change-hooks.ts';
import { clearCalendarDay } from './clear-calendar-day.ts';
import { createCalendarCache, currentCalendarVersion, loadCalendar } from './load-calendar.ts';
import { NINGXIA_SEED_KEY } from './ningxia-festivals.ts';
import { seedCalendar } from './seed-calendar.ts';
import { setCalendarDay } from './set-calendar-day.ts';
import { openTestContext } from '../../../tests/helpers/test-context.ts';

let t: TestContext;
let ctx: AppContext;
const MANAGE = ['calendar.manage'];
const region = testActor({ areaPath: '640000', permissions: MANAGE });
const county = testActor({ areaPath: '640000.640400.640423', permissions: MANAGE });
const clerk = testActor({ areaPath: '640000' });
const LONGDE = '640000.640400.640423';

beforeAll(async () => {
  t = await openTestContext();
  ctx = t.ctx;
});
afterAll(() => t?.close());

async function auditFor(entityId: string) {
  return ctx.db
    .selectFrom('core.audit_event')
    .select(['action', 'reason', 'before', 'after', 'actor_name'])
    .where('entity_type', '=', 'calendar_day')
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .execute();
}

async function rejects(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe('seedCalendar', () => {
  it('loads 宁夏 开斋节/古尔邦节 2019–2021 into the 640000 layer, once', async () => {
    const cal = await loadCalendar(ctx);
    expect(cal.isWorkday('2019-06-05', LONGDE)).toEqual({ workday: false, reason: '宁夏开斋节' });
    expect(cal.isWorkday('2021-07-20', '640000')).toEqual({ workday: false, reason: '宁夏古尔邦节' });
    expect(cal.isWorkday('2019-06-05').workday).toBe(true);
    expect(cal.addWorkdays('2019-06-04', 3, LONGDE)).toBe('2019-06-12');
    const rows = await ctx.db
      .selectFrom('core.calendar_day')
      .select(['date', 'name'])
      .where('area_code', '=', '640000')
      .where('date', '<=', '2021-12-31')
      .orderBy('date')
      .execute();
    expect(rows.map((r) => r.date)).toEqual([
      '2019-06-05',
      '2019-06-06',
      '2019-08-12',
      '2019-08-13',
      '2020-05-25',
      '2020-05-26',
      '2020-07-30',
      '2020-07-31',
      '2021-05-13',
      '2021-05-14',
      '2021-07-19',
      '2021-07-20',
    ]);
    const seeded = await ctx.db
      .selectFrom('core.calendar_version')
      .select(['version', 'actor_name'])
      .where('seed_key', '=', NINGXIA_SEED_KEY)
      .executeTakeFirstOrThrow();
    expect(seeded.actor_name).toBe('系统(system)');
    const before = await currentCalendarVersion(ctx);
    expect(await seedCalendar(ctx)).toBeNull();
    expect(await currentCalendarVersion(ctx)).toBe(before);
    expect((await auditFor('640000:2019-06-05')).map((a) => a.action)).toContain('calendar.day.set');
  });
});

describe('setCalendarDay / clearCalendarDay', () => {
  it('enters a national day: one version with reason and actor, one audit event, the engine sees it', async () => {
    const cache = createCalendarCache();
    const v0 = (await cache.get(ctx)).version;
    expect((await cache.get(ctx)).isWorkday('2027-01-04').workday).toBe(true);
    const change = await setCalendarDay(ctx, region, {
      date: '2027-01-04',
      areaCode: null,
      kind: 'rest',
      name: '元旦',
      source: '国办发明电〔2026〕9号',
      reason: '录入 2027 年节假日安排',
    });
    expect(change?.version).toBe(v0 + 1);
    expect(change?.changes).toEqual([
      { date: '2027-01-04', areaCode: null, areaPath: null, before: null, after: { kind: 'rest', name: '元旦', source: '国办发明电〔2026〕9号' } },
    ]);
    const v = await ctx.db
      .selectFrom('core.calendar_version')
      .selectAll()
      .where('version', '=', v0 + 1)
      .executeTakeFirstOrThrow();
    expect(v).toMatchObject({ reason: '录入 2027 年节假日安排', actor_id: region.userId, actor_name: `测试员(${region.username})` });
    expect(await auditFor('national:2027-01-04')).toEqual([
      {
        action: 'calendar.day.set',
        reason: '录入 2027 年节假日安排',
        before: null,
        after: { kind: 'rest', name: '元旦', source: '国办发明电〔2026〕9号', version: v0 + 1 },
        actor_name: `测试员(${region.username})`,
      },
    ]);
    const cal = await cache.get(ctx);
    expect(cal.version).toBe(v0 + 1);
    expect(cal.isWorkday('2027-01-04', LONGDE)).toEqual({ workday: false, reason: '法定节假日：元旦' });
  });

  it('spends no version on a no-op and records before/after on a change', async () => {
    const v = await currentCalendarVersion(ctx);
    expect(
      await setCalendarDay(ctx, region, { date: '2027-01-04', areaCode: null, kind: 'rest', name: '元旦', source: '国办发明电〔2026〕9号', reason: '重复' }),
    ).toBeNull();
    expect(await currentCalendarVersion(ctx)).toBe(v);
    const c = await setCalendarDay(ctx, region, {
      date: '2027-01-04',
      areaCode: null,
      kind: 'rest',
      name: '元旦(调休)',
      source: '国办发明电〔2026〕9号',
      reason: '更正名称',
    });
    expect(c?.version).toBe(v + 1);
    expect(c?.changes[0]?.before?.name).toBe('元旦');
    expect(c?.changes[0]?.after?.name).toBe('元旦(调休)');
  });

  it('clears a day so the layer below decides again, and 404s when there is nothing to clear', async () => {
    const c = await clearCalendarDay(ctx, region, { date: '2027-01-04', areaCode: null, reason: '误录' });
    expect(c.changes[0]).toMatchObject({ before: { name: '元旦(调休)' }, after: null });
    expect((await loadCalendar(ctx)).isWorkday('2027-01-04').workday).toBe(true);
    expect((await auditFor('national:2027-01-04')).map((a) => a.action)).toEqual(['calendar.day.set', 'calendar.day.set', 'calendar.day.clear']);
    const e = await rejects(clearCalendarDay(ctx, region, { date: '2027-01-04', areaCode: null, reason: '再删' }));
    expect([e.code, e.status]).toEqual(['CALENDAR_DAY_NOT_FOUND', 404]);
  });

  it('does not bring back a seeded day an administrator cleared', async () => {
    await clearCalendarDay(ctx, region, { date: '2021-07-20', areaCode: '640000', reason: '核对通知后更正' });
    expect(await seedCalendar(ctx)).toBeNull();
    expect((await loadCalendar(ctx)).isWorkday('2021-07-20', '640000').workday).toBe(true);
    await setCalendarDay(ctx, region, { date: '2021-07-20', areaCode: '640000', kind: 'rest', name: '古尔邦节', reason: '恢复' });
  });

  it('keeps a county layer to its county and lets a county administrator maintain only that', async () => {
    await setCalendarDay(ctx, county, { date: '2019-06-11', areaCode: '640423', kind: 'rest', name: '县庆', reason: '县政府通知' });
    const cal = await loadCalendar(ctx);
    expect(cal.isWorkday('2019-06-11', LONGDE)).toEqual({ workday: false, reason: '隆德县县庆' });
    expect(cal.isWorkday('2019-06-11', '640000.640400.640422').workday).toBe(true);
    expect(cal.addWorkdays('2019-06-04', 3, LONGDE)).toBe('2019-06-13');
    for (const areaCode of ['640000', null, '640422']) {
      const e = await rejects(setCalendarDay(ctx, county, { date: '2019-06-12', areaCode, kind: 'rest', name: 'x', reason: 'x' }));
      expect(e.status).toBe(403);
    }
    expect((await rejects(setCalendarDay(ctx, clerk, { date: '2019-06-12', areaCode: '640423', kind: 'rest', name: 'x', reason: 'x' }))).status).toBe(403);
  });

  it('refuses unknown areas and impossible dates with a 400 naming the field', async () => {
    const a = await rejects(setCalendarDay(ctx, region, { date: '2019-06-12', areaCode: '649999', kind: 'rest', name: 'x', reason: 'x' }));
    expect([a.code, a.status, a.details?.field]).toEqual(['CALENDAR_AREA_UNKNOWN', 400, 'areaCode']);
    const d = await rejects(setCalendarDay(ctx, region, { date: '2019-02-30', areaCode: null, kind: 'rest', name: 'x', reason: 'x' }));
    expect([d.code, d.details?.field]).toEqual(['CALENDAR_DATE_INVALID', 'date']);
  });
});

describe('change hook', () => {
  it('hands listeners the changed dates inside the transaction; a failing listener undoes the change', async () => {
    const seen: CalendarChange[] = [];
    const off = onCalendarChange(async (tx, change) => {
      // The listener reads the new calendar through the transaction.
      expect((await loadCalendar(tx)).version).toBe(change.version);
      seen.push(change);
    });
    try {
      const c = await setCalendarDay(ctx, region, { date: '2019-06-14', areaCode: '640000', kind: 'rest', name: '测试', reason: '钩子测试' });
      expect(seen).toEqual([c]);
      expect(seen[0]?.changes.map((x) => [x.date, x.areaCode, x.areaPath])).toEqual([['2019-06-14', '640000', '640000']]);
    } finally {
      off();
    }
    const v = await currentCalendarVersion(ctx);
    const off2 = onCalendarChange(async () => {
      throw new Error('recompute failed');
    });
    try {
      await expect(setCalendarDay(ctx, region, { date: '2019-06-13', areaCode: '640000', kind: 'rest', name: '回滚', reason: '应回滚' })).rejects.toThrow(
        'recompute failed',
      );
    } finally {
      off2();
    }
    expect(await currentCalendarVersion(ctx)).toBe(v);
    expect((await loadCalendar(ctx)).isWorkday('2019-06-13', '640000').workday).toBe(true);
    expect(await auditFor('640000:2019-06-13')).toEqual([]);
  });

  it('numbers concurrent changes without gaps or duplicates', async () => {
    const v = await currentCalendarVersion(ctx);
    const dates = ['2019-07-01', '2019-07-02', '2019-07-03', '2019-07-04'];
    const changes = await Promise.all(
      dates.map((date) => setCalendarDay(ctx, region, { date, areaCode: '640423', kind: 'rest', name: '并发', reason: '并发测试' })),
    );
    expect(changes.map((c) => c!.version).sort((a, b) => a - b)).toEqual([v + 1, v + 2, v + 3, v + 4]);
  });
});
