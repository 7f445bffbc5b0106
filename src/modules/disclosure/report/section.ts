import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS, ITEM_TYPE, REQUEST_TYPE, RESULT_GROUPS } from '../contracts/labels.ts';

/** Case ids of the readable records of `type` under the area whose row (alias x) meets `where`. */
async function ids(ctx: AppContext, a: MetricQueryArgs, type: string, table: string, where: ReturnType<typeof sql<boolean>>) {
  const rows = await ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`${sql.table(table)}`.as('x'), (j) => j.onRef(sql.ref('x.case_id') as never, '=', 'c.id'))
    .where('c.type', '=', type)
    .where(sql<boolean>`(c.area_path = ${a.areaPath} or c.area_path like ${a.areaPath + '.%'})`)
    .where(caseReadable(a.actor, 'disclosure.read'))
    .where(where)
    .select('c.id')
    .orderBy('c.id')
    .execute();
  const recordIds = rows.map((r) => r.id);
  return { value: recordIds.length, recordIds, recordKind: 'case' as const };
}

const metric = (code: string, label: string, unit: string, rule: string, query: ReportMetric['query']): ReportMetric => ({
  code: `disclosure.${code}`,
  label,
  unit,
  rule,
  aggregation: 'sum',
  permission: 'disclosure.read',
  kind: 'count',
  query,
});
const kindsOf = (group: number) =>
  Object.entries(ANSWER_KINDS)
    .filter(([, k]) => k.group === group)
    .map(([key]) => key);

/** 政务公开 figures for the annual report: proactive items and requests, each with the records behind it. */
export const disclosureReportSection: ReportSection = {
  code: 'disclosure',
  label: '政务公开',
  metrics: [
    metric('published', '主动公开政府信息', '条', '统计年度内审核发布（公开日期在年度内）的主动公开信息条数，含此后撤回的。', (ctx, a) =>
      ids(ctx, a, ITEM_TYPE, 'disclosure.item', sql<boolean>`x.published_on between ${a.from}::date and ${a.to}::date`),
    ),
    metric('published_late', '超过 20 个工作日公开的信息', '条', '统计年度内公开、但晚于形成或变更之日起 20 个工作日（第二十六条）的条数。', (ctx, a) =>
      ids(
        ctx,
        a,
        ITEM_TYPE,
        'disclosure.item',
        sql<boolean>`x.published_on between ${a.from}::date and ${a.to}::date and exists (select 1 from core.deadline_clock k where k.case_id = c.id and k.name = 'publish' and k.state = 'missed')`,
      ),
    ),
    metric('requests_new', '本年新收政府信息公开申请', '件', '收到申请之日（第三十一条）在统计年度内的申请件数。', (ctx, a) =>
      ids(ctx, a, REQUEST_TYPE, 'disclosure.request', sql<boolean>`x.received_on between ${a.from}::date and ${a.to}::date`),
    ),
    metric('requests_answered', '本年度办结的政府信息公开申请', '件', '答复日期在统计年度内的申请件数（年报“三、本年度办理结果（七）总计”）。', (ctx, a) =>
      ids(ctx, a, REQUEST_TYPE, 'disclosure.request', sql<boolean>`x.answered_on between ${a.from}::date and ${a.to}::date`),
    ),
    ...RESULT_GROUPS.slice(0, 2).map((g, i) =>
      metric(i === 0 ? 'answered_open' : 'answered_partial', `办理结果${g}`, '件', `答复日期在统计年度内、答复类型计入年报“${g}”的件数。`, (ctx, a) =>
        ids(
          ctx,
          a,
          REQUEST_TYPE,
          'disclosure.request',
          sql<boolean>`x.answered_on between ${a.from}::date and ${a.to}::date and x.answer_kind in (${sql.join(kindsOf(i))})`,
        ),
      ),
    ),
    metric('answered_late', '逾期答复的政府信息公开申请', '件', '答复日期在统计年度内、答复晚于答复期限（含批准延长）的件数。', (ctx, a) =>
      ids(
        ctx,
        a,
        REQUEST_TYPE,
        'disclosure.request',
        sql<boolean>`x.answered_on between ${a.from}::date and ${a.to}::date and exists (select 1 from core.deadline_clock k where k.case_id = c.id and k.name = 'answer' and k.state = 'missed')`,
      ),
    ),
  ],
};
