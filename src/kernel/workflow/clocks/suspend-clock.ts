import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { assertFromBase, assertNotStopped, requireDate, requireText } from './clock-checks.ts';
import { lockClock, saveClock } from './clock-repository.ts';
import { CLOCK_ERRORS, SUSPENSION_KINDS, SUSPENSION_LABELS, type ClockChange, type SuspensionKind } from './contract.ts';

export type SuspendClockInput = {
  kind: SuspensionKind;
  reason: string;
  /** First day not counted. */
  from: string;
  /** User id of whoever records it, and their name for the explanation. */
  by: string;
  byName?: string | null;
  /** Chinese label; defaults to the kind's (补正, 征求第三方意见, 鉴定, 听证 …). */
  label?: string;
};

/** 中止计时: from `from` on, days are not counted until resumeClock; the clock is paused. */
export async function suspendClock(ctx: AppContext, caseId: string, name: string, input: SuspendClockInput): Promise<ClockChange> {
  return withTx(ctx, async (tx) => {
    const c = await lockClock(tx, caseId, name);
    assertNotStopped(c);
    if (c.suspensions.some((s) => s.to === null)) throw conflict('CLOCK_ALREADY_PAUSED', CLOCK_ERRORS.CLOCK_ALREADY_PAUSED, { clock: name });
    if (!SUSPENSION_KINDS.includes(input.kind)) throw badRequest('CLOCK_SUSPENSION_KIND', CLOCK_ERRORS.CLOCK_SUSPENSION_KIND, { field: 'kind' });
    const reason = requireText('reason', input.reason);
    const by = requireText('by', input.by);
    const from = requireDate('from', input.from, chinaDate(tx.clock.now()));
    assertFromBase(c, 'from', from);
    if (c.suspensions.some((s) => s.to !== null && s.to > from))
      throw badRequest('CLOCK_SUSPENSION_OVERLAP', CLOCK_ERRORS.CLOCK_SUSPENSION_OVERLAP, { field: 'from' });
    if (c.dueDate !== null && from > c.dueDate) throw conflict('CLOCK_ALREADY_DUE', CLOCK_ERRORS.CLOCK_ALREADY_DUE, { dueDate: c.dueDate });
    const label = input.label?.trim() || SUSPENSION_LABELS[input.kind];
    const suspension = { id: uuidv7(tx.clock.now().getTime()), kind: input.kind, label, reason, from, to: null, by, byName: input.byName ?? null };
    return saveClock(tx, c, { suspensions: [...c.suspensions, suspension] });
  });
}
