import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { isIsoDate } from '../../calendar/dates.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { assertNotStopped } from './clock-checks.ts';
import { lockClock, saveClock, type DeferredClockWrite } from './clock-repository.ts';
import { CLOCK_ERRORS, type ClockChange, type DeadlineClock } from './contract.ts';

/**
 * Stop a clock (停止计时): met when the stop's date in China is on or before the due date,
 * else missed — a period (kind 'period', 公示期) is always met: it cannot be late. `at` is an instant or a 'YYYY-MM-DD' date (default: now). A paused clock's
 * open suspension ends on the stop date, then the same rule applies. `defer`: see saveClock.
 */
export async function stopClock(
  ctx: AppContext,
  caseId: string,
  name: string,
  input: { at?: Date | string } = {},
  locked?: DeadlineClock,
  defer?: DeferredClockWrite[],
): Promise<ClockChange> {
  return withTx(ctx, async (tx) => {
    const c = locked ?? (await lockClock(tx, caseId, name));
    assertNotStopped(c);
    const now = tx.clock.now();
    const today = chinaDate(now);
    const at = input.at ?? now;
    const valid = at instanceof Date ? !Number.isNaN(at.getTime()) : isIsoDate(at);
    if (!valid) throw badRequest('CLOCK_DATE_INVALID', CLOCK_ERRORS.CLOCK_DATE_INVALID, { field: 'at' });
    const date = at instanceof Date ? chinaDate(at) : at;
    if (date < c.startDate) throw badRequest('CLOCK_BEFORE_START', CLOCK_ERRORS.CLOCK_BEFORE_START, { field: 'at' });
    if (date > today) throw badRequest('CLOCK_DATE_FUTURE', CLOCK_ERRORS.CLOCK_DATE_FUTURE, { field: 'at' });
    // A bare date records now when it is today, else the start of that day in China.
    const stoppedAt = at instanceof Date ? at : date === today ? now : new Date(`${date}T00:00:00+08:00`);
    const suspensions = c.suspensions.map((s) => (s.to === null ? { ...s, to: date < s.from ? s.from : date } : s));
    return saveClock(tx, c, { suspensions, state: (due) => (c.kind === 'period' || due === null || date <= due ? 'met' : 'missed'), stoppedAt }, defer);
  });
}
