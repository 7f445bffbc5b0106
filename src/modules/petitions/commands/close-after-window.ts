import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { applySystemTransition } from '../../../kernel/workflow/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { lastDayOf } from './review-window.ts';
import { petitionSetting } from './settings.ts';

/** The daily job (01:00) that closes answered petitions once the petitioner's request window has run out. */
export const CLOSE_SWEEP_JOB = 'petition.close_after_window';

/**
 * Days the sweep waits after the window's last day before closing, so that a letter posted on the
 * last day (its postmark counts) can still arrive and be registered. Staff may close from the day
 * after the last day when they know no letter is on its way.
 */
export const POST_GRACE_DAYS = 7;

/**
 * 办结 of the answered petitions whose 复查 window (delivered) or 复核 window (复查意见已送达) has
 * run out: a system move through the workflow step, one transaction per case. Idempotent: a case
 * closed meanwhile is no longer selected; a case moved under it (a late letter) is skipped.
 */
export async function closeAfterWindow(ctx: AppContext): Promise<number> {
  const today = chinaDate(ctx.clock.now());
  const days = await petitionSetting(ctx, 'review.requestDays');
  // Cheap bound first (a roll-forward only moves the last day later); the exact last day below.
  const bound = addDaysIso(today, -(days + POST_GRACE_DAYS));
  const rows = (
    await sql<{ id: string; state: string; area_path: string; received_on: string }>`select c.id, c.state, c.area_path,
      (case when c.state = 'delivered' then coalesce(p.delivered_on, (p.delivered_at at time zone 'Asia/Shanghai')::date) else p.review_delivered_on end)::text as received_on
    from core.case c join petitions.petition p on p.case_id = c.id
    where c.type = ${PETITION_TYPE} and c.state in ('delivered', 'review_delivered') and not c.pending_handoff
      and (case when c.state = 'delivered' then coalesce(p.delivered_on, (p.delivered_at at time zone 'Asia/Shanghai')::date) else p.review_delivered_on end) < ${bound}::date
    order by c.id limit 1000`.execute(ctx.db)
  ).rows;
  let n = 0;
  for (const r of rows) {
    const lastDay = await lastDayOf(ctx, r.received_on, days, r.area_path);
    if (addDaysIso(lastDay, POST_GRACE_DAYS) >= today) continue;
    const which = r.state === 'delivered' ? '复查' : '复核';
    try {
      await applySystemTransition(ctx, SYSTEM_ACTOR, {
        caseId: r.id,
        transition: 'close',
        comment: `申请${which}的期限已于 ${lastDay} 届满，信访人未申请${which}，系统办结`,
        note: { receivedOn: r.received_on, lastDay, sweep: CLOSE_SWEEP_JOB },
      });
      n++;
    } catch (e) {
      // Moved or closed by someone else meanwhile: the next run sees it as it now stands.
      if (!(e instanceof Error && 'status' in e)) throw e;
      ctx.logger.warn(`信访办结清理：${r.id} 未办结：${e.message}`);
    }
  }
  return n;
}
