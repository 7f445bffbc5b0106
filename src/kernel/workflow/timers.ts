import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import type { JobHandler } from '../../platform/jobs.ts';
import { registerJobHandler } from '../../platform/jobs/registry.ts';
import { chinaMidnight } from '../../platform/china-time.ts';
import { SYSTEM_ACTOR } from '../identity/actor.ts';
import { currentCalendar } from '../calendar/load-calendar.ts';
import type { Calendar } from '../calendar/calendar.ts';
import { addDaysIso } from '../calendar/dates.ts';
import { notify } from '../notify/notify.ts';
import type { DeadlineClock } from './clocks/contract.ts';
import { clockSpecs, workflowOf, type CaseRow } from './define-workflow.ts';
import { decide } from './decide.ts';
import { stopClock } from './clocks/clock-commands.ts';
import { noteClockWrite } from './clocks/clock-repository.ts';
import { runTransition } from './step.ts';
import { refreshCaseClockSummary } from './case-clocks.ts';
import { issueSupervision } from './supervise.ts';

export const REMIND_JOB = 'deadline.remind';
export const OVERDUE_JOB = 'deadline.overdue';

/** The date `n` working days before `due` on the area's calendar (the reminder day). */
export function warnDate(cal: Calendar, due: string, n: number, areaPath: string): string {
  let d = due;
  let left = n;
  while (left > 0) {
    d = addDaysIso(d, -1);
    if (cal.isWorkday(d, areaPath).workday) left--;
  }
  return d;
}

/**
 * Durable timers for a running clock: a reminder on the warn day, then the overdue mark at
 * 24:00 of the due date. One job is queued at a time — the reminder's handler queues the
 * overdue job in its own transaction — and each carries the due date, so a recomputed due
 * gets fresh timers while the stale ones find nothing to do.
 */
export async function scheduleClockTimers(tx: AppContext, clock: DeadlineClock): Promise<void> {
  if (!clock.dueDate || clock.state !== 'running') return;
  const cal = await currentCalendar(tx);
  const remindAt = chinaMidnight(warnDate(cal, clock.dueDate, clock.warnWorkdays, clock.areaPath));
  const overdueAt = overdueInstant(clock.dueDate);
  const base = { clockId: clock.id, caseId: clock.caseId, due: clock.dueDate };
  // A period (公示期) has no reminder: nobody has to act before it ends.
  if (clock.kind !== 'period' && clock.remindedFor !== clock.dueDate && remindAt < overdueAt)
    await sendAt(tx, REMIND_JOB, { ...base, at: remindAt.toISOString() }, remindAt);
  else if (clock.overdueFor !== clock.dueDate) await sendAt(tx, OVERDUE_JOB, { ...base, at: overdueAt.toISOString() }, overdueAt);
}

const overdueInstant = (due: string) => new Date(chinaMidnight(due).getTime() + 86_400_000);

async function sendAt(tx: AppContext, name: string, data: TimerData, at: Date): Promise<void> {
  const now = tx.clock.now();
  await tx.jobs.send(tx, name, data, { startAfter: at > now ? at : now });
}

type TimerData = { clockId: string; caseId: string; due: string; at: string };

/**
 * Business time decides, not the queue's clock: a timer delivered before its instant by the
 * application clock (clock skew between hosts; a test's clock) is put back for the remaining
 * time instead of firing early.
 */
async function tooEarly(ctx: AppContext, name: string, d: TimerData): Promise<boolean> {
  const left = new Date(d.at).getTime() - ctx.clock.now().getTime();
  if (left <= 0) return false;
  await ctx.jobs.send(ctx, name, d, { startAfter: new Date(Date.now() + left) });
  return true;
}

/** Lock the clock and case; null when the timer is stale (clock stopped, due moved, already fired). */
async function claim(tx: AppContext, d: TimerData, column: 'reminded_for' | 'overdue_for') {
  const clock = await tx.db.selectFrom('core.deadline_clock').selectAll().where('id', '=', d.clockId).forUpdate().executeTakeFirst();
  if (!clock || clock.state !== 'running' || clock.due_date !== d.due || clock[column] === d.due) return null;
  noteClockWrite(tx);
  await tx.db
    .updateTable('core.deadline_clock')
    .set({ [column]: d.due, updated_at: tx.clock.now() })
    .where('id', '=', clock.id)
    .execute();
  const c = (await tx.db.selectFrom('core.case').selectAll().where('id', '=', clock.case_id).forUpdate().executeTakeFirstOrThrow()) as CaseRow;
  return { clock, c };
}

export const remindHandler: JobHandler = async (ctx, data) => {
  const d = data as TimerData;
  if (await tooEarly(ctx, REMIND_JOB, d)) return;
  await withTx(ctx, async (tx) => {
    const got = await claim(tx, d, 'reminded_for');
    if (!got) return;
    await refreshCaseClockSummary(tx, got.c.id);
    await notify(tx, {
      orgUnitId: got.c.org_unit_id,
      caseId: got.c.id,
      kind: 'deadline.due_soon',
      dedupeKey: `remind:${d.clockId}:${d.due}`,
      title: `即将到期：${got.c.ref_no} ${got.c.title}`,
      body: `「${got.clock.label}」将于 ${d.due} 届满，请抓紧办理。`,
    });
    const at = overdueInstant(d.due);
    await sendAt(tx, OVERDUE_JOB, { ...d, at: at.toISOString() }, at);
  });
};

export const overdueHandler: JobHandler = async (ctx, data) => {
  const d = data as TimerData;
  if (await tooEarly(ctx, OVERDUE_JOB, d)) return;
  await withTx(ctx, async (tx) => {
    const got = await claim(tx, d, 'overdue_for');
    if (!got) return;
    if (await fireOnDue(tx, got.c, got.clock.name, got.clock.label, d.due)) return;
    await refreshCaseClockSummary(tx, got.c.id);
    if (got.clock.kind === 'period') {
      // A period that has run out is 期满, not overdue: the holder may now take the next step; no 督办.
      await notify(tx, {
        orgUnitId: got.c.org_unit_id,
        caseId: got.c.id,
        kind: 'deadline.elapsed',
        dedupeKey: `elapsed:${d.clockId}:${d.due}`,
        title: `期满：${got.c.ref_no} ${got.c.title}`,
        body: `「${got.clock.label}」已于 ${d.due} 期满，可以办理下一步。`,
      });
      return;
    }
    await notify(tx, {
      orgUnitId: got.c.org_unit_id,
      caseId: got.c.id,
      kind: 'deadline.overdue',
      dedupeKey: `overdue:${d.clockId}:${d.due}`,
      title: `已超期：${got.c.ref_no} ${got.c.title}`,
      body: `「${got.clock.label}」已于 ${d.due} 届满。`,
    });
    const policy = workflowOf(got.c.type).supervision;
    if (policy && got.c.supervising_org_id && !got.clock.name.startsWith('supervise:')) {
      await issueSupervision(tx, got.c, {
        kind: 'auto',
        fromOrgId: got.c.supervising_org_id,
        actor: SYSTEM_ACTOR,
        dedupeKey: `auto:${d.clockId}:${d.due}`,
        reason: `「${got.clock.label}」已于 ${d.due} 届满未办结，系统自动督办`,
      });
    }
  });
};

/**
 * A clock with `onDue` is a trigger, not a deadline to miss: when it runs out the system takes
 * the named transition through the one step (if the case is still where that transition starts).
 */
async function fireOnDue(tx: AppContext, c: CaseRow, name: string, label: string, due: string): Promise<boolean> {
  const def = workflowOf(c.type);
  const onDue = clockSpecs(def).find((k) => k.name === name)?.onDue;
  if (!onDue) return false;
  if (!decide(def, { state: c.state, terminal: c.terminal, pendingHandoff: c.pending_handoff }, onDue, null).ok) return true;
  // The period ran its full course: the clock is met on its last day, whatever the transition stops.
  await stopClock(tx, c.id, name, { at: due });
  await runTransition(tx, SYSTEM_ACTOR, {
    caseId: c.id,
    name: onDue,
    skipWho: true,
    comment: `「${label}」已于 ${due} 届满，系统自动办理`,
    note: { clock: name, due },
  });
  return true;
}

registerJobHandler(REMIND_JOB, remindHandler);
registerJobHandler(OVERDUE_JOB, overdueHandler);
