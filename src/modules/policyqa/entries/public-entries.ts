import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { POLICYQA_ERRORS, QA_CATEGORIES } from '../contracts/vocab.ts';
import { FeedbackInput } from '../contracts/http.ts';
import { entryDto, entryRows, escapeLike } from './entry-rows.ts';

export const PublicQuery = z.object({
  q: z.string().trim().max(40, '检索词不超过 40 字').optional(),
  category: z.enum(QA_CATEGORIES, { message: '「category」不是问答类别' }).optional(),
});

const publicDto = (r: Parameters<typeof entryDto>[0]) => {
  const d = entryDto(r);
  return {
    id: d.id,
    seq: d.seq,
    category: d.category,
    question: d.question,
    answer: d.answer,
    policyTitle: d.policyTitle,
    helpfulYes: d.helpfulYes,
    helpfulNo: d.helpfulNo,
    updatedAt: d.updatedAt,
  };
};

/**
 * The portal's 政策问答: published entries only (待复核 and 已撤下 ones are hidden), searched in the
 * question, the answer and the policy's title; each word of the query must occur.
 */
export async function publicEntries(ctx: AppContext, q: z.infer<typeof PublicQuery>) {
  const words = (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const match = words.map((w) => {
    const like = `%${escapeLike(w)}%`;
    return sql`(q.question like ${like} or q.answer like ${like} or q.policy_title like ${like})`;
  });
  const where = sql`q.status = 'published' and (${q.category ?? null}::text is null or q.category = ${q.category ?? null})${
    match.length ? sql` and ${sql.join(match, sql` and `)}` : sql``
  }`;
  const items = (await entryRows(ctx, where)).map(publicDto);
  const categories = (
    await sql<{
      category: string;
      count: number;
    }>`select category, count(*)::int as count from policyqa.entry where status = 'published' group by category`.execute(ctx.db)
  ).rows.sort((a, b) => QA_CATEGORIES.indexOf(a.category as never) - QA_CATEGORIES.indexOf(b.category as never));
  return { items, total: items.length, categories };
}

export async function publicEntry(ctx: AppContext, id: string) {
  const row = (await entryRows(ctx, sql`q.id = ${id} and q.status = 'published'`))[0];
  if (!row) throw new AppError('POLICYQA_NOT_FOUND', 404, POLICYQA_ERRORS.NOT_FOUND);
  return publicDto(row);
}

/**
 * “这条回答有帮助吗”: one vote per address and entry a day (the address is kept only inside an SM3
 * hash of entry, address and day), on published entries; the route is rate-limited too.
 */
export async function voteEntry(ctx: AppContext, id: string, ip: string, raw: unknown) {
  const input = parseInput(FeedbackInput, raw);
  return withTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const voter = createHash('sm3')
      .update(`${id}|${ip}|${chinaDate(now)}`)
      .digest('hex');
    const live = await sql`select 1 from policyqa.entry where id = ${id} and status = 'published' for update`.execute(tx.db);
    if (!live.rows.length) throw new AppError('POLICYQA_NOT_FOUND', 404, POLICYQA_ERRORS.NOT_FOUND);
    const added = await sql`insert into policyqa.vote (entry_id, voter, helpful, created_at) values (${id}, ${voter}, ${input.helpful}, ${now})
      on conflict do nothing returning entry_id`.execute(tx.db);
    if (!added.rows.length) throw new AppError('POLICYQA_ALREADY_RATED', 409, POLICYQA_ERRORS.ALREADY_RATED);
    const r = (
      await sql<{ helpful_yes: number; helpful_no: number }>`update policyqa.entry set
        helpful_yes = helpful_yes + ${input.helpful ? 1 : 0}, helpful_no = helpful_no + ${input.helpful ? 0 : 1}
        where id = ${id} returning helpful_yes, helpful_no`.execute(tx.db)
    ).rows[0]!;
    return { helpfulYes: r.helpful_yes, helpfulNo: r.helpful_no };
  });
}
