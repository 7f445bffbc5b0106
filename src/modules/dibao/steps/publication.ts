import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { yuanText } from '../../../platform/money.ts';
import { maskPersonName } from '../../../platform/crypto/pii.ts';
import { action } from '../../../kernel/workflow/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { inScope } from '../../../kernel/identity/index.ts';
import { dateText } from '../contract.ts';
import { PUBLICATION_CHANNELS } from '../contracts/steps.ts';
import { announcePosting } from './posted.ts';

export const PublishInput = z.object({
  date: z.iso.date('公布日期格式应为 YYYY-MM-DD').meta({ title: '公布日期' }),
  channel: z.enum(PUBLICATION_CHANNELS, { message: '请选择公布方式' }).meta({ title: '公布方式' }),
  place: z.string().trim().min(2, '请填写公布地点（如某村村务公开栏）').max(200, '公布地点不超过 200 字').meta({ title: '公布地点' }),
});

/**
 * 公布 (《社会救助暂行办法》第十一条(三):予以批准,并在申请人所在村、社区公布): after 确认同意, the
 * posting is recorded with what the list shows — the applicant's name (given name masked), household
 * size, insured persons and the monthly amount. Any number of postings (公开栏, website …).
 */
export const publish = action({
  label: '公布（在村、社区公布）',
  from: ['confirmed'],
  who: { permission: 'dibao.handle' },
  input: PublishInput,
  effect: async ({ tx, case: c, input, actor }) => {
    const a = (
      await sql<{
        household_id: string;
        decided_on: string | null;
        area_code: string;
        area_path: string;
        benefit_cents: number;
        insured_persons: number;
        is_demo: boolean;
      }>`
      select p.household_id, p.decided_on::text as decided_on, p.is_demo, h.area_code, h.area_path, h.benefit_cents, h.insured_persons
      from dibao.application p join dibao.household h on h.id = p.household_id where p.case_id = ${c.id}`.execute(tx.db)
    ).rows[0]!;
    if (a.decided_on && input.date < a.decided_on) throw badRequest('VALIDATION_FAILED', `「公布日期」不能早于确认日期 ${a.decided_on}`, { field: 'date' });
    if (input.date > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', '「公布日期」不能晚于今天', { field: 'date' });
    const m = (
      await sql<{ applicant: string | null; size: number }>`select (select name from dibao.member where household_id = ${a.household_id} and active
        order by (relation = '申请人') desc, created_at limit 1) as applicant, (select count(*)::int from dibao.member where household_id = ${a.household_id} and active) as size`.execute(
        tx.db,
      )
    ).rows[0]!;
    const id = uuidv7();
    await sql`insert into dibao.publication (id, case_id, household_id, area_code, area_path, published_on, channel, place, name_masked, household_size, insured_persons, amount_cents, is_demo, created_by, created_at)
      values (${id}, ${c.id}, ${a.household_id}, ${a.area_code}, ${a.area_path}, ${input.date}::date, ${input.channel}, ${input.place}, ${maskPersonName(m.applicant ?? '')},
        ${m.size}, ${a.insured_persons}, ${a.benefit_cents}, ${a.is_demo}, ${actor.userId}, ${tx.clock.now()})`.execute(tx.db);
    await announcePosting(tx, c, '公布', id, input.date);
    return { id, publishedOn: input.date };
  },
});

export const ListPublicationsQuery = z.object({
  area: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/, '地区代码格式不正确')
    .optional(),
  caseId: z.uuid('申请 ID 格式不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

type Row = {
  id: string;
  case_id: string;
  ref_no: string;
  household_id: string;
  area_code: string;
  area_path: string;
  area_name: string;
  published_on: string;
  channel: string;
  place: string;
  name_masked: string;
  household_size: number;
  insured_persons: number;
  amount_cents: number;
  created_at: Date;
  total: number;
};

/** 公布记录 in the actor's dibao.read scope (the household's area), newest first. */
export async function listPublications(ctx: AppContext, actor: Actor, q: z.infer<typeof ListPublicationsQuery>) {
  let base = (ctx.db as any)
    .selectFrom('dibao.publication as p')
    .innerJoin('core.case as c', 'c.id', 'p.case_id')
    .innerJoin('core.area as a', 'a.code', 'p.area_code')
    .where(inScope(actor, 'dibao.read', { areaPath: 'p.area_path' }));
  if (q.area) base = base.where('p.area_path', 'like', sql`${'%' + q.area + '%'}`);
  if (q.caseId) base = base.where('p.case_id', '=', q.caseId);
  const rows: Row[] = await base
    .select([
      'p.id',
      'p.case_id',
      'c.ref_no',
      'p.household_id',
      'p.area_code',
      'p.area_path',
      'a.name as area_name',
      sql<string>`p.published_on::text`.as('published_on'),
      'p.channel',
      'p.place',
      'p.name_masked',
      'p.household_size',
      'p.insured_persons',
      'p.amount_cents',
      'p.created_at',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('p.published_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      refNo: r.ref_no,
      householdId: r.household_id,
      areaCode: r.area_code,
      areaPath: r.area_path,
      areaName: r.area_name,
      publishedOn: dateText(r.published_on)!,
      channel: r.channel,
      place: r.place,
      nameMasked: r.name_masked,
      householdSize: Number(r.household_size),
      insuredPersons: Number(r.insured_persons),
      amountCents: Number(r.amount_cents),
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

/**
 * The public list of a township or village (portal): households still receiving 低保 whose approval
 * was published, each with its latest posting — name with the given name masked, household size,
 * insured persons and the amount as published (暂行办法第六十一条: only what is to be published).
 */
export async function publicList(ctx: AppContext, areaCode: string) {
  const area = (
    await sql<{ code: string; name: string; path: string; level: number }>`select code, name, path, level from core.area where code = ${areaCode}`.execute(
      ctx.db,
    )
  ).rows[0];
  if (!area || area.level < 4) throw new AppError('DIBAO_AREA_UNKNOWN', 404, `地区 ${areaCode} 不是已知的乡镇（街道）或村（社区）`);
  const rows = (
    await sql<{ name_masked: string; household_size: number; insured_persons: number; amount_cents: number; published_on: string; area_name: string }>`
    select distinct on (p.household_id) p.name_masked, p.household_size, p.insured_persons, p.amount_cents, p.published_on::text as published_on, a.name as area_name
    from dibao.publication p join dibao.household h on h.id = p.household_id join core.area a on a.code = p.area_code
    where (p.area_path = ${area.path} or p.area_path like ${area.path + '.%'}) and h.status = 'active'
    order by p.household_id, p.published_on desc, p.id desc`.execute(ctx.db)
  ).rows;
  rows.sort((x, y) => y.published_on.localeCompare(x.published_on) || x.area_name.localeCompare(y.area_name));
  return {
    areaCode: area.code,
    areaName: area.name,
    items: rows.slice(0, 500).map((r) => ({
      name: r.name_masked,
      householdSize: Number(r.household_size),
      insuredPersons: Number(r.insured_persons),
      amountYuan: yuanText(Number(r.amount_cents)),
      publishedOn: dateText(r.published_on)!,
      areaName: r.area_name,
    })),
  };
}
