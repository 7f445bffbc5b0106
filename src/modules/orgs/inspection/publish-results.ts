import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { inScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';

export const PublishInput = z.object({
  year: z.number('请填写年度').int('年度应为整数').min(1990, '年度不正确').max(2999, '年度不正确').meta({ title: '年检年度' }),
});
export const Published = z.object({ year: z.number(), publishedOn: z.string(), count: z.number() });
export const PublicResultsQuery = z.object({
  year: z.coerce.number('年度应为数字').int('年度应为整数').min(1990, '年度不正确').max(2999, '年度不正确'),
  q: z.string().trim().max(60, '查询内容过长').optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export const PublicResults = z.object({
  year: z.number(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.object({ name: z.string(), uscc: z.string(), authorityName: z.string(), conclusion: z.string(), publishedOn: z.string() })),
});

/**
 * 年检结果公告: the conclusions of a year's inspection in the actor's scope not yet published are
 * published today (the 2019 report's 《2018年度全区性社会组织年检公告》). Audited per authority area.
 */
export async function publishResults(ctx: AppContext, actor: Actor, input: z.infer<typeof PublishInput>): Promise<z.infer<typeof Published>> {
  requirePermission(actor, 'orgs.register');
  const today = chinaDate(ctx.clock.now());
  return withTx(ctx, async (tx) => {
    const rows = await orgsDb(tx.db)
      .updateTable('orgs.inspection as i')
      .from('orgs.organization as o')
      .set({ published_on: today })
      .whereRef('o.id', '=', 'i.organization_id')
      .where(inScope(actor, 'orgs.register', { areaPath: 'o.authority_area_path' }))
      .where('i.year', '=', input.year)
      .where('i.conclusion', 'is not', null)
      .where('i.published_on', 'is', null)
      .returning(['i.organization_id'])
      .execute();
    await recordAudit(tx, {
      actor,
      action: 'orgs.inspection.publish',
      entityType: 'orgs_inspection_year',
      entityId: String(input.year),
      areaPath: actor.areaPath,
      orgUnitId: actor.orgUnitId,
      after: { year: input.year, publishedOn: today, count: rows.length },
    });
    return { year: input.year, publishedOn: today, count: rows.length };
  });
}

/** The published results of a year (public: name, USCC, registrar, conclusion — no reasons), 20 a page. */
export async function publicResults(ctx: AppContext, q: z.infer<typeof PublicResultsQuery>): Promise<z.infer<typeof PublicResults>> {
  const pageSize = 20;
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  const where = sql`i.year = ${q.year} and i.published_on is not null and i.conclusion is not null
    ${like ? sql`and (o.name like ${like} or o.uscc = ${q.q!.toUpperCase()})` : sql``}`;
  const total = Number(
    (await sql<{ n: string }>`select count(*) as n from orgs.inspection i join orgs.organization o on o.id = i.organization_id where ${where}`.execute(ctx.db))
      .rows[0]!.n,
  );
  const rows = (
    await sql<{ name: string; uscc: string; authority: string; conclusion: string; published_on: string }>`
      select o.name, o.uscc, u.name as authority, i.conclusion, i.published_on::text as published_on
      from orgs.inspection i join orgs.organization o on o.id = i.organization_id join core.org_unit u on u.id = o.authority_org_unit_id
      where ${where} order by o.authority_area_path, o.name limit ${pageSize} offset ${(q.page - 1) * pageSize}`.execute(ctx.db)
  ).rows;
  return {
    year: q.year,
    total,
    page: q.page,
    pageSize,
    items: rows.map((r) => ({ name: r.name, uscc: r.uscc, authorityName: r.authority, conclusion: r.conclusion, publishedOn: r.published_on })),
  };
}
