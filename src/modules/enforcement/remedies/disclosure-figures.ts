import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs } from '../../../kernel/report/index.ts';
import { inScope } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { REMEDY_RESULTS } from '../contracts/remedy-labels.ts';
import { remedyDb } from './remedy-queries.ts';

type Cell = { value: number; ids: string[] };
const cell = (ids: string[]): Cell => ({ value: ids.length, ids: [...ids].sort() });
const subtree = (p: string) => sql<boolean>`(area_path = ${p} or area_path like ${p.replace(/[\\%_]/g, '\\$&') + '.%'})`;

/**
 * 第二十条第(六)项 行政强制 本年处理决定数量: the 行政强制 decisions dated in the period, in the area's subtree,
 * that the actor may read — with their record ids.
 */
export async function coercionDecisionFigures(ctx: AppContext, a: MetricQueryArgs): Promise<Cell> {
  const rows = await remedyDb(ctx.db)
    .selectFrom('enforcement.coercion')
    .where(inScope(a.actor, P.read, { areaPath: 'area_path', orgUnitId: 'org_unit_id' }))
    .where(subtree(a.areaPath))
    .where(sql<boolean>`decided_on between ${a.from}::date and ${a.to}::date`)
    .select('id')
    .execute();
  return cell(rows.map((r) => r.id));
}

/**
 * 四、政府信息公开行政复议、行政诉讼情况 (30号): cases about 政府信息公开 accepted in the period, in the area's
 * subtree, that the actor may read. Columns: 行政复议, 行政诉讼 未经复议直接起诉, 复议后起诉 — each 结果维持,
 * 结果纠正, 其他结果, 尚未审结 (no result by the period's end), 总计.
 */
export async function remedyDisclosureFigures(ctx: AppContext, a: MetricQueryArgs) {
  const rows = await remedyDb(ctx.db)
    .selectFrom('enforcement.remedy')
    .where(inScope(a.actor, P.read, { areaPath: 'area_path', orgUnitId: 'org_unit_id' }))
    .where(subtree(a.areaPath))
    .where('matter', '=', '政府信息公开')
    .where(sql<boolean>`accepted_on between ${a.from}::date and ${a.to}::date`)
    .select(['id', 'kind', 'after_review', 'result', sql<string | null>`result_on::text`.as('resultOn')])
    .execute();
  const group = (set: typeof rows) => {
    const resultOf = (r: (typeof rows)[number]) => (r.resultOn && r.resultOn <= a.to ? r.result : '尚未审结');
    return [...REMEDY_RESULTS.map((res) => cell(set.filter((r) => resultOf(r) === res).map((r) => r.id))), cell(set.map((r) => r.id))];
  };
  return {
    review: group(rows.filter((r) => r.kind === '行政复议')),
    direct: group(rows.filter((r) => r.kind === '行政诉讼' && !r.after_review)),
    afterReview: group(rows.filter((r) => r.kind === '行政诉讼' && r.after_review)),
  };
}
