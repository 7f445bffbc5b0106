import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { chinaDate } from '../china-time.ts';
import type { JobRegistry } from '../jobs.ts';
import { jobRegistry, registerJobHandler } from './registry.ts';

/** Gets the business day (China date of ctx.clock) it runs for. Must be idempotent. */
export type DailyJobHandler = (ctx: AppContext, day: string) => Promise<void>;

/** Where pg-boss evaluates the daily cron expressions. */
export const DAILY_TZ = 'Asia/Shanghai';

/** China hour (0–23) of an instant. */
const chinaHour = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCHours();

async function ranOn(ctx: AppContext, name: string, day: string): Promise<boolean> {
  const r = await sql`select 1 from core.daily_job_run where name = ${name} and day = ${day}::date`.execute(ctx.db);
  return r.rows.length > 0;
}

/**
 * A job that runs once per business day at `hour` o'clock China time, for the whole deployment.
 * It replaces self-rescheduling jobs and `onReady` hooks:
 * - the worker (`JobsRuntime.start`) puts a pg-boss cron schedule `0 <hour> * * *` (Asia/Shanghai)
 *   in the database; pg-boss fires it from one worker only, and once for an occurrence missed
 *   while no worker ran;
 * - on start, a worker that finds the hour passed by business time (ctx.clock) and the day not
 *   yet done queues a catch-up run;
 * - each run takes its day from ctx.clock and is skipped when `core.daily_job_run` says that day
 *   is done; the day is recorded after the handler returns, so a failed run is retried.
 * Two runs can still overlap (two workers catching up at once), so the handler must be idempotent.
 */
export function registerDailyJob(name: string, hour: number, handler: DailyJobHandler, registry: JobRegistry = jobRegistry): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`daily job ${name}: hour must be 0–23`);
  const prev = registry.get(name);
  if (prev?.daily && (prev.daily.handler !== handler || prev.daily.hour !== hour)) throw new Error(`daily job ${name} is registered twice`);
  if (prev?.daily) return;
  registerJobHandler(
    name,
    async (ctx) => {
      const day = chinaDate(ctx.clock.now());
      if (await ranOn(ctx, name, day)) return;
      await handler(ctx, day);
      await sql`insert into core.daily_job_run (name, day, finished_at) values (${name}, ${day}::date, ${ctx.clock.now()}) on conflict do nothing`.execute(
        ctx.db,
      );
    },
    { retryLimit: 3 },
    registry,
  );
  registry.get(name)!.daily = { hour, handler };
}

/** The cron expression of a daily job. */
export const dailyCron = (hour: number) => `0 ${hour} * * *`;

/**
 * The daily jobs due now by business time and not yet done today (the worker's catch-up at start),
 * in one query for all of them: on PGlite every statement of the worker's start queues ahead of the
 * first requests.
 */
export async function dailyJobsDue(ctx: AppContext, jobs: readonly { name: string; hour: number }[]): Promise<string[]> {
  const now = ctx.clock.now();
  const passed = jobs.filter((j) => chinaHour(now) >= j.hour).map((j) => j.name);
  if (!passed.length) return [];
  const done = await sql<{ name: string }>`select name from core.daily_job_run where name = any(${passed}::text[]) and day = ${chinaDate(now)}::date`.execute(
    ctx.db,
  );
  const ran = new Set(done.rows.map((r) => r.name));
  return passed.filter((name) => !ran.has(name));
}
