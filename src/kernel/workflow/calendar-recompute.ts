import { notify } from '../notify/notify.ts';
import { refreshCaseClockSummary } from './case-clocks.ts';
import { registerClockRecompute } from './clocks/clock-commands.ts';
import { scheduleClockTimers } from './timers.ts';

let installed = false;

/**
 * When the calendar changes, open clocks are recomputed (and audited) by the clocks module;
 * here each moved due date gets fresh timers, the worklist columns, and a notice to the holder.
 */
export function installClockRecompute(): void {
  if (installed) return;
  installed = true;
  registerClockRecompute(async (tx, clock, previousDue) => {
    await scheduleClockTimers(tx, clock);
    await refreshCaseClockSummary(tx, clock.caseId);
    const c = await tx.db.selectFrom('core.case').select(['org_unit_id', 'ref_no', 'title']).where('id', '=', clock.caseId).executeTakeFirst();
    if (!c) return;
    await notify(tx, {
      orgUnitId: c.org_unit_id,
      caseId: clock.caseId,
      kind: 'deadline.recomputed',
      title: `期限调整：${c.ref_no} ${c.title}`,
      body: `因工作日日历调整，「${clock.label}」的届满日由 ${previousDue ?? '未定'} 改为 ${clock.dueDate ?? '未定'}。`,
      dedupeKey: `recompute:${clock.id}:${previousDue}:${clock.dueDate}`,
    });
  });
}
