import type { AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../identity/actor.ts';
import { needsHistory, partyFacts, priorActs } from './case-access.ts';
import { applyTransitionClocks } from './case-clocks.ts';
import { caseEventWrites, checkLockedCase, lockCase, nextCaseRow, saveCaseChange } from './case-tx.ts';
import { clockWriteCount, type DeferredClockWrite } from './clocks/clock-repository.ts';
import { lockCaseWithClocks, type StepLock } from './lock-for-step.ts';
import { checkWho, decide } from './decide.ts';
import { workflowOf, type CaseRow, type Schema } from './define-workflow.ts';
import { caseNotFound, refusalError, WORKFLOW_ERRORS } from './errors.ts';
import { notifyHandover } from './next-step.ts';

export type StepRequest = {
  caseId: string;
  /** The transition (or, for runAction, the action) to take. */
  name: string;
  input?: unknown;
  comment?: string | null;
  /** The version the actor saw; a stale one gets 409 and nothing changes. */
  expectedVersion?: number;
  /**
   * The caller declares that the who-check and read scope do not apply: a system move
   * (SYSTEM_ACTOR), or a sign-off outcome its parties decided. State and input are still checked.
   */
  skipWho?: boolean;
  /** Recorded with the event beside the parsed input (e.g. which sign-off decided the move). */
  note?: Record<string, unknown>;
  /** The case type the caller expects; another type reads as "not found". */
  type?: string;
};

/** A step's input parsed with its schema (400 naming the field), or as given when it declares none. */
const stepInput = (schema: Schema, raw: unknown): unknown => (schema ? parseInput(schema, raw) : raw);

async function lockFor(tx: AppContext, actor: Actor, req: StepRequest): Promise<CaseRow> {
  const c = await lockCase(tx, req.skipWho ? null : actor, req.caseId, req.expectedVersion);
  if (req.type && c.type !== req.type) throw caseNotFound();
  return c;
}

/** lockFor with the case's clocks and the calendar version read in the same statement. */
async function lockWithClocks(tx: AppContext, actor: Actor, req: StepRequest): Promise<StepLock> {
  const lock = await lockCaseWithClocks(tx, req.caseId);
  await checkLockedCase(tx, req.skipWho ? null : actor, lock?.c, req.expectedVersion);
  if (req.type && lock!.c.type !== req.type) throw caseNotFound();
  return lock!;
}

const withNote = (input: unknown, note?: Record<string, unknown>) => (note ? { ...(input && typeof input === 'object' ? input : {}), ...note } : input);

/**
 * The one step every move takes — user moves, system moves, sign-off outcomes, timers and
 * sweeps: lock → state and who check (`decide`) → input → reason → the module's effect → clocks →
 * case row (version + 1, clock summary) → audit → case event. Runs in the caller's transaction.
 */
export async function runTransition(tx: AppContext, actor: Actor, req: StepRequest): Promise<CaseRow> {
  const lock = await lockWithClocks(tx, actor, req);
  const c = lock.c;
  const def = workflowOf(c.type);
  const rule = def.transitions[req.name]?.who;
  const history = rule && needsHistory([rule]) ? await priorActs(tx, c.id) : undefined;
  const d = decide(
    def,
    { state: c.state, terminal: c.terminal, pendingHandoff: c.pending_handoff },
    req.name,
    req.skipWho ? null : partyFacts(actor, c, history),
  );
  if (!d.ok) throw refusalError(d);
  const t = d.transition;
  const input = stepInput(t.input, req.input);
  const comment = req.comment?.trim() || null;
  if (t.reasonRequired && !comment) throw badRequest('REASON_REQUIRED', WORKFLOW_ERRORS.REASON_REQUIRED, { field: 'comment' });
  const patch = await t.effect?.({ tx, case: c, input: input as never, actor });
  const change = { transition: req.name, to: d.to, input: withNote(input, req.note), comment, patch };
  // Clocks first, so the case row is written once with its new clock summary; audit and event last.
  const moved = await nextCaseRow(tx, c, change);
  // The clocks read with the lock, unless the effect has written clocks since.
  const known = lock.clocks && clockWriteCount(tx) === lock.clockWrites ? lock.clocks : undefined;
  // The clocks it stops are written by the last statement, with the case row and the audit event.
  const deferred: DeferredClockWrite[] = [];
  const clocks = await applyTransitionClocks(tx, moved, t.clocks, actor, comment, input, { write: false, known, defer: deferred });
  const next = clocks ? { ...moved, ...clocks } : moved;
  await saveCaseChange(tx, actor, c, next, change, lock.head, deferred);
  await notifyHandover(tx, actor, def, next, t.label);
  return next;
}

/**
 * A case action through the same step, without a state change: lock → `from` and who check →
 * input → reason → effect → audit → case event. Returns what the effect returned.
 */
export async function runAction<R = unknown>(tx: AppContext, actor: Actor, req: StepRequest): Promise<{ case: CaseRow; result: R }> {
  const c = await lockFor(tx, actor, req);
  const def = workflowOf(c.type);
  const a = def.actions?.[req.name];
  if (!a) throw badRequest('ACTION_UNKNOWN', `「${def.label}」没有「${req.name}」这一操作`);
  if (a.from && !a.from.includes(c.state))
    throw refusalError({ ok: false, code: 'STATE_NOT_ALLOWED', message: `当前环节「${def.states[c.state]?.label ?? c.state}」不能执行「${a.label}」` });
  if (!req.skipWho) {
    const history = needsHistory([a.who]) ? await priorActs(tx, c.id) : undefined;
    const refusal = checkWho(a.who, a.label, partyFacts(actor, c, history));
    if (refusal) throw refusalError(refusal);
  }
  const input = stepInput(a.input, req.input);
  const comment = req.comment?.trim() || null;
  if (a.reasonRequired && !comment) throw badRequest('REASON_REQUIRED', WORKFLOW_ERRORS.REASON_REQUIRED, { field: 'comment' });
  const result = (await a.effect?.({ tx, case: c, input: input as never, actor })) as R;
  await recordCaseAct(tx, actor, c, { name: req.name, input: withNote(input, req.note), comment });
  return { case: c, result };
}

/**
 * An act on a case that changes no state (sign-off steps, 督办, actions): an audit entry and the
 * case event linked to it, in one statement.
 */
export async function recordCaseAct(tx: AppContext, actor: Actor, c: CaseRow, act: { name: string; input?: unknown; comment?: string | null }): Promise<void> {
  await recordAudit(
    tx,
    {
      actor,
      action: `${c.type}.${act.name}`,
      entityType: 'case',
      entityId: c.id,
      after: { state: c.state, input: act.input ?? null },
      reason: act.comment ?? null,
      areaCode: c.area_code,
      areaPath: c.area_path,
      orgUnitId: c.org_unit_id,
    },
    (auditEventId) =>
      caseEventWrites(
        tx,
        actor,
        c.id,
        { transition: act.name, from: c.state, to: c.state, input: act.input, comment: act.comment ?? null, auditEventId },
        true,
      ),
  );
}
