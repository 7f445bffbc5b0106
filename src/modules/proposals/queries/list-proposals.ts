import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, workflowOf } from '../../../kernel/workflow/index.ts';
import { CATEGORIES, KINDS, PROPOSAL_TYPE, ROLES } from '../contract.ts';

export const ListProposalsQuery = z.object({
  kind: z.enum(KINDS, { message: '「kind」须为人大代表建议或政协提案' }).optional(),
  session: z.string().trim().max(60, '「session」不超过 60 字').optional(),
  role: z.enum(ROLES, { message: '「role」须为主办、协办、会办或分办' }).optional(),
  category: z.enum(CATEGORIES, { message: '「category」须为 A、B、C 或 D' }).optional(),
  state: z.string().max(40).optional(),
  year: z.coerce.number({ message: '「year」须为年份' }).int('「year」须为年份').min(2000, '「year」须为年份').max(2100, '「year」须为年份').optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListProposalsQuery = z.infer<typeof ListProposalsQuery>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** Columns of a list row / detail head (alias c = core.case, i = proposals.item, o = core.org_unit). */
const HEAD_COLS: Record<string, string> = {
  id: 'c.id',
  ref_no: 'c.ref_no',
  state: 'c.state',
  due_date: 'c.due_date::text',
  clock_state: 'c.clock_state',
  org_unit_id: 'c.org_unit_id',
  area_path: 'c.area_path',
  org_name: 'o.name',
  kind: 'i.kind',
  number: 'i.number',
  session: 'i.session',
  title: 'i.title',
  deputies: 'i.deputies',
  role: 'i.role',
  category: 'i.category',
  received_on: 'i.received_on::text',
  result: 'i.result',
};
export const HEAD = sql.raw(
  Object.entries(HEAD_COLS)
    .map(([k, v]) => `${v} as ${k}`)
    .join(', '),
);
export const headSelect = Object.entries(HEAD_COLS).map(([k, v]) => sql.raw(v).as(k));

export type HeadRow = Record<string, string | null> & { id: string; state: string };
export const headDto = (r: HeadRow) => ({
  id: r.id,
  refNo: r.ref_no!,
  state: r.state,
  stateLabel: workflowOf(PROPOSAL_TYPE).states[r.state]?.label ?? r.state,
  kind: r.kind!,
  number: r.number!,
  session: r.session!,
  title: r.title!,
  deputies: r.deputies!,
  role: r.role!,
  category: r.category,
  receivedOn: r.received_on!,
  dueDate: r.due_date,
  clockState: r.clock_state,
  orgUnitId: r.org_unit_id!,
  orgUnitName: r.org_name!,
  areaPath: r.area_path!,
  result: r.result,
});

/** 建议提案 list in the actor's data scope (kernel caseReadable), newest 交办 first. */
export async function listProposals(ctx: AppContext, actor: Actor, q: ListProposalsQuery) {
  let base = ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`proposals.item`.as('i'), (j) => j.onRef(sql.ref('i.case_id') as never, '=', 'c.id'))
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .where('c.type', '=', PROPOSAL_TYPE)
    .where(caseReadable(actor, 'proposals.read'));
  const w = (col: string, v: unknown) => sql<boolean>`${sql.ref(col)} = ${v}`;
  if (q.kind) base = base.where(w('i.kind', q.kind));
  if (q.session) base = base.where(w('i.session', q.session));
  if (q.role) base = base.where(w('i.role', q.role));
  if (q.category) base = base.where(w('i.category', q.category));
  if (q.year) base = base.where(w('i.year', q.year));
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where(sql<boolean>`(c.title like ${like} or c.ref_no like ${like} or i.number like ${like} or i.deputies like ${like})`);
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = (await base
    .select(headSelect)
    .orderBy(sql`i.received_on`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()) as unknown as HeadRow[];
  return { items: rows.map(headDto), total, page: q.page, pageSize: q.pageSize };
}
