import type { AppContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { partyFacts } from './case-access.ts';
import { checkWho } from './decide.ts';
import { workflowOf, type CaseRow, type HandoffKind } from './define-workflow.ts';
import { refusalError } from './errors.ts';
import { inHandoffWords } from './step-labels.ts';

export const HANDOFF_KINDS: readonly HandoffKind[] = ['transfer', 'assign'];

/**
 * The one rule of whether `actor` may hand case `c` off by `kind` now (转办/交办): null when she may, else the
 * refusal. `handOff` throws it; the case page offers a hand-off only where it is null (`actions.canHandoff`,
 * `actions.handoffKinds`), so the console never shows a move the server refuses.
 */
export async function handoffRefusal(tx: AppContext, actor: Actor, c: CaseRow, kind: HandoffKind): Promise<AppError | null> {
  const def = workflowOf(c.type);
  const policy = def.handoff;
  const word = inHandoffWords(def, kind === 'transfer' ? '转办' : '交办');
  if (!policy || !(policy.kinds ?? HANDOFF_KINDS).includes(kind)) return badRequest('HANDOFF_NOT_ALLOWED', `「${def.label}」不办理${word}`);
  if (c.terminal) return new AppError('CASE_CLOSED', 409, inHandoffWords(def, '案件已办结，不能转办'));
  if (c.pending_handoff) return new AppError('PENDING_HANDOFF', 409, inHandoffWords(def, '案件尚待签收，不能再次转办'));
  if (!policy.from.includes(c.state)) return new AppError('STATE_NOT_ALLOWED', 409, `当前环节「${def.states[c.state]?.label ?? c.state}」不能${word}`);
  const refusal = checkWho({ permission: policy.permission }, word, partyFacts(actor, c));
  if (refusal) return refusalError(refusal);
  const closed = await policy.closedFor?.(tx, c);
  return closed ? new AppError('HANDOFF_NOT_OPEN', 409, closed) : null;
}
