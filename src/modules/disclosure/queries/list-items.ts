import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { CATEGORIES, ITEM_TYPE } from '../contracts/labels.ts';
import type { Item } from '../contracts/http.ts';
import { escapeLike } from './list-requests.ts';

export const ListItemsQuery = z.object({
  year: z.coerce.number({ message: '「year」须为年份' }).int().min(2008, '「year」须为 2008 年以后的年份').max(2100, '「year」须为年份').optional(),
  category: z.coerce.number({ message: '「category」须为 1–15' }).int().min(1, '「category」须为 1–15').max(15, '「category」须为 1–15').optional(),
  state: z.enum(['drafted', 'published', 'changing', 'withdrawn'], { message: '「state」须为 drafted、published、changing 或 withdrawn' }).optional(),
  q: z.string().trim().max(50, '「q」不超过 50 字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListItemsQuery = z.infer<typeof ListItemsQuery>;

const COLS = sql`json_build_object('id', c.id, 'indexNo', i.index_no, 'title', i.title, 'category', i.category, 'office', i.office,
  'formedOn', i.formed_on::text, 'publishedOn', i.published_on::text, 'changedOn', i.changed_on::text, 'validity', i.validity, 'summary', i.summary, 'source', i.source, 'sourceLink', i.source_link,
  'state', c.state, 'publishDue', case when c.state in ('drafted', 'changing') then c.due_date::text end, 'withdrawnOn', i.withdrawn_on::text, 'withdrawReason', i.withdraw_reason)`;

const toItem = (j: Omit<Item, 'categoryLabel'>): Item => ({ ...j, categoryLabel: CATEGORIES[j.category - 1]! });

function filtered(ctx: AppContext, q: ListItemsQuery) {
  let base = ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`disclosure.item`.as('i'), (j) => j.onRef(sql.ref('i.case_id') as never, '=', 'c.id'))
    .where('c.type', '=', ITEM_TYPE);
  if (q.year) base = base.where(sql<boolean>`extract(year from coalesce(i.published_on, i.formed_on)) = ${q.year}`);
  if (q.category) base = base.where(sql<boolean>`i.category = ${q.category}`);
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where(sql<boolean>`(i.title like ${like} or i.index_no like ${like} or i.summary like ${like} or i.office like ${like})`);
  }
  return base;
}

async function page(base: ReturnType<typeof filtered>, q: ListItemsQuery) {
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = (await base
    .select(COLS.as('j'))
    .orderBy(sql`coalesce(i.published_on, i.formed_on)`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()) as unknown as Array<{ j: Omit<Item, 'categoryLabel'> }>;
  return { items: rows.map((r) => toItem(r.j)), total };
}

/** The office's own items (drafts, published, withdrawn) in the actor's scope. */
export const listItems = (ctx: AppContext, actor: Actor, q: ListItemsQuery) => page(filtered(ctx, q).where(caseReadable(actor, 'disclosure.read')), q);

/** The public 目录: published and withdrawn items (withdrawn ones keep their record and reason), never drafts. */
export const publicCatalogue = (ctx: AppContext, q: ListItemsQuery) =>
  page(filtered(ctx, { ...q, state: q.state === 'drafted' ? undefined : q.state }).where('c.state', 'in', ['published', 'changing', 'withdrawn']), q);

/** The offices a citizen may ask (民政 departments and bureaus, 乡镇 governments), for the portal's form. */
export async function publicOffices(ctx: AppContext) {
  const rows = await sql<{ code: string; name: string; area_code: string }>`select o.code, o.name, o.area_code from core.org_unit o
    where o.active and not o.is_sample and (o.code like '%-mzt' or o.code like '%-mzj') order by o.area_code`.execute(ctx.db);
  return { items: rows.rows.map((r) => ({ code: r.code, name: r.name, areaCode: r.area_code })) };
}
