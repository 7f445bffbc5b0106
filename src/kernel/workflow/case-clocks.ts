import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { currentCalendar, shortAreaName } from '../calendar/load-calendar.ts';
import { PROVISIONAL_NOTE, type Calendar } from '../calendar/calendar.ts';
import { caseReadable, needsHistory, partyFacts, priorActs } from './case-access.ts';
import { appendCaseEvent, lockCase } from './case-tx.ts';
import { checkWho } from './decide.ts';
import { clockSpecs, workflowOf, type CaseRow, type ClockSpec, type SuspendKind, type TransitionDef } from './define-workflow.ts';
import { caseNotFound, refusalError } from './errors.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { clockStatus, workdaysLeft } from './clocks/clock-status.ts';
import type { DeferredClockWrite } from './clocks/clock-repository.ts';
import { explainClock } from './clocks/explain-clock.ts';
import { renderExplainText } from './clocks/explain-text.ts';
import { extendClock, getClocks, restartClock, resumeClock, startClock, stopClock, suspendClock } from './clocks/clock-commands.ts';
import type { ClockChange, DeadlineClock } from './clocks/contract.ts';
import { scheduleClockTimers } from './timers.ts';
import { remindMissingNotice } from './calendar-notice-reminder.ts';

/** Start one clock for a case (today in China time unless `startDate` is given), on the case's area calendar, and schedule its timers. */
export async function startCaseClock(
  tx: AppContext,
  c: CaseRow,
  spec: ClockSpec,
  startDate?: string | null,
): Promise<{ id: string; due_date: string | null } | null> {
  const ch = await startOne(tx, c, spec, startDate);
  await refreshCaseClockSummary(tx, c.id);
  return { id: ch.clock.id, due_date: ch.clock.dueDate };
}

async function startOne(tx: AppContext, c: CaseRow, spec: ClockSpec, startDate?: string | null): Promise<ClockChange> {
  const rule = typeof spec.rule === 'function' ? await spec.rule(tx, c) : spec.rule;
  const ch = await startClock(tx, {
    caseId: c.id,
    name: spec.name,
    label: typeof spec.label === 'function' ? await spec.label(rule, c, tx) : spec.label,
    rule,
    legalBasis: typeof spec.legalBasis === 'function' ? await spec.legalBasis(c, tx) : spec.legalBasis,
    areaCode: c.area_code,
    areaPath: c.area_path,
    startDate: startDate ?? chinaDate(tx.clock.now()),
    warnWorkdays: spec.warnWorkdays,
    kind: spec.kind,
  });
  await scheduleClockTimers(tx, ch.clock);
  await remindMissingNotice(tx, await currentCalendar(tx), ch.clock);
  return ch;
}

/** Stop a clock if it is still open (met if on time, else missed). */
export async function stopCaseClock(tx: AppContext, c: Pick<CaseRow, 'id'>, name: string): Promise<void> {
  const open = (await getClocks(tx, c.id)).find((k) => k.name === name && isOpen(k));
  if (!open) return;
  await stopClock(tx, c.id, name, { at: chinaDate(tx.clock.now()) });
  await refreshCaseClockSummary(tx, c.id);
}

const isOpen = (k: DeadlineClock) => k.state === 'running' || k.state === 'paused';

export type ClockSummary = Pick<CaseRow, 'due_date' | 'clock_state'>;

/**
 * The clock effects a transition declares — stop, suspend, resume, restart, then start (from the
 * transition's `startOn` day when it gives one) — reading the case's clocks once. Returns the
 * case's new clock summary, or null when nothing was declared. `defer`: the stops are added to it
 * (saveClock) for the step's last statement to write; nothing after them here reads those rows.
 */
export async function applyTransitionClocks(
  tx: AppContext,
  c: CaseRow,
  clocks: TransitionDef['clocks'] | undefined,
  actor: Actor,
  reason: string | null,
  input?: unknown,
  opts: { write?: boolean; known?: DeadlineClock[]; defer?: DeferredClockWrite[] } = {},
): Promise<ClockSummary | null> {
  if (!clocks) return null;
  const today = chinaDate(tx.clock.now());
  // Locked here (or by the caller, who read them `known`) when a stop or restart will change them, so those need not lock them again.
  const changes = !!(clocks.stop?.length || clocks.restart?.length);
  const byName = new Map((opts.known ?? (await getClocks(tx, c.id, { forUpdate: changes }))).map((k) => [k.name, k]));
  const put = (ch: ClockChange) => byName.set(ch.clock.name, ch.clock);
  for (const name of clocks.stop ?? []) {
    const k = byName.get(name);
    if (k && isOpen(k)) put(await stopClock(tx, c.id, name, { at: today }, k, opts.defer));
  }
  for (const sp of clocks.suspend ?? []) {
    put(
      await suspendClock(tx, c.id, sp.name, {
        kind: sp.kind,
        label: sp.label,
        reason: reason ?? sp.label,
        from: today,
        by: actor.userId,
        byName: actor.displayName,
      }),
    );
  }
  for (const name of clocks.resume ?? []) {
    const ch = await resumeClock(tx, c.id, name, { to: today });
    await scheduleClockTimers(tx, ch.clock);
    put(ch);
  }
  for (const name of clocks.restart ?? []) {
    const k = byName.get(name);
    if (!k || !isOpen(k)) continue;
    const ch = await restartClock(tx, c.id, name, { at: today, reason: reason ?? '重新计算期限', by: actor.userId, byName: actor.displayName }, k);
    await scheduleClockTimers(tx, ch.clock);
    put(ch);
  }
  const from = (await clocks.startOn?.(input as never, c, tx)) ?? null;
  for (const spec of clocks.start ?? []) if (!byName.has(spec.name)) put(await startOne(tx, c, spec, from));
  return refreshCaseClockSummary(tx, c.id, [...byName.values()], opts.write ?? true);
}

/** The clocks a step starts, for a case with none yet; returns the clock summary for the caller to write with the case row. */
export async function startTransitionClocks(
  tx: AppContext,
  c: CaseRow,
  clocks: TransitionDef['clocks'] | undefined,
  input?: unknown,
): Promise<ClockSummary | null> {
  if (!clocks?.start?.length) return null;
  const from = (await clocks.startOn?.(input as never, c, tx)) ?? null;
  const started = [];
  for (const spec of clocks.start) started.push((await startOne(tx, c, spec, from)).clock);
  return refreshCaseClockSummary(tx, c.id, started, false);
}

async function afterClockChange(tx: AppContext, caseId: string, ch: ClockChange): Promise<void> {
  if (ch.clock.state === 'running' && ch.clock.dueDate) await scheduleClockTimers(tx, ch.clock);
  await refreshCaseClockSummary(tx, caseId);
}

/**
 * Keep the worklist's denormalised columns current: the nearest due date of the running
 * clocks and the case's clock state (overdue > due soon > running > paused). A period (公示期)
 * is never due soon nor overdue, and its end is the due date only when no deadline runs.
 */
export async function refreshCaseClockSummary(tx: AppContext, caseId: string, known?: DeadlineClock[], write = true): Promise<ClockSummary> {
  const cal = await currentCalendar(tx);
  const today = chinaDate(tx.clock.now());
  const open = (known ?? (await getClocks(tx, caseId))).filter(isOpen);
  const statuses = open.map((k) => clockStatus(k, today, cal)).map((s) => (s === 'elapsed' ? 'running' : s));
  const nearest = (kind: DeadlineClock['kind']) =>
    open
      .filter((k) => k.kind === kind && k.state === 'running' && k.dueDate)
      .map((k) => k.dueDate!)
      .sort()[0] ?? null;
  const due = nearest('deadline') ?? nearest('period');
  const state = statuses.includes('overdue')
    ? 'overdue'
    : statuses.includes('due_soon')
      ? 'due_soon'
      : statuses.includes('running')
        ? 'running'
        : statuses.includes('paused')
          ? 'paused'
          : null;
  if (write) await tx.db.updateTable('core.case').set({ due_date: due, clock_state: state }).where('id', '=', caseId).execute();
  return { due_date: due, clock_state: state };
}

/** Clocks as the case page shows them. */
export async function caseClockViews(ctx: AppContext, c: Pick<CaseRow, 'id'>) {
  const cal = await currentCalendar(ctx);
  const today = chinaDate(ctx.clock.now());
  return (await getClocks(ctx, c.id)).map((k) => ({
    name: k.name,
    label: k.label,
    kind: k.kind,
    rule: k.rule,
    legalBasis: k.legalBasis,
    startDate: k.startDate,
    dueDate: k.dueDate,
    state: k.state,
    stoppedOn: k.stoppedAt ? chinaDate(k.stoppedAt) : null,
    status: clockStatus(k, today, cal),
    workdaysLeft: k.state === 'running' && k.dueDate ? workdaysLeft(k, today, cal) : null,
    daysLeft: k.state === 'running' && k.dueDate ? (Date.parse(k.dueDate) - Date.parse(today)) / 86_400_000 : null,
    calendarNote: provisionalNote(cal, k, today),
    suspensions: [...k.suspensions],
    extensions: [...k.extensions],
    restarts: [...k.restarts],
    calendarVersion: k.calendarVersion,
  }));
}

/**
 * 「2027 年：该年放假安排未发布，按法定节日推算」 when the clock's period (start to due date; to today
 * while paused) runs over a year without a State Council notice, else null.
 */
export function provisionalNote(cal: Calendar, k: Pick<DeadlineClock, 'startDate' | 'dueDate'>, today: string): string | null {
  const years = cal.provisionalYears(k.startDate, k.dueDate ?? (today > k.startDate ? today : k.startDate));
  return years.length ? `${years.join('、')} 年：${PROVISIONAL_NOTE}` : null;
}

/** 「为什么是这一天」 for one clock of a case the actor can read. */
export async function explainCaseClock(ctx: AppContext, actor: Actor, caseId: string, name: string) {
  const type = await ctx.db.selectFrom('core.case').select('type').where('id', '=', caseId).executeTakeFirst();
  if (!type) throw caseNotFound();
  const visible = await ctx.db
    .selectFrom('core.case as c')
    .select('c.id')
    .where('c.id', '=', caseId)
    .where(caseReadable(actor, workflowOf(type.type).readPermission))
    .executeTakeFirst();
  if (!visible) throw caseNotFound();
  const clock = (await getClocks(ctx, caseId)).find((k) => k.name === name);
  if (!clock) throw new AppError('CLOCK_NOT_FOUND', 404, '该案件没有这一期限');
  // The 「适用地区」 line names every area on the path (宁夏 › 固原市 › 隆德县 › 城关镇), not only those with calendar rows.
  const areas = await ctx.db.selectFrom('core.area').select(['code', 'name', 'level']).where('code', 'in', clock.areaPath.split('.')).execute();
  const areaNames = Object.fromEntries(areas.map((a) => [a.code, shortAreaName(a.name, a.level)]));
  const trace = explainClock(await currentCalendar(ctx), clock, { areaNames });
  return { clock: { name: clock.name, label: clock.label, dueDate: clock.dueDate, state: clock.state }, trace, text: renderExplainText(trace) };
}

type ClockReq = { caseId: string; clockName: string };

async function controlled(
  ctx: AppContext,
  actor: Actor,
  req: ClockReq,
  which: 'suspendPermission' | 'extendPermission',
  label: string,
  fn: (tx: AppContext, c: CaseRow, clock: DeadlineClock) => Promise<ClockChange>,
  audit: (ch: ClockChange) => Record<string, unknown>,
) {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId);
    const control = workflowOf(c.type).clockControl;
    if (!control) throw new AppError('CLOCK_CONTROL_NOT_SUPPORTED', 400, '该类案件的期限不能中止或延长');
    // 中止 and 恢复 are the suspension rule's party's (default the holder); 延期 the holder's.
    const rule = which === 'suspendPermission' ? clockSpecs(workflowOf(c.type)).find((k) => k.name === req.clockName)?.suspendable : undefined;
    const who = { permission: control[which], party: rule?.party, aboveOrgOf: rule?.aboveOrgOf, directlyAbove: rule?.directlyAbove };
    const refusal = checkWho(who, label, partyFacts(actor, c, needsHistory([who]) ? await priorActs(tx, c.id) : undefined));
    if (refusal) throw refusalError(refusal);
    const clock = (await getClocks(tx, c.id)).find((k) => k.name === req.clockName);
    if (!clock) throw new AppError('CLOCK_NOT_FOUND', 404, '该案件没有这一期限');
    const ch = await fn(tx, c, clock);
    await afterClockChange(tx, c.id, ch);
    const a = await recordAudit(tx, {
      actor,
      action: `deadline.${label}`,
      entityType: 'case',
      entityId: c.id,
      before: { dueDate: ch.previousDue },
      after: { clock: clock.name, dueDate: ch.clock.dueDate, ...audit(ch) },
      areaCode: c.area_code,
      areaPath: c.area_path,
      orgUnitId: c.org_unit_id,
    });
    await appendCaseEvent(tx, actor, c.id, {
      transition: `clock.${which === 'extendPermission' ? 'extend' : label === '恢复计算' ? 'resume' : 'suspend'}`,
      from: c.state,
      to: c.state,
      input: { clock: clock.name, dueDate: ch.clock.dueDate },
      auditEventId: a.id,
    });
    return { dueDate: ch.clock.dueDate, state: ch.clock.state };
  });
}

export function suspendDeadline(ctx: AppContext, actor: Actor, req: ClockReq & { kind: SuspendKind; reason: string }) {
  return controlled(
    ctx,
    actor,
    req,
    'suspendPermission',
    '中止',
    (tx, c, clock) =>
      mustBeSuspendable(actor, c, clock, req.kind) ||
      suspendClock(tx, c.id, req.clockName, {
        kind: req.kind,
        reason: req.reason,
        from: chinaDate(tx.clock.now()),
        by: actor.userId,
        byName: actor.displayName,
      }),
    () => ({ kind: req.kind, reason: req.reason }),
  );
}

export function resumeDeadline(ctx: AppContext, actor: Actor, req: ClockReq) {
  return controlled(
    ctx,
    actor,
    req,
    'suspendPermission',
    '恢复计算',
    (tx, c) => resumeClock(tx, c.id, req.clockName, { to: chinaDate(tx.clock.now()) }),
    () => ({}),
  );
}

export function extendDeadline(ctx: AppContext, actor: Actor, req: ClockReq & { n: number; unit: 'workdays' | 'days' | 'months'; reason: string }) {
  return controlled(
    ctx,
    actor,
    req,
    'extendPermission',
    '延期',
    async (tx, c, clock) => {
      const limit = workflowOf(c.type).clockControl!.extendable[clock.name];
      const max = typeof limit === 'function' ? await limit(tx, c) : limit;
      if (!max) throw new AppError('CLOCK_NOT_EXTENDABLE', 409, `「${clock.label}」不能延长`);
      if (req.unit !== max.unit || req.n > max.n)
        throw new AppError('EXTENSION_TOO_LONG', 400, `「${clock.label}」最多延长 ${max.n}${unitLabel(max.unit)}`, { field: 'n' });
      if (clock.extensions.length >= (max.times ?? 1)) throw new AppError('EXTENSION_LIMIT', 409, `「${clock.label}」只能延长 ${max.times ?? 1} 次`);
      const ch = await extendClock(tx, c.id, req.clockName, {
        n: req.n,
        unit: req.unit,
        approvedBy: actor.userId,
        approvedByName: actor.displayName,
        reason: req.reason,
        at: chinaDate(tx.clock.now()),
      });
      await workflowOf(c.type).clockControl!.onExtended?.({ tx, case: c, clock: clock.name, actor });
      return ch;
    },
    () => ({ n: req.n, unit: req.unit, reason: req.reason }),
  );
}

/**
 * A clock may be suspended only as its definition allows (kinds, party); a clock without a
 * suspension rule — and any clock a module starts itself — cannot be. Throws, or returns false.
 */
function mustBeSuspendable(actor: Actor, c: CaseRow, clock: DeadlineClock, kind: SuspendKind): false {
  const def = workflowOf(c.type);
  const rule = clockSpecs(def).find((k) => k.name === clock.name)?.suspendable;
  if (!rule) throw new AppError('CLOCK_NOT_SUSPENDABLE', 409, `「${clock.label}」依法不能中止计算`);
  if (!rule.kinds.includes(kind))
    throw new AppError('CLOCK_SUSPEND_KIND', 409, `「${clock.label}」不能因「${SUSPEND_KIND_LABEL[kind]}」中止`, { field: 'kind' });
  const refusal = checkWho({ permission: def.clockControl!.suspendPermission, party: rule.party }, `中止「${clock.label}」`, partyFacts(actor, c));
  if (refusal) throw refusalError(refusal);
  return false;
}

const SUSPEND_KIND_LABEL: Record<SuspendKind, string> = {
  correction: '补正',
  third_party: '征求第三方意见',
  appraisal: '鉴定',
  hearing: '听证',
  other: '其他',
};

const unitLabel = (u: string) => ({ workdays: '个工作日', days: '日', months: '个月' })[u] ?? u;
