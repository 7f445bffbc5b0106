import { withTx, type AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { partyFacts } from './case-access.ts';
import { applyTransitionClocks } from './case-clocks.ts';
import { lockCase, writeCaseChange } from './case-tx.ts';
import { decide } from './decide.ts';
import { workflowOf, type CaseRow } from './define-workflow.ts';
import { refusalError, WORKFLOW_ERRORS } from './errors.ts';

export type TransitionRequest = {
  caseId: string;
  transition: string;
  input?: unknown;
  comment?: string | null;
  /** The version the actor saw; a stale one gets 409 and nothing changes. */
  expectedVersion?: number;
};

/**
 * The one way a case moves: lock, check (pure `decide`), parse input, run the module's effect,
 * move clocks, bump the version, append the event linked to the audit chain — one transaction.
 */
export async function applyTransition(ctx: AppContext, actor: Actor, req: TransitionRequest): Promise<CaseRow> {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const def = workflowOf(c.type);
    const d = decide(def, { state: c.state, terminal: c.terminal, pendingHandoff: c.pending_handoff }, req.transition, partyFacts(actor, c));
    if (!d.ok) throw refusalError(d);
    const t = d.transition;
    let input: unknown = req.input;
    if (t.input) {
      const parsed = t.input.safeParse(req.input ?? {});
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw badRequest('VALIDATION_FAILED', `「${i.path.join('.') || '输入'}」${i.message}`, {
          fields: parsed.error.issues.map((x) => ({ field: x.path.join('.'), message: x.message })),
        });
      }
      input = parsed.data;
    }
    const comment = req.comment?.trim() || null;
    if (t.reasonRequired && !comment) throw badRequest('REASON_REQUIRED', WORKFLOW_ERRORS.REASON_REQUIRED, { field: 'comment' });
    const patch = await t.effect?.({ tx, case: c, input, actor });
    const next = await writeCaseChange(tx, actor, c, { transition: req.transition, to: d.to, input, comment, patch });
    const clocks = await applyTransitionClocks(tx, next, t.clocks, actor, comment);
    return clocks ? { ...next, ...clocks } : next;
  });
}
