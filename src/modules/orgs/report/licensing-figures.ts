import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';

/**
 * The 行政许可 row of the yearly 政府信息公开 report (国办公开办函〔2021〕30号, 第二十条第(五)项 本年处理决定数量):
 * the registrar's decisions on 成立、变更、注销登记 applications (准予登记 or 不予登记) dated in the period,
 * held in the area's subtree and readable by the actor (orgs.read) — with their case ids.
 */
export async function licensingDecisionFigures(ctx: AppContext, a: MetricQueryArgs) {
  const like = a.areaPath.replace(/[\\%_]/g, '\\$&') + '.%';
  const rows = await ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`orgs.application`.as('x'), (j) => j.onRef(sql.ref('x.case_id') as never, '=', 'c.id'))
    .where(caseReadable(a.actor, 'orgs.read'))
    .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', like)]))
    .where(sql<boolean>`x.decision is not null and x.decided_on between ${a.from}::date and ${a.to}::date`)
    .select('c.id')
    .orderBy('c.id')
    .execute();
  return { value: rows.length, ids: rows.map((r) => r.id) };
}
