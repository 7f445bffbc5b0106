import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { currentCalendar } from '../../../kernel/calendar/index.ts';
import { petitionSetting } from './settings.ts';
import { PETITION_LAW_2022, petitionLawOn } from '../law.ts';

export type ReviewKind = '复查' | '复核';

/**
 * The petitioner's window to request 复查 (from receiving the written reply, 《信访工作条例》第三十五条)
 * or 复核 (from receiving the 复查意见, 第三十六条): `days` calendar days, the day of receipt not
 * counted, a last day on a rest day rolled forward to the next working day (民法典 第二百零一条、
 * 第二百零三条) on the calendar of the case's area. `receivedOn` null: the reply has not been served.
 */
export type RequestWindow = { which: ReviewKind; receivedOn: string | null; lastDay: string | null; days: number };

type Row = { area_path: string; delivered_on: string | null; delivered_at: Date | null; review_delivered_on: string | null };

/** The window of one case (复查: the reply's receipt; 复核: the 复查意见's receipt). */
export async function requestWindow(ctx: AppContext, caseId: string, which: ReviewKind): Promise<RequestWindow> {
  const r = (
    await sql<Row>`select c.area_path, p.delivered_on::text as delivered_on, p.delivered_at, p.review_delivered_on::text as review_delivered_on
    from core.case c join petitions.petition p on p.case_id = c.id where c.id = ${caseId}`.execute(ctx.db)
  ).rows[0];
  const days = await petitionSetting(ctx, 'review.requestDays');
  if (!r) return { which, receivedOn: null, lastDay: null, days };
  // Before the receipt day was recorded (older data) the day of 送达 stands in for it.
  const receivedOn = which === '复查' ? (r.delivered_on ?? (r.delivered_at ? chinaDate(new Date(r.delivered_at)) : null)) : r.review_delivered_on;
  return { which, receivedOn, lastDay: receivedOn ? await lastDayOf(ctx, receivedOn, days, r.area_path) : null, days };
}

/** N 日 from the day of receipt (not counted), rolled forward over rest days of the area's calendar. */
export async function lastDayOf(ctx: AppContext, receivedOn: string, days: number, areaPath: string): Promise<string> {
  return (await currentCalendar(ctx)).addDays(receivedOn, days, areaPath);
}

/** The article granting the right, in the law in force on the day of receipt (2005 《信访条例》 before 2022-05-01). */
export function rightArticle(which: ReviewKind, receivedOn: string | null): string {
  const law = receivedOn ? petitionLawOn(receivedOn) : PETITION_LAW_2022;
  return which === '复查' ? law.review : law.recheck;
}

/** Is a request made (or posted) on `on` within the window? */
export const withinWindow = (w: RequestWindow, on: string) => !!w.lastDay && on <= w.lastDay;

/** The refusal when the window has run out, naming the receipt and the last day. */
export function windowClosed(w: RequestWindow): AppError {
  const code = w.which === '复查' ? 'PETITION_REVIEW_WINDOW_CLOSED' : 'PETITION_RECHECK_WINDOW_CLOSED';
  const what = w.which === '复查' ? '书面答复' : '书面复查意见';
  return new AppError(code, 409, `已超过申请${w.which}期限（收到${what}之日起 ${w.days} 日内；收到日期 ${w.receivedOn}，期限最后一日 ${w.lastDay}）`, {
    receivedOn: w.receivedOn,
    lastDay: w.lastDay,
  });
}

/**
 * 办结 waits for the petitioner's window: while it is open (today on or before its last day) the
 * case cannot be closed by staff — the right to ask for 复查 / 复核 outlives the reply.
 */
export async function mustBeWindowOver(ctx: AppContext, caseId: string, state: string): Promise<void> {
  const which: ReviewKind = state === 'delivered' ? '复查' : '复核';
  const w = await requestWindow(ctx, caseId, which);
  const today = chinaDate(ctx.clock.now());
  if (!w.lastDay || today <= w.lastDay) {
    const why = w.lastDay
      ? `信访人可在 ${w.lastDay}（含当日）之前申请${which}，期满后方可办结（${rightArticle(which, w.receivedOn)}）`
      : `${which === '复查' ? '书面答复' : '复查意见'}尚未记录信访人收到日期，不能办结`;
    throw new AppError('PETITION_REQUEST_WINDOW_OPEN', 409, `申请${which}的期限尚未届满：${why}`, { lastDay: w.lastDay });
  }
}

/**
 * The petitioner's window as a clock on the case page: a period that must elapse (kind 'period'),
 * counted from the day the reply was received; when it has run out it is 期满 — never 「超期」,
 * never in 按期/超期 statistics — and 办结 may follow. Stopped by the request or by 办结.
 */
export const requestWindowClock = (which: ReviewKind) => ({
  name: which === '复查' ? 'review_window' : 'recheck_window',
  kind: 'period' as const,
  label: (r: { n: number }) => `信访人申请${which}期限（${r.n} 日）`,
  rule: async (tx: AppContext) => ({ unit: 'days' as const, n: await petitionSetting(tx, 'review.requestDays') }),
  legalBasis: (_c: unknown, tx: AppContext) => rightArticle(which, chinaDate(tx.clock.now())),
});
