import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_PERMISSIONS, PENALTY_TYPE } from '../contracts/labels.ts';
import { reversalMetric } from './reversal-metric.ts';
import { tipoffMetrics } from './tipoff-metrics.ts';

type Row = {
  id: string;
  decision_kind: string | null;
  fine: string | null;
  hearing_on: string | null;
  review_passed: boolean | null;
  published_on: string | null;
  publish_ok: boolean | null;
};

/** Penalty cases filed in the period in the area's subtree that the actor may read. */
async function rows(ctx: AppContext, a: MetricQueryArgs): Promise<Row[]> {
  const like = a.areaPath.replace(/[\\%_]/g, '\\$&') + '.%';
  return (await ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`enforcement.penalty`.as('p'), (j) => j.onRef(sql.ref('p.case_id') as never, '=', 'c.id'))
    .where('c.type', '=', PENALTY_TYPE)
    .where(caseReadable(a.actor, ENFORCEMENT_PERMISSIONS.read))
    .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', like)]))
    .where(sql<boolean>`p.filed_on between ${a.from}::date and ${a.to}::date`)
    .select([
      'c.id',
      sql<string | null>`p.decision_kind`.as('decision_kind'),
      sql<string | null>`p.fine::text`.as('fine'),
      sql<string | null>`p.hearing_on::text`.as('hearing_on'),
      sql<boolean | null>`p.review_passed`.as('review_passed'),
      sql<string | null>`p.published_on::text`.as('published_on'),
      sql<boolean | null>`(select p.published_on <= k.due_date from core.deadline_clock k where k.case_id = c.id and k.name = 'publish')`.as('publish_ok'),
    ])
    .orderBy('c.id')
    .execute()) as Row[];
}

const ids = (rs: Row[]): MetricResult => ({ value: rs.length, recordIds: rs.map((r) => r.id), recordKind: 'case' });
const count = (keep: (r: Row) => boolean) => async (ctx: AppContext, a: MetricQueryArgs) => ids((await rows(ctx, a)).filter(keep));
const m = (x: Omit<ReportMetric, 'permission' | 'aggregation' | 'unit' | 'kind'> & Partial<ReportMetric>): ReportMetric => ({
  permission: ENFORCEMENT_PERMISSIONS.read,
  aggregation: 'sum',
  unit: '件',
  kind: 'count',
  ...x,
});

/** 行政执法 section of the annual report: penalty cases, hearings, 法制审核, fines, 事后公开 on time and 举报. */
export const enforcementReportSection: ReportSection = {
  code: 'enforcement',
  label: '行政执法',
  metrics: [
    m({ code: 'enforcement.cases', label: '行政处罚立案', rule: '统计年度内立案的行政处罚案件（本地区及下级）', query: count(() => true) }),
    m({
      code: 'enforcement.penalties',
      label: '作出行政处罚决定',
      rule: '统计年度内立案、已作出处罚决定的案件',
      query: count((r) => r.decision_kind === '处罚'),
    }),
    m({ code: 'enforcement.no_penalty', label: '不予处罚', rule: '已决定不予处罚（含首违不罚）的案件', query: count((r) => r.decision_kind === '不予处罚') }),
    m({ code: 'enforcement.hearings', label: '举行听证', rule: '已举行听证的案件', query: count((r) => !!r.hearing_on) }),
    m({ code: 'enforcement.reviews', label: '经法制审核', rule: '法制审核通过后作出决定的案件', query: count((r) => r.review_passed === true) }),
    m({
      code: 'enforcement.fines',
      label: '罚款金额',
      unit: '元',
      kind: 'sum',
      rule: '已作出决定的罚款金额之和（不含加处罚款）',
      query: async (ctx, a) => {
        const rs = (await rows(ctx, a)).filter((r) => r.fine !== null);
        return { value: rs.reduce((s, r) => s + Number(r.fine), 0), recordIds: rs.map((r) => r.id), recordKind: 'case' };
      },
    }),
    m({
      code: 'enforcement.published_on_time',
      label: '处罚决定按期公开率',
      unit: '%',
      kind: 'rate',
      aggregation: 'ratio',
      rule: '已公开的处罚决定中，在决定后 7 个工作日内公开的比例',
      query: async (ctx, a) => {
        const rs = (await rows(ctx, a)).filter((r) => r.published_on !== null);
        const ok = rs.filter((r) => r.publish_ok).length;
        return { value: rs.length ? Math.round((ok / rs.length) * 1000) / 10 : 0, recordIds: rs.map((r) => r.id), recordKind: 'case' };
      },
    }),
    reversalMetric,
    ...tipoffMetrics,
  ],
};
