import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_PERMISSIONS, PENALTY_TYPE } from '../contracts/labels.ts';

/**
 * The 行政处罚 row of the yearly 政府信息公开 report (国办公开办函〔2021〕30号, 第二十条第(六)项 本年处理决定数量):
 * penalty decisions (决定, kind 处罚) dated in the period, in the area's subtree, that the actor may read — with their case ids.
 */
export async function penaltyDecisionFigures(ctx: AppContext, a: MetricQueryArgs) {
  const like = a.areaPath.replace(/[\\%_]/g, '\\$&') + '.%';
  const rows = await ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`enforcement.penalty`.as('p'), (j) => j.onRef(sql.ref('p.case_id') as never, '=', 'c.id'))
    .where('c.type', '=', PENALTY_TYPE)
    .where(caseReadable(a.actor, ENFORCEMENT_PERMISSIONS.read))
    .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', like)]))
    .where(sql<boolean>`p.decision_kind = '处罚' and p.decided_on between ${a.from}::date and ${a.to}::date`)
    .select('c.id')
    .orderBy('c.id')
    .execute();
  return { value: rows.length, ids: rows.map((r) => r.id) };
}
