import type { AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { CalendarChange } from '../../calendar/change-hooks.ts';
import { onCalendarChange } from '../../calendar/change-hooks.ts';
import { currentCalendar } from '../../calendar/load-calendar.ts';
import { SYSTEM_ACTOR } from '../../identity/actor.ts';
import { lockClock, noteClockWrite, toClock } from './clock-repository.ts';
import { computeDue } from './compute-due.ts';
import type { ClockChange, DeadlineClock } from './contract.ts';

/** Called inside the calendar's transaction for each clock whose due date moved. */
export type OnDueChanged = (tx: AppContext, clock: DeadlineClock, previousDue: string | null) => Promise<void>;

/**
 * Recompute the open (running / paused) clocks a calendar change can affect: those whose area
 * lies under a changed day's area (a national day: every area), that started on or before the
 * changed day and whose due date is not before it (a due date depends only on the days up to
 * it). Each moved due date is stored, audited ('deadline.recomputed') and returned, and
 * onDueChanged runs for it, so the workflow layer can reschedule timers and notify.
 */
export async function recomputeOpenClocks(tx: AppContext, change: CalendarChange, onDueChanged?: OnDueChanged): Promise<ClockChange[]> {
  if (!change.changes.length) return [];
  const candidates = await tx.db
    .selectFrom('core.deadline_clock')
    .select(['case_id', 'name'])
    .where('state', 'in', ['running', 'paused'])
    .where((eb) =>
      eb.or(
        change.changes.map((c) =>
          eb.and([
            eb('start_date', '<=', c.date),
            eb.or([eb('due_date', 'is', null), eb('due_date', '>=', c.date)]),
            ...(c.areaPath === null ? [] : [eb.or([eb('area_path', '=', c.areaPath), eb('area_path', 'like', `${c.areaPath}.%`)])]),
          ]),
        ),
      ),
    )
    .orderBy('case_id')
    .orderBy('name')
    .execute();
  if (!candidates.length) return [];
  const calendar = await currentCalendar(tx);
  const out: ClockChange[] = [];
  for (const { case_id, name } of candidates) {
    // Locked one by one by (case_id, name): a single-shard statement on Citus, and a clock
    // command running now either finishes first or waits for this recomputation.
    const before = await lockClock(tx, case_id, name);
    if (before.state !== 'running' && before.state !== 'paused') continue;
    const dueDate = computeDue(calendar, before);
    const now = tx.clock.now();
    noteClockWrite(tx);
    const updated = await tx.db
      .updateTable('core.deadline_clock')
      .set({ due_date: dueDate, calendar_version: calendar.version, updated_at: now })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (dueDate === before.dueDate) continue;
    const clock = toClock(updated);
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'deadline.recomputed',
      entityType: 'deadline_clock',
      entityId: clock.id,
      before: { caseId: clock.caseId, name: clock.name, dueDate: before.dueDate, calendarVersion: before.calendarVersion },
      after: { caseId: clock.caseId, name: clock.name, dueDate, calendarVersion: calendar.version },
      reason: `工作日日历调整（v${change.version}）：${change.reason}`,
      areaCode: clock.areaCode,
      areaPath: clock.areaPath,
      orgUnitId: null,
    });
    if (onDueChanged) await onDueChanged(tx, clock, before.dueDate);
    out.push({ clock, dueChanged: true, previousDue: before.dueDate });
  }
  return out;
}

let unregister: (() => void) | null = null;

/**
 * Subscribe recomputeOpenClocks to calendar changes; call once at boot. Calling it again
 * replaces the earlier subscription (and its callback) instead of adding a second one.
 * Returns the unsubscribe function.
 */
export function registerClockRecompute(onDueChanged?: OnDueChanged): () => void {
  unregister?.();
  const off = onCalendarChange(async (tx, change) => {
    await recomputeOpenClocks(tx, change, onDueChanged);
  });
  unregister = () => {
    off();
    unregister = null;
  };
  return unregister;
}
