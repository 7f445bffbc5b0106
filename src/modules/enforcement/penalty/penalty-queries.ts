import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, getCase } from '../../../kernel/workflow/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { ENFORCEMENT_ERRORS, ENFORCEMENT_PERMISSIONS, PENALTY_STATES, PENALTY_TYPE } from '../contracts/labels.ts';

export const ListPenaltiesQuery = z.object({
  state: z.enum(Object.keys(PENALTY_STATES) as [keyof typeof PENALTY_STATES], '「状态」不正确').optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 行政处罚案件 in the actor's scope (kernel caseReadable), newest 立案 first. */
export async function listPenalties(ctx: AppContext, actor: Actor, q: z.output<typeof ListPenaltiesQuery>) {
  let base = ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`enforcement.penalty`.as('p'), (j) => j.onRef(sql.ref('p.case_id') as never, '=', 'c.id'))
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .where('c.type', '=', PENALTY_TYPE)
    .where(caseReadable(actor, ENFORCEMENT_PERMISSIONS.read));
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where(sql<boolean>`(c.title like ${like} or c.ref_no like ${like} or p.decision_no like ${like})`);
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select([
      'c.id',
      'c.ref_no as refNo',
      'c.title',
      'c.state',
      'c.area_path as areaPath',
      'o.name as org',
      sql<string>`p.party_name`.as('partyName'),
      sql<string>`p.filed_on::text`.as('filedOn'),
      sql<string | null>`p.decision_no`.as('decisionNo'),
      sql<string | null>`p.fine::text`.as('fine'),
      sql<string | null>`c.due_date::text`.as('nextDue'),
    ])
    .orderBy(sql`p.filed_on`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      ...r,
      stateLabel: PENALTY_STATES[r.state as keyof typeof PENALTY_STATES] ?? r.state,
      fine: r.fine === null ? null : Number(r.fine),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One case: its facts, the officers named on it, evidence (with SM3), 先行登记保存, 陈述申辩 — within the kernel's read rule. */
export async function getPenalty(ctx: AppContext, actor: Actor, id: string) {
  const c = await getCase(ctx, actor, id);
  if (c.type !== PENALTY_TYPE) throw new AppError('ENFORCEMENT_NOT_FOUND', 404, ENFORCEMENT_ERRORS.NOT_FOUND);
  const [team, evidence, preservations, statements] = await Promise.all([
    sql<{ investigators: string[] }>`select investigators from enforcement.penalty where case_id = ${id}`.execute(ctx.db),
    sql`select id, stage, kind, title, collected_on::text as "collectedOn", sm3, size_bytes::float8 as "sizeBytes", file_name as "fileName", mime_type as "mimeType", recorded_by_name as "recordedBy" from enforcement.evidence where case_id = ${id} order by created_at`.execute(
      ctx.db,
    ),
    sql`select id, items, registered_on::text as "registeredOn", due_on::text as "dueOn", decision, decided_on::text as "decidedOn" from enforcement.preservation where case_id = ${id} order by registered_on`.execute(
      ctx.db,
    ),
    sql`select id, received_on::text as "receivedOn", content, adopted from enforcement.statement where case_id = ${id} order by received_on`.execute(ctx.db),
  ]);
  const investigatorIds = team.rows[0]?.investigators ?? [];
  return { case: c, investigatorIds, evidence: evidence.rows, preservations: preservations.rows, statements: statements.rows };
}
