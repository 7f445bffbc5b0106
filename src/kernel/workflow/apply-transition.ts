import { withTx, type AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';
import type { CaseRow } from './define-workflow.ts';
import { runAction, runTransition } from './step.ts';

export type TransitionRequest = {
  caseId: string;
  transition: string;
  input?: unknown;
  comment?: string | null;
  /** The version the actor saw; a stale one gets 409 and nothing changes. */
  expectedVersion?: number;
};

/** A user's move, in its own transaction (or the caller's): the one step (`runTransition`). */
export async function applyTransition(ctx: AppContext, actor: Actor, req: TransitionRequest): Promise<CaseRow> {
  return withTx(ctx, (tx) =>
    runTransition(tx, actor, { caseId: req.caseId, name: req.transition, input: req.input, comment: req.comment, expectedVersion: req.expectedVersion }),
  );
}

/** A system move (SYSTEM_ACTOR, timers, sweeps, automatic decisions): the same step, who-check declared away. */
export async function applySystemTransition(ctx: AppContext, actor: Actor, req: TransitionRequest & { note?: Record<string, unknown> }): Promise<CaseRow> {
  return withTx(ctx, (tx) =>
    runTransition(tx, actor, {
      caseId: req.caseId,
      name: req.transition,
      input: req.input,
      comment: req.comment,
      expectedVersion: req.expectedVersion,
      note: req.note,
      skipWho: true,
    }),
  );
}

/** A case action (no state change; on the timeline and the audit chain) in one transaction. */
export async function applyAction<R = unknown>(
  ctx: AppContext,
  actor: Actor,
  req: { caseId: string; action: string; input?: unknown; comment?: string | null; type?: string },
): Promise<R> {
  return withTx(
    ctx,
    async (tx) => (await runAction<R>(tx, actor, { caseId: req.caseId, name: req.action, input: req.input, comment: req.comment, type: req.type })).result,
  );
}
