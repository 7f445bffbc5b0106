import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { NORMDOC_TYPE } from '../contract.ts';

/**
 * The documents (cases) of the area's subtree the actor may read for which `happened` holds in the
 * period — a condition on the document `d` and its case `c`, between ${from} and ${to} (China dates).
 */
export const documents =
  (happened: (from: string, to: string) => RawBuilder<boolean>) =>
  async (ctx: AppContext, a: MetricQueryArgs): Promise<MetricResult> => {
    const like = a.areaPath.replace(/[\\%_]/g, '\\$&') + '.%';
    const rows = await ctx.db
      .selectFrom('core.case as c')
      .innerJoin(sql<{ case_id: string }>`normdocs.document`.as('d'), (j) => j.onRef(sql.ref('d.case_id') as never, '=', 'c.id'))
      .where('c.type', '=', NORMDOC_TYPE)
      .where(caseReadable(a.actor, 'normdocs.read'))
      .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', like)]))
      .where(happened(a.from, a.to))
      .select('c.id')
      .orderBy('c.id')
      .execute();
    return { value: rows.length, recordIds: rows.map((r) => r.id), recordKind: 'case' };
  };

const within = (col: string) => (from: string, to: string) => sql<boolean>`${sql.raw(col)} between ${from}::date and ${to}::date`;
const reviewed = (conclusions: string[]) => (from: string, to: string) =>
  sql<boolean>`exists (select 1 from normdocs.review r where r.case_id = d.case_id and r.conclusion in (${sql.join(conclusions)})
    and r.reviewed_on between ${from}::date and ${to}::date)`;

const evaluated = (thirdParty: boolean) => (from: string, to: string) =>
  sql<boolean>`exists (select 1 from normdocs.evaluation e where e.case_id = d.case_id and e.evaluated_on between ${from}::date and ${to}::date
    and (${!thirdParty} or e.third_party))`;

const m = (x: Pick<ReportMetric, 'code' | 'label' | 'rule' | 'query'>): ReportMetric => ({
  permission: 'normdocs.read',
  aggregation: 'sum',
  unit: '件',
  kind: 'count',
  ...x,
});
const OF = '本地区及下级机关（自治区民政厅各处室、各市民政局）本人可查看的规范性文件';

/** 规范性文件 section of the annual report: drafted, 合法性审核 passed / returned, published, filed, ended, continued, cleaned, evaluated (third party). */
export const normdocReportSection: ReportSection = {
  code: 'normdocs',
  label: '规范性文件',
  metrics: [
    m({
      code: 'normdocs.drafted',
      label: '起草规范性文件',
      rule: `统计年度内开始起草（登记第 1 版草案）的${OF}件数，含清理后启动修改的。`,
      query: documents((f, t) => sql<boolean>`(d.created_at at time zone 'Asia/Shanghai')::date between ${f}::date and ${t}::date`),
    }),
    m({
      code: 'normdocs.review_passed',
      label: '合法性审核通过',
      rule: `统计年度内政策法规处作出「通过」或「修改后通过」审核结论的${OF}件数（一件多轮按 1 件计）。`,
      query: documents(reviewed(['通过', '修改后通过'])),
    }),
    m({
      code: 'normdocs.review_returned',
      label: '合法性审核不予通过退回',
      rule: `统计年度内政策法规处作出「不予通过」审核结论、退回起草单位修改的${OF}件数（一件多次退回按 1 件计）。`,
      query: documents(reviewed(['不予通过'])),
    }),
    m({
      code: 'normdocs.published',
      label: '统一登记编号并公布',
      rule: `统计年度内公布的${OF}件数（均已统一登记编号）。`,
      query: documents(within('d.published_on')),
    }),
    m({ code: 'normdocs.filed', label: '报送备案', rule: `统计年度内报送备案的${OF}件数。`, query: documents(within('d.filed_on')) }),
    m({
      code: 'normdocs.repealed',
      label: '废止',
      rule: `统计年度内废止（含清理决定废止）的${OF}件数，按废止日期计。`,
      query: documents((f, t) => sql<boolean>`d.end_kind = '废止' and d.ended_on between ${f}::date and ${t}::date`),
    }),
    m({
      code: 'normdocs.expired',
      label: '失效',
      rule: `统计年度内失效（有效期届满或清理宣布失效）的${OF}件数，按失效日期计。`,
      query: documents((f, t) => sql<boolean>`d.end_kind = '失效' and d.ended_on between ${f}::date and ${t}::date`),
    }),
    m({
      code: 'normdocs.continued',
      label: '继续施行（重新登记）',
      rule: `统计年度内经有效期届满前评估继续有效、重新登记编号和有效期并公布的${OF}件数，按重新公布日期计（新文号同时计入「统一登记编号并公布」）。`,
      query: documents((f, t) => sql<boolean>`d.continues_case_id is not null and d.published_on between ${f}::date and ${t}::date`),
    }),
    m({
      code: 'normdocs.cleaned',
      label: '清理',
      rule: `统计年度内完成的清理中作出清理结论（继续有效、修改、废止、宣布失效）的${OF}件数（一件多次清理按 1 件计）。`,
      query: documents(
        (f, t) => sql<boolean>`exists (select 1 from normdocs.cleanup_item i join normdocs.cleanup k on k.id = i.cleanup_id
          where i.case_id = d.case_id and k.closed_on between ${f}::date and ${t}::date)`,
      ),
    }),
    m({
      code: 'normdocs.evaluated',
      label: '评估',
      rule: `统计年度内登记评估（有效期届满前评估、决策后评估）的${OF}件数，按评估日期计（一件多次评估按 1 件计）。`,
      query: documents(evaluated(false)),
    }),
    m({
      code: 'normdocs.evaluated_third_party',
      label: '第三方评估',
      rule: `统计年度内委托第三方评估的${OF}件数，按评估日期计（一件多次评估按 1 件计），来自登记的评估记录（评估主体、方式、发现、结论）。`,
      query: documents(evaluated(true)),
    }),
  ],
};
