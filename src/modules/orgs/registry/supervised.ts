import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { notFound } from '../../../platform/errors.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { CREDIT_LIST_LABEL, ORG_KIND_LABEL, ORG_STATUS_LABEL, dateText } from '../contract.ts';
import { openLists } from './list-orgs.ts';
import { nameMatches, nameRank } from './name-search.ts';

/**
 * 业务主管单位's view: the organizations a supervising unit supervises, scoped by the unit the role is held at
 * (permission orgs.supervise; 本级 = that unit's organizations, 本级及下级 = those of the units in its area) — never by
 * the registrar's area, so a 文化和旅游局 sees its 协会 and nothing else of the county.
 */
export const SUPERVISOR_SCOPE = { areaPath: 'o.supervisor_area_path', orgUnitId: 'o.supervisor_org_unit_id' };

export const SupervisedQuery = z.object({
  q: z.string().trim().min(1).max(60, '查询内容不能超过60个字').optional().meta({ title: '名称或统一社会信用代码' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const Inspection = z.object({
  year: z.number(),
  submittedOn: z.string().nullable(),
  supervisorOpinion: z.enum(['同意', '不同意']).nullable(),
  supervisorComment: z.string().nullable(),
  supervisorOpinionOn: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  conclusion: z.enum(['合格', '基本合格', '不合格']).nullable(),
});
const SupervisedOrg = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  registeredOn: z.string(),
  authorityName: z.string(),
  supervisorUnit: z.string().nullable(),
  supervisorOrgUnitId: z.uuid(),
  /** The supervising unit's area path (what scopes the row). */
  areaPath: z.string(),
  lists: z.array(z.string()),
});
export const SupervisedPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(SupervisedOrg.extend({ latest: Inspection.nullable() })),
});
export const SupervisedDetail = SupervisedOrg.extend({
  domicile: z.string(),
  legalRepresentative: z.string(),
  businessScope: z.string(),
  certificateNo: z.string().nullable(),
  statusOn: z.string().nullable(),
  inspections: z.array(Inspection),
});

const base = (ctx: AppContext, actor: Actor) =>
  orgsDb(ctx.db)
    .selectFrom('orgs.organization as o')
    .innerJoin('core.org_unit as u', 'u.id', 'o.authority_org_unit_id')
    .where(inScope(actor, 'orgs.supervise', SUPERVISOR_SCOPE));

const COLUMNS = [
  'o.id',
  'o.name',
  'o.uscc',
  'o.kind',
  'o.status',
  'o.supervisor_unit',
  'o.supervisor_org_unit_id',
  'o.supervisor_area_path',
  'o.domicile',
  'o.legal_representative',
  'o.business_scope',
  'o.certificate_no',
  'u.name as authority_name',
  sql<string>`o.registered_on::text`.as('registered_on'),
  sql<string | null>`o.status_on::text`.as('status_on'),
] as const;

async function inspectionsOf(ctx: AppContext, ids: string[]) {
  if (!ids.length) return [];
  return orgsDb(ctx.db)
    .selectFrom('orgs.inspection')
    .select([
      'organization_id',
      'year',
      'supervisor_opinion',
      'supervisor_comment',
      'conclusion',
      sql<string | null>`submitted_on::text`.as('submitted_on'),
      sql<string | null>`supervisor_opinion_on::text`.as('opinion_on'),
      sql<string | null>`reviewed_on::text`.as('reviewed_on'),
    ])
    .where('organization_id', 'in', ids)
    .orderBy('year', 'desc')
    .execute();
}

type Row = Awaited<ReturnType<typeof inspectionsOf>>[number];
const inspection = (i: Row): z.infer<typeof Inspection> => ({
  year: i.year,
  submittedOn: i.submitted_on,
  supervisorOpinion: i.supervisor_opinion,
  supervisorComment: i.supervisor_comment,
  supervisorOpinionOn: i.opinion_on,
  reviewedOn: i.reviewed_on,
  conclusion: i.conclusion,
});

async function shape(ctx: AppContext, rows: any[]) {
  const lists = await openLists(
    ctx,
    rows.map((r) => r.id),
    chinaDate(ctx.clock.now()),
  );
  const ins = await inspectionsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    org: {
      id: r.id as string,
      name: r.name as string,
      uscc: r.uscc as string,
      kind: r.kind as string,
      kindLabel: ORG_KIND_LABEL[r.kind as keyof typeof ORG_KIND_LABEL],
      status: r.status as string,
      statusLabel: ORG_STATUS_LABEL[r.status as keyof typeof ORG_STATUS_LABEL],
      registeredOn: dateText(r.registered_on)!,
      authorityName: r.authority_name as string,
      supervisorUnit: r.supervisor_unit as string | null,
      supervisorOrgUnitId: r.supervisor_org_unit_id as string,
      areaPath: r.supervisor_area_path as string,
      lists: (lists.get(r.id) ?? []).map((l) => CREDIT_LIST_LABEL[l]),
    },
    inspections: ins.filter((i) => i.organization_id === r.id).map(inspection),
    row: r,
  }));
}

/** The organizations the actor's supervising unit supervises, a page at a time (closest names first when searching). */
export async function listSupervised(ctx: AppContext, actor: Actor, q: z.infer<typeof SupervisedQuery>): Promise<z.infer<typeof SupervisedPage>> {
  let b = base(ctx, actor);
  if (q.q) {
    const text = q.q;
    b = b.where((eb) => eb.or([nameMatches('o.name', text)(eb), eb('o.uscc', '=', text.toUpperCase())]));
  }
  const total = Number((await b.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await b
    .select([...COLUMNS])
    .$call((x) => (q.q ? x.orderBy(nameRank('o.name', q.q), 'desc') : x))
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items = (await shape(ctx, rows)).map((x) => ({ ...x.org, latest: x.inspections[0] ?? null }));
  return { total, page: q.page, pageSize: q.pageSize, items };
}

/** One supervised organization: registration facts, status, credit lists in force and every annual inspection; else 404. */
export async function getSupervised(ctx: AppContext, actor: Actor, id: string): Promise<z.infer<typeof SupervisedDetail>> {
  const row = await base(ctx, actor)
    .select([...COLUMNS])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('社会组织', 'ORG_NOT_FOUND');
  const [x] = await shape(ctx, [row]);
  return {
    ...x!.org,
    domicile: row.domicile,
    legalRepresentative: row.legal_representative,
    businessScope: row.business_scope,
    certificateNo: row.certificate_no,
    statusOn: row.status_on,
    inspections: x!.inspections,
  };
}
