import { sql } from 'kysely';
import { petitionsDb } from '../db.ts';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { areaNames, memoForActor, orgUnitNames, type Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, workflowOf } from '../../../kernel/workflow/index.ts';
import { CATEGORIES, CHANNELS, PETITION_TYPE, SUBJECTS } from '../contract.ts';
import { HIDDEN_INFORMANT, informantHidden } from '../commands/informant.ts';

export const ListPetitionsQuery = z.object({
  channel: z.enum(CHANNELS).optional(),
  category: z.enum(CATEGORIES).optional(),
  subject: z.enum(SUBJECTS).optional(),
  state: z.string().max(40).optional(),
  flag: z.enum(['repeat', 'skip_level', 'urgent']).optional(),
  q: z.string().trim().max(50).optional(),
  /** 登记期间 (China dates, inclusive). */
  from: z.iso.date('登记起始日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('登记截止日期格式应为 YYYY-MM-DD').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListPetitionsQuery = z.infer<typeof ListPetitionsQuery>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** 信访事项 list in the actor's data scope (kernel caseReadable); 身份证号 only masked. */
export async function listPetitions(ctx: AppContext, actor: Actor, q: ListPetitionsQuery) {
  // Page, total and petitioners in one round trip, its statement built once per session and query (actor-memo.ts);
  // a page past the end falls back to a count.
  const rows = (await ctx.db.executeQuery(memoForActor(actor, `petitions ${JSON.stringify(q)}`, () => petitionsPage(ctx, actor, q)))).rows;
  const total = rows.length
    ? Number(rows[0]!.total)
    : q.page > 1
      ? Number(
          (
            await petitionsOf(ctx, actor, q)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
  const def = workflowOf(PETITION_TYPE);
  const [orgs, areas] = await Promise.all([
    orgUnitNames(
      ctx,
      rows.map((r) => r.org_unit_id),
    ),
    areaNames(
      ctx,
      rows.map((r) => r.concerned_area_code),
    ),
  ]);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      refNo: r.ref_no,
      title: r.title,
      state: r.state,
      stateLabel: def.states[r.state as never]?.label ?? r.state,
      dueDate: r.due_date,
      clockState: r.clock_state,
      createdAt: r.created_at.toISOString(),
      orgUnitName: orgs.get(r.org_unit_id) ?? '',
      channel: r.channel,
      category: r.category,
      subject: r.subject,
      isRepeat: r.is_repeat,
      isSkipLevel: r.is_skip_level,
      urgent: r.urgent,
      anonymous: r.anonymous,
      satisfaction: r.satisfaction,
      concernedAreaCode: r.concerned_area_code,
      concernedAreaName: (r.concerned_area_code && areas.get(r.concerned_area_code)) ?? null,
      contentExcerpt: r.excerpt,
      petitioners: informantHidden(actor, r.category, r.org_unit_id)
        ? r.people.map(() => ({ name: HIDDEN_INFORMANT, idNumberMasked: null, phoneMasked: null }))
        : r.people,
    })),
  };
}

/** The petitions the actor may read, under the query's filters. */
function petitionsOf(ctx: AppContext, actor: Actor, q: ListPetitionsQuery) {
  let base = petitionsDb(ctx.db)
    .selectFrom('core.case as c')
    .innerJoin('petitions.petition as p', 'p.case_id', 'c.id')
    .where('c.type', '=', PETITION_TYPE)
    .where(caseReadable(actor, 'petition.read'));
  if (q.channel) base = base.where('p.channel', '=', q.channel);
  if (q.category) base = base.where('p.category', '=', q.category);
  if (q.subject) base = base.where('p.subject', '=', q.subject);
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.flag === 'repeat') base = base.where('p.is_repeat', '=', true);
  if (q.flag === 'skip_level') base = base.where('p.is_skip_level', '=', true);
  if (q.flag === 'urgent') base = base.where('p.urgent', '=', true);
  if (q.from) base = base.where('c.created_at', '>=', new Date(`${q.from}T00:00:00+08:00`));
  if (q.to) base = base.where('c.created_at', '<', new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where((eb) => eb.or([eb('c.title', 'like', like), eb('c.ref_no', 'like', like)]));
  }
  return base;
}

/**
 * One page of them with the total on every row and each one's petitioners, as a compiled statement. The unit's and
 * the area's names come from the names cache, not a join (which doubled the statement's time).
 */
function petitionsPage(ctx: AppContext, actor: Actor, q: ListPetitionsQuery) {
  type Person = { name: string; idNumberMasked: string | null; phoneMasked: string | null };
  return petitionsOf(ctx, actor, q)
    .select([
      'c.id',
      'c.ref_no',
      'c.title',
      'c.state',
      'c.due_date',
      'c.clock_state',
      'c.created_at',
      'c.org_unit_id',
      'p.channel',
      'p.category',
      'p.subject',
      'p.is_repeat',
      'p.is_skip_level',
      'p.urgent',
      'p.anonymous',
      'p.satisfaction',
      'p.concerned_area_code',
      sql<string>`left(p.content, 80)`.as('excerpt'),
      sql<string>`count(*) over ()`.as('total'),
      sql<Person[]>`(select coalesce(json_agg(json_build_object('name', pp.name, 'idNumberMasked', pp.id_number_masked,
        'phoneMasked', pp.phone_masked) order by pp.created_at), '[]') from petitions.petitioner pp where pp.case_id = c.id)`.as('people'),
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .compile();
}
