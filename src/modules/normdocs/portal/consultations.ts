import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { PUBLIC_WAYS } from '../contract.ts';
import type { PublicConsultations } from '../contracts/http.ts';

/**
 * 公开征求意见 (public, no sign-in): documents in 征求意见 whose consultation is public and runs today,
 * each with the version put out for comment and how many comments it has received.
 */
export async function openConsultations(ctx: AppContext): Promise<z.infer<typeof PublicConsultations>> {
  const on = chinaDate(ctx.clock.now());
  const rows = (
    await sql<{ id: string; title: string; drafter: string; startOn: string; endOn: string; versionNo: number; text: string; comments: number }>`
    select c.id, d.title, o.name as drafter, k.start_on::text as "startOn", k.end_on::text as "endOn", k.version_no as "versionNo", v.text,
      (select count(*)::int from normdocs.comment m where m.case_id = c.id) as comments
    from normdocs.consultation k join core.case c on c.id = k.case_id join normdocs.document d on d.case_id = c.id
      join core.org_unit o on o.id = c.org_unit_id join normdocs.version v on v.case_id = c.id and v.version_no = k.version_no
    where c.state = 'consulting' and k.way in (${sql.join([...PUBLIC_WAYS])}) and k.start_on <= ${on}::date and k.end_on >= ${on}::date
    order by k.end_on, d.title`.execute(ctx.db)
  ).rows;
  return { on, items: rows.map((r) => ({ ...r, versionNo: Number(r.versionNo), comments: Number(r.comments) })) };
}
