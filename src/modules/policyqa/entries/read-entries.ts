import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordInScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { POLICYQA_ERRORS, QA_CATEGORIES, QA_STATUSES } from '../contracts/vocab.ts';
import { entryDto, entryRows, escapeLike } from './entry-rows.ts';

export const ListEntriesQuery = z.object({
  q: z.string().trim().max(60, '「q」不超过 60 字').optional(),
  status: z.enum(QA_STATUSES, { message: '「status」应为 published、flagged 或 withdrawn' }).optional(),
  category: z.enum(QA_CATEGORIES, { message: '「category」不是问答类别' }).optional(),
  documentId: z.uuid('「documentId」格式不正确').optional(),
  page: z.coerce.number({ message: '「page」须为页码' }).int().min(1, '「page」须为页码').default(1),
  pageSize: z.coerce.number({ message: '「pageSize」须为每页条数' }).int().min(1).max(100, '「pageSize」不超过 100').default(20),
});

/** The data-scope condition on policyqa.entry q for a permission (本级及下级 / 本级). */
export function scopeSql(actor: Actor, permission: string) {
  const parts = actor.grants
    .filter((g) => g.permissions.includes(permission))
    .map((g) =>
      g.scope === 'subtree'
        ? sql`(q.area_path = ${g.areaPath} or q.area_path like ${escapeLike(g.areaPath) + '.%'})`
        : g.scope === 'org'
          ? sql`q.org_unit_id = ${g.orgUnitId}`
          : sql`false`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** 问答管理: the entries of the actor's offices and those below, by text, status, category or document. */
export async function listEntries(ctx: AppContext, actor: Actor, q: z.infer<typeof ListEntriesQuery>) {
  requirePermission(actor, 'policyqa.read');
  const like = q.q ? `%${escapeLike(q.q)}%` : null;
  const where = sql`${scopeSql(actor, 'policyqa.read')}
    and (${like}::text is null or q.question like ${like} or q.answer like ${like} or q.policy_title like ${like})
    and (${q.status ?? null}::text is null or q.status = ${q.status ?? null})
    and (${q.category ?? null}::text is null or q.category = ${q.category ?? null})
    and (${q.documentId ?? null}::uuid is null or q.document_id = ${q.documentId ?? null})`;
  const total = (await sql<{ n: number }>`select count(*)::int as n from policyqa.entry q where ${where}`.execute(ctx.db)).rows[0]!.n;
  const items = (await entryRows(ctx, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize })).map(entryDto);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getEntry(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'policyqa.read');
  const row = (await entryRows(ctx, sql`q.id = ${id} and ${scopeSql(actor, 'policyqa.read')}`))[0];
  if (!row) throw new AppError('POLICYQA_NOT_FOUND', 404, POLICYQA_ERRORS.NOT_FOUND);
  return entryDto(row);
}

/** The entry row locked for a change, if the actor holds the permission over it (404 otherwise). */
export async function entryForWrite(tx: AppContext, actor: Actor, permission: string, id: string) {
  requirePermission(actor, permission);
  const row = (
    await sql<{ id: string; seq: number; status: string; area_path: string; org_unit_id: string; question: string; answer: string; policy_title: string }>`
      select id, seq, status, area_path, org_unit_id, question, answer, policy_title from policyqa.entry where id = ${id} for update`.execute(tx.db)
  ).rows[0];
  if (!row || !recordInScope(actor, permission, { areaPath: row.area_path, orgUnitId: row.org_unit_id }))
    throw new AppError('POLICYQA_NOT_FOUND', 404, POLICYQA_ERRORS.NOT_FOUND);
  return row;
}
