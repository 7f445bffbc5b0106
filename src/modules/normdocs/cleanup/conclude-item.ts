import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { NORMDOC_ERRORS } from '../contract.ts';
import { CleanupConclusionInput } from './inputs.ts';
import { lockCleanup } from './load-cleanup.ts';

/** One document's conclusion (继续有效 / 修改 / 废止 / 宣布失效 + 理由), changeable until the campaign is closed. */
export async function concludeCleanupItem(ctx: AppContext, actor: Actor, cleanupId: string, caseId: string, raw: unknown) {
  requirePermission(actor, 'normdocs.review');
  const input = parseInput(CleanupConclusionInput, raw);
  return withTx(ctx, async (tx) => {
    await lockCleanup(tx, actor, cleanupId, { open: true });
    const r = await sql`update normdocs.cleanup_item set conclusion = ${input.conclusion}, reason = ${input.reason}, concluded_by_name = ${actor.displayName}
      where cleanup_id = ${cleanupId} and case_id = ${caseId}`.execute(tx.db);
    if (!Number(r.numAffectedRows)) throw new AppError('NORMDOC_CLEANUP_ITEM_NOT_FOUND', 404, NORMDOC_ERRORS.CLEANUP_ITEM_NOT_FOUND);
    return { caseId, ...input };
  });
}
