import { withTx, type AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { assertFromBase, assertNotStopped, requireDate, requireRule, requireText } from './clock-checks.ts';
import { lockClock, saveClock } from './clock-repository.ts';
import { CLOCK_ERRORS, type ClockChange, type ClockUnit } from './contract.ts';

export type ExtendClockInput = {
  n: number;
  unit: ClockUnit;
  /** User id and name of whoever approved it (e.g. the body's head). */
  approvedBy: string;
  approvedByName: string;
  reason: string;
  /** Approval date: on or before the current due date. */
  at: string;
};

/**
 * 延长期限: n units counted on from the current due date. It must be approved before the
 * period runs out; how long and how often a clock may be extended is the workflow's rule.
 */
export async function extendClock(ctx: AppContext, caseId: string, name: string, input: ExtendClockInput): Promise<ClockChange> {
  return withTx(ctx, async (tx) => {
    const c = await lockClock(tx, caseId, name);
    assertNotStopped(c);
    const rule = requireRule('n', { unit: input.unit, n: input.n });
    const approvedBy = requireText('approvedBy', input.approvedBy);
    const approvedByName = requireText('approvedByName', input.approvedByName);
    const reason = requireText('reason', input.reason);
    const at = requireDate('at', input.at, chinaDate(tx.clock.now()));
    assertFromBase(c, 'at', at);
    if (c.dueDate !== null && at > c.dueDate) throw conflict('CLOCK_ALREADY_DUE', CLOCK_ERRORS.CLOCK_ALREADY_DUE, { dueDate: c.dueDate });
    const extension = { id: uuidv7(tx.clock.now().getTime()), n: rule.n, unit: rule.unit, approvedBy, approvedByName, reason, at };
    return saveClock(tx, c, { extensions: [...c.extensions, extension] });
  });
}
