import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { NORMDOC_ERRORS } from '../contract.ts';
import type { PublicNormdocs } from '../contracts/http.ts';

export const PublicNormdocsQuery = z.object({
  on: z.iso.date(NORMDOC_ERRORS.DATE).optional(),
  q: z.string().trim().max(100, '「q」不超过 100 字').optional(),
});

/**
 * 现行有效的规范性文件 (public, no sign-in): documents published, in force and within their 有效期 on
 * the date (default today). An unpublished document is not valid, so nothing before 公布 shows.
 */
export async function publicNormdocs(ctx: AppContext, query: z.infer<typeof PublicNormdocsQuery>): Promise<z.infer<typeof PublicNormdocs>> {
  const on = query.on ?? chinaDate(ctx.clock.now());
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
  const rows = (
    await sql<{ id: string; number: string; title: string; issuer: string; publishedOn: string; effectiveOn: string; validUntil: string; text: string }>`
    select d.case_id as id, d.number, d.title, o.name as issuer, d.published_on::text as "publishedOn", d.effective_on::text as "effectiveOn", d.valid_until::text as "validUntil",
      (select v.text from normdocs.version v where v.case_id = d.case_id order by v.version_no desc limit 1) as text
    from normdocs.document d join core.case c on c.id = d.case_id join core.org_unit o on o.id = c.org_unit_id
    where d.number is not null and d.published_on <= ${on}::date and d.effective_on <= ${on}::date and d.valid_until >= ${on}::date and (d.ended_on is null or d.ended_on > ${on}::date)
      and (${like}::text is null or d.title like ${like} or d.number like ${like})
    order by d.number_year, d.series_word, d.number_seq`.execute(ctx.db)
  ).rows;
  return { on, items: rows };
}
