import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { POLICYQA_ERRORS } from '../contracts/vocab.ts';
import { FlagInput, ReviewInput } from '../contracts/http.ts';
import { flagAnswersForDocument } from './flag-answers.ts';
import { entryForWrite, scopeSql } from './read-entries.ts';

/** 标记待复核 for one entry (e.g. a national policy without a register entry was amended). */
export async function flagEntry(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(FlagInput, raw);
  return withTx(ctx, async (tx) => {
    const e = await entryForWrite(tx, actor, 'policyqa.review', id);
    if (e.status !== 'published') throw new AppError('POLICYQA_STATE', 409, '只有已发布的问答可以标记待复核');
    const now = tx.clock.now();
    await sql`update policyqa.entry set status = 'flagged', flag_reason = ${input.reason}, flagged_at = ${now}, updated_at = ${now} where id = ${id}`.execute(
      tx.db,
    );
    await recordAudit(tx, {
      actor,
      action: 'policyqa.flag',
      entityType: 'policyqa_entry',
      entityId: id,
      areaPath: e.area_path,
      orgUnitId: e.org_unit_id,
      after: input,
    });
    return { flagged: 1, ids: [id] };
  });
}

/** The answers to a document in the actor's scope go to 待复核 (the document was amended or repealed). */
export async function flagDocument(ctx: AppContext, actor: Actor, documentId: string, raw: unknown) {
  const input = parseInput(FlagInput, raw);
  const ids = await flagAnswersForDocument(ctx, documentId, input.reason, actor, scopeSql(actor, 'policyqa.review'));
  return { flagged: ids.length, ids };
}

/** 复核: keep the (edited) answer on the portal, or withdraw it; either way with the reviewer's note. */
export async function reviewEntry(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(ReviewInput, raw);
  return withTx(ctx, async (tx) => {
    const e = await entryForWrite(tx, actor, 'policyqa.review', id);
    if (e.status !== 'flagged') throw new AppError('POLICYQA_NOT_FLAGGED', 409, POLICYQA_ERRORS.NOT_FLAGGED);
    const now = tx.clock.now();
    const status = input.outcome === 'keep' ? 'published' : 'withdrawn';
    await sql`update policyqa.entry set status = ${status}, reviewed_by_name = ${actor.displayName}, reviewed_at = ${now}, review_note = ${input.note},
      updated_at = ${now} where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'policyqa.review',
      entityType: 'policyqa_entry',
      entityId: id,
      areaPath: e.area_path,
      orgUnitId: e.org_unit_id,
      after: input,
    });
    return { id, seq: e.seq };
  });
}
