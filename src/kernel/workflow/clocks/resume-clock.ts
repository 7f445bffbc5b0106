import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { assertNotStopped, requireDate } from './clock-checks.ts';
import { lockClock, saveClock } from './clock-repository.ts';
import { CLOCK_ERRORS, type ClockChange } from './contract.ts';

/** 恢复计时: the open suspension ends; `to` is the first day counted again. */
export async function resumeClock(ctx: AppContext, caseId: string, name: string, input: { to: string }): Promise<ClockChange> {
  return withTx(ctx, async (tx) => {
    const c = await lockClock(tx, caseId, name);
    assertNotStopped(c);
    const open = c.suspensions.find((s) => s.to === null);
    if (!open) throw conflict('CLOCK_NOT_PAUSED', CLOCK_ERRORS.CLOCK_NOT_PAUSED, { clock: name });
    const to = requireDate('to', input.to, chinaDate(tx.clock.now()));
    if (to < open.from) throw badRequest('CLOCK_RESUME_BEFORE_SUSPEND', CLOCK_ERRORS.CLOCK_RESUME_BEFORE_SUSPEND, { field: 'to', from: open.from });
    return saveClock(tx, c, { suspensions: c.suspensions.map((s) => (s === open ? { ...s, to } : s)) });
  });
}
