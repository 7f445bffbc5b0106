import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { PROPOSAL_ERRORS } from '../contract.ts';

export const PublicRepliesQuery = z.object({
  year: z.coerce.number({ message: PROPOSAL_ERRORS.YEAR }).int(PROPOSAL_ERRORS.YEAR).min(2000, PROPOSAL_ERRORS.YEAR).max(2100, PROPOSAL_ERRORS.YEAR),
});

export const PublicReplies = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      kind: z.string(),
      number: z.string(),
      session: z.string(),
      title: z.string(),
      category: z.string().nullable(),
      office: z.string(),
      replies: z.array(z.object({ kind: z.string(), signedOn: z.string(), text: z.string() })),
    }),
  ),
});

/**
 * 答复公开 (public, no sign-in): the signed replies of a year's items whose deputy or member agreed
 * to disclosure — number, session, title, category, the handling office and the reply texts; no
 * names of deputies or staff, nothing unsigned.
 */
export async function publicReplies(ctx: AppContext, year: number): Promise<z.infer<typeof PublicReplies>> {
  const items = (
    await sql<{ case_id: string; kind: string; number: string; session: string; title: string; category: string | null; office: string }>`
    select i.case_id, i.kind, i.number, i.session, i.title, i.category, o.name as office
    from proposals.item i join core.case c on c.id = i.case_id join core.org_unit o on o.id = c.org_unit_id
    where i.year = ${year} and i.disclosure_agreed_on is not null and i.first_replied_on is not null
    order by i.kind, i.session, i.number`.execute(ctx.db)
  ).rows;
  if (!items.length) return { year, items: [] };
  const replies = (
    await sql<{ case_id: string; kind: string; signed_on: string; text: string }>`
    select case_id, kind, signed_on::text as signed_on, text from proposals.reply
    where case_id in (${sql.join(items.map((i) => i.case_id))}) and signed_on is not null order by drafted_at`.execute(ctx.db)
  ).rows;
  return {
    year,
    items: items.map(({ case_id, ...i }) => ({
      ...i,
      replies: replies.filter((r) => r.case_id === case_id).map((r) => ({ kind: r.kind, signedOn: r.signed_on, text: r.text })),
    })),
  };
}
