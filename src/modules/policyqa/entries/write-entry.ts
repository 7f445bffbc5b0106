import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { POLICYQA_ERRORS } from '../contracts/vocab.ts';
import { EntryInput } from '../contracts/http.ts';
import { entryForWrite } from './read-entries.ts';

/** The policy an entry explains: a 规范性文件 (its title from the register) or a free-text title. */
async function policyOf(ctx: AppContext, input: EntryInput) {
  if (input.documentId) {
    const doc = await ctx.db
      .selectFrom('core.case')
      .select(['id', 'title'])
      .where('id', '=', input.documentId)
      .where('type', '=', 'normdoc')
      .executeTakeFirst();
    if (!doc) throw new AppError('POLICYQA_DOCUMENT', 400, POLICYQA_ERRORS.DOCUMENT_NOT_FOUND, { field: 'documentId' });
    return { documentId: doc.id, title: input.policyTitle || `《${doc.title}》` };
  }
  if (!input.policyTitle) throw new AppError('POLICYQA_NO_POLICY', 400, POLICYQA_ERRORS.NO_POLICY, { field: 'policyTitle' });
  return { documentId: null, title: input.policyTitle };
}

/** 新增问答: published at once at the actor's office (问答 are written by the office that owns the policy). */
export async function createEntry(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  requirePermission(actor, 'policyqa.edit');
  const input = parseInput(EntryInput, raw);
  const policy = await policyOf(ctx, input);
  return withTx(ctx, async (tx) => {
    const id = randomUUID();
    const now = tx.clock.now();
    const seq = (await sql<{ n: number }>`select coalesce(max(seq), 0)::int + 1 as n from policyqa.entry`.execute(tx.db)).rows[0]!.n;
    await sql`insert into policyqa.entry (id, seq, category, question, answer, document_id, policy_title, status, org_unit_id, area_path,
        created_by_name, is_demo, created_at, updated_at)
      values (${id}, ${seq}, ${input.category}, ${input.question}, ${input.answer}, ${policy.documentId}, ${policy.title}, 'published',
        ${actor.orgUnitId}, ${actor.areaPath}, ${actor.displayName}, ${!!opts.demo}, ${now}, ${now})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'policyqa.create',
      entityType: 'policyqa_entry',
      entityId: id,
      areaPath: actor.areaPath,
      orgUnitId: actor.orgUnitId,
      after: input,
    });
    return { id, seq };
  });
}

/** 修改问答: the text and the policy; a flagged entry stays flagged until it is reviewed. */
export async function updateEntry(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(EntryInput, raw);
  return withTx(ctx, async (tx) => {
    const before = await entryForWrite(tx, actor, 'policyqa.edit', id);
    const policy = await policyOf(tx, input);
    await sql`update policyqa.entry set category = ${input.category}, question = ${input.question}, answer = ${input.answer},
      document_id = ${policy.documentId}, policy_title = ${policy.title}, updated_at = ${tx.clock.now()} where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'policyqa.update',
      entityType: 'policyqa_entry',
      entityId: id,
      areaPath: before.area_path,
      orgUnitId: before.org_unit_id,
      before: { question: before.question, answer: before.answer, policyTitle: before.policy_title },
      after: input,
    });
    return { id, seq: before.seq };
  });
}
