import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { assertFromBase, assertNotStopped, requireDate, requireText } from './clock-checks.ts';
import { lockClock, saveClock } from './clock-repository.ts';
import { CLOCK_ERRORS, type ClockChange, type DeadlineClock } from './contract.ts';

export type RestartClockInput = { at: string; reason: string; by: string; byName?: string | null };

/**
 * 重新计算期限 (e.g. 补正 received where the law restarts the period): counting starts afresh
 * after `at`. An open suspension ends on `at`; suspensions and extensions from before it no
 * longer count (they stay on record).
 */
export async function restartClock(ctx: AppContext, caseId: string, name: string, input: RestartClockInput, locked?: DeadlineClock): Promise<ClockChange> {
  return withTx(ctx, async (tx) => {
    const c = locked ?? (await lockClock(tx, caseId, name));
    assertNotStopped(c);
    const reason = requireText('reason', input.reason);
    const by = requireText('by', input.by);
    const at = requireDate('at', input.at, chinaDate(tx.clock.now()));
    assertFromBase(c, 'at', at);
    const open = c.suspensions.find((s) => s.to === null);
    if (open && at < open.from) throw badRequest('CLOCK_RESUME_BEFORE_SUSPEND', CLOCK_ERRORS.CLOCK_RESUME_BEFORE_SUSPEND, { field: 'at', from: open.from });
    return saveClock(tx, c, {
      suspensions: c.suspensions.map((s) => (s === open ? { ...s, to: at } : s)),
      restarts: [...c.restarts, { at, reason, by, byName: input.byName ?? null }],
    });
  });
}
