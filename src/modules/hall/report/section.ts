import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import type { MetricQueryArgs, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { APPLICATION_TYPE, COMPLAINT_TYPE } from '../contract.ts';
import { hallDb } from '../queries/filters.ts';
import { noVisitRows } from '../queries/no-visit.ts';

/**
 * 政务服务 section of the annual report: 办件 finished, 不见面率 from actual cases (the report's
 * 「91.3% 的事项不见面」 is the lists' figure; this is the cases'), 好差评 ratings, 差评 and 差评整改率.
 * Every figure is over the area's subtree (cases in the area or below) readable by the actor.
 */
const finished = (ctx: AppContext, a: MetricQueryArgs) => noVisitRows(ctx, a.actor, { from: a.from, to: a.to, areaPath: a.areaPath });

async function ratings(ctx: AppContext, a: MetricQueryArgs) {
  return (await hallDb(ctx)
    .selectFrom('hall.rating as r')
    .innerJoin('core.case as c', 'c.id', 'r.application_id')
    .leftJoin('core.case as k', 'k.id', 'r.complaint_case_id')
    .where('c.type', '=', APPLICATION_TYPE)
    .where(caseReadable(a.actor, 'hall.read'))
    .where('r.invalidated', '=', false)
    .where('r.rated_on', '>=', a.from)
    .where('r.rated_on', '<=', a.to)
    .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', `${a.areaPath}.%`)]))
    .select(['c.id', 'r.negative', 'r.complaint_case_id', sql<boolean>`k.state = 'closed'`.as('rectified')])
    .execute()) as Array<{ id: string; negative: boolean; complaint_case_id: string | null; rectified: boolean | null }>;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

const metric = (m: Omit<ReportMetric, 'permission' | 'aggregation'> & { aggregation?: ReportMetric['aggregation'] }): ReportMetric => ({
  permission: 'hall.read',
  aggregation: 'sum',
  ...m,
});

export const hallReportSection: ReportSection = {
  code: 'hall',
  label: '政务服务',
  metrics: [
    metric({
      code: 'hall.finished',
      label: '政务服务办结件',
      unit: '件',
      kind: 'count',
      rule: '统计期间内送达办理结果（办结）的政务服务办件数，含本地区及下级。',
      query: async (ctx, a): Promise<MetricResult> => {
        const ids = (await finished(ctx, a)).map((r) => r.id);
        return { value: ids.length, recordIds: ids, recordKind: 'case' };
      },
    }),
    metric({
      code: 'hall.no_visit_rate',
      label: '不见面办理率（按实际办件）',
      unit: '%',
      kind: 'rate',
      aggregation: 'ratio',
      rule: '办结件中网上申请、未到现场、结果未在窗口领取的件数 ÷ 办结件数；记录为不见面办结的办件。',
      query: async (ctx, a): Promise<MetricResult> => {
        const rs = await finished(ctx, a);
        const ids = rs.filter((r) => r.no_visit).map((r) => r.id);
        return { value: rate(ids.length, rs.length), recordIds: ids, recordKind: 'case' };
      },
    }),
    metric({
      code: 'hall.ratings',
      label: '好差评评价数',
      unit: '件',
      kind: 'count',
      rule: '统计期间内作出的好差评（一事一评、一次一评）数，申诉复核认定为误评、恶意差评的不计；记录为被评价的办件。',
      query: async (ctx, a): Promise<MetricResult> => {
        const ids = (await ratings(ctx, a)).map((r) => r.id);
        return { value: ids.length, recordIds: ids, recordKind: 'case' };
      },
    }),
    metric({
      code: 'hall.negative',
      label: '差评数',
      unit: '件',
      kind: 'count',
      rule: '评价为不满意、非常不满意的件数；记录为差评整改案件。',
      query: async (ctx, a): Promise<MetricResult> => {
        const ids = (await ratings(ctx, a)).filter((r) => r.negative).map((r) => r.complaint_case_id!);
        return { value: ids.length, recordIds: ids, recordKind: 'case' };
      },
    }),
    metric({
      code: 'hall.rectify_rate',
      label: '差评整改率',
      unit: '%',
      kind: 'rate',
      aggregation: 'ratio',
      rule: `已整改并反馈评价人的差评 ÷ 差评数；记录为已办结的差评整改案件（${COMPLAINT_TYPE}）。`,
      query: async (ctx, a): Promise<MetricResult> => {
        const neg = (await ratings(ctx, a)).filter((r) => r.negative);
        const ids = neg.filter((r) => r.rectified).map((r) => r.complaint_case_id!);
        return { value: rate(ids.length, neg.length), recordIds: ids, recordKind: 'case' };
      },
    }),
  ],
};
