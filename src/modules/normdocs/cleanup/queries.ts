import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import type { CleanupDetail, CleanupHead, CleanupList, PublicCleanups } from './contracts.ts';
import { loadCleanup } from './load-cleanup.ts';

type Head = z.infer<typeof CleanupHead>;

/** A campaign's head; `stalled`: still open past its 完成期限 with documents lacking a conclusion (China date today). */
const heads = (ctx: AppContext) =>
  ctx.db
    .selectFrom(sql<{ id: string }>`normdocs.cleanup`.as('k'))
    .innerJoin('core.org_unit as o', 'o.id', sql.ref('k.org_unit_id') as never)
    .select([
      sql<string>`k.id`.as('id'),
      sql<string>`k.name`.as('name'),
      sql<string>`k.basis`.as('basis'),
      sql<string>`k.as_of::text`.as('asOf'),
      sql<string>`k.series_word`.as('seriesWord'),
      sql<string>`k.org_unit_id`.as('orgUnitId'),
      sql<string>`o.name`.as('orgUnitName'),
      sql<string>`k.area_path`.as('areaPath'),
      sql<string>`k.opened_by_name`.as('openedBy'),
      sql<string | null>`k.closed_on::text`.as('closedOn'),
      sql<string | null>`k.closed_by_name`.as('closedBy'),
      sql<number>`(select count(*)::int from normdocs.cleanup_item i where i.cleanup_id = k.id)`.as('documents'),
      sql<number>`(select count(*)::int from normdocs.cleanup_item i where i.cleanup_id = k.id and i.conclusion is not null)`.as('concluded'),
      sql<string | null>`k.due_on::text`.as('dueOn'),
      sql<boolean>`(k.closed_on is null and k.due_on < ${chinaDate(ctx.clock.now())}::date
        and exists (select 1 from normdocs.cleanup_item i where i.cleanup_id = k.id and i.conclusion is null))`.as('stalled'),
    ]);

/** The campaigns of the bodies the actor may read (normdocs.read), newest first. */
export async function listCleanups(ctx: AppContext, actor: Actor): Promise<z.infer<typeof CleanupList>> {
  const rows = (await heads(ctx)
    .where(inScope(actor, 'normdocs.read', { areaPath: 'k.area_path', orgUnitId: 'k.org_unit_id' }))
    .orderBy(sql`k.created_at`, 'desc')
    .execute()) as Head[];
  return { items: rows.map((r) => ({ ...r, documents: Number(r.documents), concluded: Number(r.concluded) })) };
}

/** One campaign with every listed document and its conclusion (404 outside the actor's scope). */
export async function getCleanup(ctx: AppContext, actor: Actor, id: string): Promise<z.infer<typeof CleanupDetail>> {
  await loadCleanup(ctx, actor, id);
  const h = (await heads(ctx)
    .where(sql<boolean>`k.id = ${id}`)
    .executeTakeFirstOrThrow()) as Head;
  const items = (
    await sql<z.infer<typeof CleanupDetail>['items'][number]>`
    select i.case_id as "caseId", i.number, i.title, d.valid_until::text as "validUntil", c.state, i.conclusion, i.reason,
      i.concluded_by_name as "concludedBy", i.revision_case_id as "revisionCaseId"
    from normdocs.cleanup_item i join normdocs.document d on d.case_id = i.case_id join core.case c on c.id = i.case_id
    where i.cleanup_id = ${id} order by d.number_year, d.number_seq`.execute(ctx.db)
  ).rows;
  return { ...h, documents: Number(h.documents), concluded: Number(h.concluded), items };
}

/** 清理结果 published on the portal: closed campaigns only, each document's conclusion and reason. */
export async function publicCleanups(ctx: AppContext): Promise<z.infer<typeof PublicCleanups>> {
  const ks = (
    await sql<{ id: string; name: string; basis: string; issuer: string; asOf: string; closedOn: string }>`
    select k.id, k.name, k.basis, case when o.kind = 'division' and p.name is not null then p.name else o.name end as issuer,
      k.as_of::text as "asOf", k.closed_on::text as "closedOn"
    from normdocs.cleanup k join core.org_unit o on o.id = k.org_unit_id left join core.org_unit p on p.id = o.parent_id where k.closed_on is not null order by k.closed_on desc, k.id desc limit 50`.execute(
      ctx.db,
    )
  ).rows;
  if (!ks.length) return { items: [] };
  const items = (
    await sql<{ cleanupId: string; number: string; title: string; conclusion: string; reason: string }>`
    select i.cleanup_id as "cleanupId", i.number, i.title, i.conclusion, i.reason from normdocs.cleanup_item i join normdocs.document d on d.case_id = i.case_id
    where i.cleanup_id in (${sql.join(ks.map((k) => k.id))}) order by d.number_year, d.number_seq`.execute(ctx.db)
  ).rows;
  return { items: ks.map((k) => ({ ...k, items: items.filter((i) => i.cleanupId === k.id).map(({ cleanupId: _, ...i }) => i) })) };
}
