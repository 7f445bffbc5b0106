import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { manualClock } from '../../../tests/helpers/test-app.ts';
import { createJobRegistry } from './registry.ts';
import { registerDailyJob, DAILY_TZ } from './daily.ts';
import { chinaDate } from '../china-time.ts';

/** Daily jobs: once per business day (by ctx.clock), retried when they fail, scheduled by the worker with a catch-up. */
const tag = Math.random().toString(36).slice(2, 8);
const DAILY = `test.daily.${tag}`;
const FLAKY = `test.daily.flaky.${tag}`;
const ran: string[] = [];
let flakyCalls = 0;
registerDailyJob(DAILY, 3, async (_ctx, day) => void ran.push(day));
registerDailyJob(FLAKY, 3, async () => {
  if (++flakyCalls === 1) throw new Error('第一次失败');
});

const clock = manualClock(new Date('2027-03-01T05:00:00+08:00'));
let t: TestContext;
beforeAll(async () => {
  t = await openTestContext({ clock });
});
afterAll(async () => {
  await t?.close();
});

const runOnce = async (name: string) => {
  await t.ctx.jobs.send(t.ctx, name, {});
  return t.jobs.runDue(t.ctx, { names: [name] });
};
const doneDays = async (name: string) =>
  (await sql<{ day: string }>`select day::text as day from core.daily_job_run where name = ${name} order by day`.execute(t.ctx.db)).rows.map((r) => r.day);

describe('registerDailyJob', () => {
  it('runs once per business day, however often it is fired', async () => {
    expect(await runOnce(DAILY)).toBe(1);
    expect(await runOnce(DAILY)).toBe(1);
    expect(ran).toEqual(['2027-03-01']);
    clock.advance(24 * 3_600_000);
    await runOnce(DAILY);
    expect(ran).toEqual(['2027-03-01', '2027-03-02']);
    expect(await doneDays(DAILY)).toEqual(['2027-03-01', '2027-03-02']);
  });

  it('records a day only when the handler succeeded, so a failed day is run again', async () => {
    await expect(runOnce(FLAKY)).rejects.toThrow('第一次失败');
    expect(await doneDays(FLAKY)).toEqual([]);
    await runOnce(FLAKY);
    expect(flakyCalls).toBe(2);
    expect(await doneDays(FLAKY)).toEqual(['2027-03-02']);
  });

  it('refuses a bad hour and a second handler under the same name', () => {
    expect(() => registerDailyJob(`test.daily.bad.${tag}`, 24, async () => {})).toThrow(/0–23/);
    expect(() => registerDailyJob(DAILY, 3, async () => {})).toThrow(/registered twice/);
  });

  it('the worker puts a cron schedule in the database and catches up on a day whose hour has passed', { timeout: 30_000 }, async () => {
    const reg = createJobRegistry();
    const days: string[] = [];
    const name = `test.daily.worker.${tag}`;
    registerDailyJob(name, 4, async (_ctx, day) => void days.push(day), reg);
    // Not caught up: one whose hour has not come yet, one already done today.
    const later = `test.daily.later.${tag}`;
    const doneToday = `test.daily.done.${tag}`;
    registerDailyJob(later, 23, async () => {}, reg);
    registerDailyJob(doneToday, 4, async () => {}, reg);
    const today = chinaDate(clock.now());
    await sql`insert into core.daily_job_run (name, day, finished_at) values (${doneToday}, ${today}::date, now())`.execute(t.ctx.db);
    await t.jobs.start(t.ctx, reg);
    const queued = await sql<{ name: string }>`select distinct name from pgboss.job where name = any(${[name, later, doneToday]}::text[])`.execute(t.ctx.db);
    expect(queued.rows.map((r) => r.name)).toEqual([name]);
    const schedules = await t.jobs.boss.getSchedules(name);
    expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([['0 4 * * *', DAILY_TZ]]);
    for (let i = 0; i < 40 && !days.length; i++) await new Promise((r) => setTimeout(r, 250));
    expect(days).toEqual(['2027-03-02']);
    expect(await doneDays(name)).toEqual(['2027-03-02']);
  });
});
