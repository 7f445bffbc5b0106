import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, workflowOf } from '../../../kernel/workflow/index.ts';
import { NORMDOC_TYPE } from '../contract.ts';

const STATES = [
  'drafting',
  'consulting',
  'reviewing',
  'reviewed',
  'deliberated',
  'legal_signed',
  'signed',
  'numbered',
  'published',
  'filed',
  'repealed',
  'expired',
  'revised',
  'continued',
] as const;
export const ListNormdocsQuery = z.object({
  q: z.string().trim().max(100, '「q」不超过 100 字').optional(),
  state: z.enum(STATES, { message: '「state」不是规范性文件的环节' }).optional(),
  year: z.coerce.number({ message: '「year」须为年份' }).int('「year」须为年份').min(2000, '「year」须为年份').max(2100, '「year」须为年份').optional(),
  page: z.coerce.number({ message: '「page」须为页码' }).int().min(1, '「page」须为页码').default(1),
  pageSize: z.coerce.number({ message: '「pageSize」须为每页条数' }).int().min(1).max(100, '「pageSize」不超过 100').default(20),
});
export type ListNormdocsQuery = z.infer<typeof ListNormdocsQuery>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

const HEAD_COLS: Record<string, string> = {
  id: 'c.id',
  ref_no: 'c.ref_no',
  state: 'c.state',
  due_date: 'c.due_date::text',
  org_unit_id: 'c.org_unit_id',
  org_name: 'o.name',
  created_on: "to_char(d.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')",
  title: 'd.title',
  number: 'd.number',
  signed_on: 'd.signed_on::text',
  published_on: 'd.published_on::text',
  effective_on: 'd.effective_on::text',
  valid_until: 'd.valid_until::text',
  filed_on: 'd.filed_on::text',
  // The chain: the document this one continues or revises, and the one that replaced it.
  prev_id: 'coalesce(d.continues_case_id, d.revises_case_id)',
  prev_number: '(select x.number from normdocs.document x where x.case_id = coalesce(d.continues_case_id, d.revises_case_id))',
  next_id: 'd.replaced_by_case_id',
  next_number: '(select x.number from normdocs.document x where x.case_id = d.replaced_by_case_id)',
  end_kind: 'd.end_kind',
  continues: 'd.continues_case_id is not null',
};
export const HEAD = sql.raw(
  Object.entries(HEAD_COLS)
    .map(([k, v]) => `${v} as ${k}`)
    .join(', '),
);
const headSelect = Object.entries(HEAD_COLS).map(([k, v]) => sql.raw(v).as(k));

export type HeadRow = Record<string, string | null> & { id: string; state: string; continues?: boolean | null };
export const headDto = (r: HeadRow) => ({
  id: r.id,
  refNo: r.ref_no!,
  state: r.state,
  stateLabel: workflowOf(NORMDOC_TYPE).states[r.state]?.label ?? r.state,
  title: r.title!,
  number: r.number,
  orgUnitId: r.org_unit_id!,
  orgUnitName: r.org_name!,
  createdOn: r.created_on!,
  signedOn: r.signed_on,
  publishedOn: r.published_on,
  effectiveOn: r.effective_on,
  validUntil: r.valid_until,
  filedOn: r.filed_on,
  dueDate: r.due_date,
  /** The chain in the register: 继续施行 / 修改 of an earlier number; replaced (重新登记 / 修改) by a later one. */
  previous: r.prev_id ? { id: r.prev_id, number: r.prev_number, kind: r.continues ? '继续施行' : '修改' } : null,
  next: r.next_id ? { id: r.next_id, number: r.next_number, kind: r.end_kind! } : null,
});

/** The register in the actor's data scope: search by number, title, reference; by state and year. */
export async function listNormdocs(ctx: AppContext, actor: Actor, q: ListNormdocsQuery) {
  let base = ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`normdocs.document`.as('d'), (j) => j.onRef(sql.ref('d.case_id') as never, '=', 'c.id'))
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .where('c.type', '=', NORMDOC_TYPE)
    .where(caseReadable(actor, 'normdocs.read'));
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.year) base = base.where(sql<boolean>`coalesce(d.number_year, extract(year from d.created_at at time zone 'Asia/Shanghai')::int) = ${q.year}`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where(sql<boolean>`(d.title like ${like} or d.number like ${like} or c.ref_no like ${like} or o.name like ${like})`);
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = (await base
    .select(headSelect)
    .orderBy(sql`d.created_at`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()) as unknown as HeadRow[];
  return { items: rows.map(headDto), total, page: q.page, pageSize: q.pageSize };
}
