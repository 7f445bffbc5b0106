import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { registerDailyJob } from '../../platform/jobs/daily.ts';
import { addDaysIso } from '../calendar/dates.ts';
import { refreshCaseClockSummary } from './case-clocks.ts';

/** Cases whose running clock falls due within this many calendar days are looked at (every warn period fits in it). */
const WINDOW_DAYS = 31;
const BATCH = 200;

/**
 * The worklist's tags and counts read the case's stored clock summary (`core.case.clock_state`),
 * which each clock's timers move on its warn day and after its due day. Where no timer fires — past
 * cases the demo loads without timers, a queue restored from an older backup — the stored state
 * would stay 计时中 past the due date. This sweep recomputes the summary of every open case with a
 * running clock due within the window whose stored state is still running or due soon, and writes
 * only those that changed (each case locked, so a transition in flight is not overwritten with an
 * older summary). It sends no notices: reminders and 督办 stay the timers' work. Returns how many changed.
 */
export async function sweepClockSummaries(ctx: AppContext): Promise<number> {
  const until = addDaysIso(chinaDate(ctx.clock.now()), WINDOW_DAYS);
  const ids = (
    await sql<{ id: string }>`
      select distinct c.id from core.deadline_clock k join core.case c on c.id = k.case_id
      where k.state = 'running' and k.due_date <= ${until}::date
        and not c.terminal and c.clock_state in ('running', 'due_soon')
      order by c.id`.execute(ctx.db)
  ).rows.map((r) => r.id);
  let changed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    changed += await withTx(ctx, async (tx) => {
      const rows = await tx.db
        .selectFrom('core.case')
        .select(['id', 'due_date', 'clock_state'])
        .where('id', 'in', batch)
        .where('terminal', '=', false)
        .orderBy('id')
        .forUpdate()
        .execute();
      let n = 0;
      for (const r of rows) {
        const now = await refreshCaseClockSummary(tx, r.id, undefined, false);
        if (now.clock_state === r.clock_state && now.due_date === r.due_date) continue;
        await tx.db.updateTable('core.case').set(now).where('id', '=', r.id).execute();
        n++;
      }
      return n;
    });
  }
  return changed;
}

/** Just after midnight China time (when yesterday's due dates have passed), and at a worker's first start of a day. */
export const CLOCK_SUMMARY_SWEEP_JOB = 'workflow.clock_summary_sweep';
registerDailyJob(CLOCK_SUMMARY_SWEEP_JOB, 0, async (ctx) => {
  const n = await sweepClockSummaries(ctx);
  if (n) ctx.logger.info(`已按日历更新 ${n} 件案件的期限状态 / clock state brought up to date on ${n} cases`);
});
