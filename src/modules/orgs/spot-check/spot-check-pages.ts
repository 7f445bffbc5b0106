import { Readable } from 'node:stream';
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { recordInScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { page } from '../contracts/http.ts';
import type { InspectedBy } from './report-inspection.ts';
import { storedTeams } from './team-plan.ts';
import { SPOT_DRAW_V2 } from './draw-v2.ts';
import { escapeLike } from '../registry/authority.ts';
import { nameTerms } from '../registry/name-search.ts';

const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Paging and the search within one spot check: a credit code (or its beginning), or part of a name. */
export const SpotPageQuery = z.object({
  page: z.coerce.number().int('页码应为正整数').min(1, '页码应为正整数').default(1),
  pageSize: z.coerce.number().int('每页条数应为1至100').min(1, '每页条数应为1至100').max(100, '每页条数应为1至100').default(20),
  q: z.string().trim().max(60, '查询内容不能超过60个字').optional(),
});
type PageQuery = z.infer<typeof SpotPageQuery>;

export const SpotItemDto = z.object({
  organizationId: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  inspectors: z.array(z.string()),
  method: z.enum(['desk', 'onsite']).nullable(),
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  problems: z.boolean().nullable(),
  noticeNo: z.string().nullable(),
  noticeDocumentId: z.uuid().nullable().meta({ description: '整改通知书（文书）的 ID：PDF 为 /api/documents/:id.pdf（本机关工作人员）' }),
  rectifyBy: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  listed: z.boolean(),
  inspectionCode: z.string().nullable().meta({ description: '执行的检查实施清单事项编码' }),
  inspectionRecordId: z.uuid().nullable().meta({ description: '报送互联网+监管的检查行为（工作人员可见）' }),
  supervisionNote: z.string().nullable().meta({ description: '未报送互联网+监管的原因' }),
  inspectedBy: z
    .array(z.object({ name: z.string(), certNo: z.string() }))
    .nullable()
    .meta({ description: '实施检查的执法人员和执法证号（抽取的或登记时选定的）；自由填写的名录为 null' }),
});
export const SpotItemPage = page(SpotItemDto);
export const PopulationEntry = z.object({
  uscc: z.string(),
  name: z.string(),
  drawn: z.boolean().nullable().meta({ description: '是否被抽中（抽取前为 null）' }),
});
export const PopulationPage = page(PopulationEntry);

const HEAD = sql`select s.id, s.algorithm, s.sample_size, s.teams, s.sample, s.population_size, s.authority_area_path, s.drawn_on::text as drawn_t from orgs.spot_check s`;

async function headOf(ctx: AppContext, id: string, actor: Actor | null) {
  if (actor) requirePermission(actor, 'orgs.read');
  const s = (await sql<any>`${HEAD} where s.id = ${id}`.execute(ctx.db)).rows[0];
  if (!s || (actor && !recordInScope(actor, 'orgs.read', { areaPath: s.authority_area_path }))) throw notFound('抽查', 'ORG_SPOT_CHECK_NOT_FOUND');
  return s;
}

const isCode = (q: string) => /^[0-9A-Za-z]+$/.test(q);

/**
 * A credit code (letters and digits) is searched by its beginning (the index); anything else as in the registry
 * (registry/name-search.ts): every term within the name, or the query word-similar to it (pg_trgm; within a v2
 * population the registry's organization_name_trgm_idx serves it, within a drawn list it filters the k drawn rows).
 */
function matches(q: string | undefined, uscc: RawBuilder<unknown>, name: RawBuilder<unknown>) {
  if (!q) return sql`true`;
  if (isCode(q)) return sql`${uscc} collate "C" like ${q.toUpperCase() + '%'}`;
  const terms = nameTerms(q);
  return sql`((${sql.join(
    terms.map((t) => sql`${name} like ${`%${escapeLike(t)}%`}`),
    sql` and `,
  )}) or ${terms.join(' ')} <% ${name})`;
}

/** By credit code; a name search puts the closest names first. */
const orderOf = (q: string | undefined) =>
  q && !isCode(q)
    ? sql`word_similarity(${nameTerms(q).join(' ')}, d.name) + similarity(${nameTerms(q).join(' ')}, d.name) desc, d.uscc collate "C"`
    : sql`d.uscc collate "C"`;

const paged = <T>(q: PageQuery, total: number, items: T[]) => ({ total, page: q.page, pageSize: q.pageSize, items });

/** The drawn organizations (by USCC) with their teams and inspection results, one page; findings only for staff. */
export async function spotItems(ctx: AppContext, actor: Actor | null, id: string, q: PageQuery) {
  const s = await headOf(ctx, id, actor);
  if (!s.drawn_t) return paged(q, 0, []);
  const v2 = s.algorithm === SPOT_DRAW_V2;
  const from = v2
    ? sql`from orgs.spot_check_population d left join orgs.spot_check_item i on i.spot_check_id = d.spot_check_id and i.organization_id = d.organization_id
        where d.spot_check_id = ${id} and d.pos <= ${s.sample_size} and ${matches(q.q, sql`d.uscc`, sql`d.name`)}`
    : sql`from orgs.spot_check_item i join orgs.organization d on d.id = i.organization_id
        where i.spot_check_id = ${id} and ${matches(q.q, sql`d.uscc`, sql`d.name`)}`;
  const orgId = v2 ? sql`d.organization_id` : sql`d.id`;
  const total = (await sql<{ n: number }>`select count(*)::int as n ${from}`.execute(ctx.db)).rows[0]!.n;
  const rows = (
    await sql<any>`select ${orgId} as organization_id, d.uscc, d.name, i.inspectors, i.method, i.inspected_on::text as inspected_t, i.findings,
        i.problems, i.notice_no, i.notice_document_id, i.rectify_by::text as rectify_t, i.rectified_on::text as rectified_t, i.listing_id,
        i.inspection_code, i.inspection_record_id, i.supervision_note, i.inspected_by
      ${from} order by ${orderOf(q.q)} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(ctx.db)
  ).rows;
  const teams = await storedTeams(
    ctx.db,
    s,
    rows.filter((i) => i.inspectors == null).map((i) => i.uscc),
  );
  return paged(
    q,
    total,
    rows.map((i) => ({
      organizationId: i.organization_id,
      uscc: i.uscc,
      name: i.name,
      inspectors: i.inspectors == null ? (teams.get(i.uscc) ?? []) : json<string[]>(i.inspectors),
      method: i.method ?? null,
      inspectedOn: i.inspected_t ?? null,
      findings: actor ? (i.findings ?? null) : null,
      problems: i.problems ?? null,
      noticeNo: i.notice_no ?? null,
      noticeDocumentId: i.notice_document_id ?? null,
      rectifyBy: i.rectify_t ?? null,
      rectifiedOn: i.rectified_t ?? null,
      listed: i.listing_id != null,
      inspectionCode: i.inspection_code ?? null,
      inspectionRecordId: actor ? (i.inspection_record_id ?? null) : null,
      supervisionNote: i.supervision_note ?? null,
      inspectedBy: i.inspected_by == null ? null : json<InspectedBy[]>(i.inspected_by).map((o) => ({ name: o.name, certNo: o.certNo })),
    })),
  );
}

/** The frozen population (by USCC), one page, each marked drawn or not once drawn; never the drawn order before the seed is out. */
export async function spotPopulation(ctx: AppContext, actor: Actor | null, id: string, q: PageQuery) {
  const s = await headOf(ctx, id, actor);
  const drawn = s.drawn_t != null;
  const { total, rows } = s.algorithm === SPOT_DRAW_V2 ? await populationV2(ctx, s, q) : await populationV1(ctx, s, q);
  return paged(
    q,
    total,
    rows.map((r) => ({ uscc: r.uscc, name: r.name, drawn: drawn ? r.drawn : null })),
  );
}

type PopulationRow = { uscc: string; name: string; drawn: boolean };

/**
 * v2: a drawn row keeps its name on the day; the others (USCC and organization id only since migration
 * 20261217000000) show the registry's name. A name search looks in the registry's names through its trigram index
 * (organization_name_trgm_idx) and keeps the organizations of this population (its USCC key); no name search reads the
 * population in USCC order, a page at a time, and joins the names of that page only.
 */
async function populationV2(ctx: AppContext, s: any, q: PageQuery): Promise<{ total: number; rows: PopulationRow[] }> {
  const cols = sql`p.uscc, coalesce(p.name, o.name, '') as name, coalesce(p.pos <= ${s.sample_size}, false) as drawn`;
  if (q.q && !isCode(q.q)) {
    const from = sql`from orgs.organization o join orgs.spot_check_population p on p.spot_check_id = ${s.id} and p.uscc collate "C" = o.uscc
      where ${matches(q.q, sql`o.uscc`, sql`o.name`)}`;
    const total = (await sql<{ n: number }>`select count(*)::int as n ${from}`.execute(ctx.db)).rows[0]!.n;
    const rows = (
      await sql<PopulationRow>`select * from (select ${cols} ${from}) d order by ${orderOf(q.q)} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(
        ctx.db,
      )
    ).rows;
    return { total, rows };
  }
  const where = sql`p.spot_check_id = ${s.id} and ${matches(q.q, sql`p.uscc`, sql`p.name`)}`;
  const total = q.q
    ? (await sql<{ n: number }>`select count(*)::int as n from orgs.spot_check_population p where ${where}`.execute(ctx.db)).rows[0]!.n
    : (s.population_size as number);
  const rows = (
    await sql<PopulationRow>`select ${cols} from (select * from orgs.spot_check_population p where ${where}
        order by p.uscc collate "C" limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) p
      left join orgs.organization o on o.id = p.organization_id order by p.uscc collate "C"`.execute(ctx.db)
  ).rows;
  return { total, rows };
}

/** v1: the population as a jsonb array of USCCs, names from the registry. */
async function populationV1(ctx: AppContext, s: any, q: PageQuery): Promise<{ total: number; rows: PopulationRow[] }> {
  const from = sql`from (select u.uscc, coalesce(o.name, '') as name, ${JSON.stringify(json<string[] | null>(s.sample) ?? [])}::jsonb ? u.uscc as drawn
      from orgs.spot_check c cross join jsonb_array_elements_text(c.population) u(uscc) left join orgs.organization o on o.uscc = u.uscc
      where c.id = ${s.id}) d`;
  const where = matches(q.q, sql`d.uscc`, sql`d.name`);
  const total = (await sql<{ n: number }>`select count(*)::int as n ${from} where ${where}`.execute(ctx.db)).rows[0]!.n;
  const rows = (
    await sql<PopulationRow>`select d.uscc, d.name, d.drawn ${from} where ${where}
      order by ${orderOf(q.q)} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(ctx.db)
  ).rows;
  return { total, rows };
}

const CHUNK = 20_000;

/**
 * The whole frozen population as text: the USCCs in code-point order joined by "\n" — exactly the bytes whose hash is the
 * published fingerprint (SHA-256 for v2, SM3 for v1) — streamed in keyset chunks, for re-running the draw offline.
 */
export async function populationText(ctx: AppContext, id: string): Promise<Readable> {
  const s = await headOf(ctx, id, null);
  if (s.algorithm !== SPOT_DRAW_V2) {
    const p = (await sql<{ population: unknown }>`select population from orgs.spot_check where id = ${id}`.execute(ctx.db)).rows[0]!;
    return Readable.from([
      json<string[]>(p.population)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .join('\n'),
    ]);
  }
  async function* chunks() {
    let last = '';
    let first = true;
    for (;;) {
      const rows = (
        await sql<{ uscc: string }>`select uscc from orgs.spot_check_population where spot_check_id = ${id} and uscc collate "C" > ${last}
          order by uscc collate "C" limit ${CHUNK}`.execute(ctx.db)
      ).rows;
      if (!rows.length) return;
      yield (first ? '' : '\n') + rows.map((r) => r.uscc).join('\n');
      first = false;
      last = rows[rows.length - 1]!.uscc;
    }
  }
  return Readable.from(chunks());
}
