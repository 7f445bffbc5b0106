import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import type { MetricQueryArgs, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { applicationDb } from '../application-db.ts';
import { DIBAO_TYPE, RECHECK_TYPE } from '../contract.ts';

/**
 * 低保 section of the annual report: applications, confirmations (and how many a township
 * confirmed under the delegation), the 审批权下放 paragraph (“在隆德县试点的基础上,今年又将兴庆区、
 * 平罗县纳入试点范围”: counties and townships under the township regime) and re-checks done.
 * Counted over the whole area (its townships and counties), so a region's figure is the sum of its
 * counties'; cases by the kernel's case read rule with dibao.read.
 */
const IN_AREA = '报告地区（含下辖各地）';

const likeUnder = (path: string) => path.replace(/[\\%_]/g, '\\$&') + '.%';
const period = (a: MetricQueryArgs) => ({ start: chinaMidnight(a.from), end: new Date(chinaMidnight(a.to).getTime() + 86_400_000) });

/** Readable cases of a type in the area. */
const cases = (ctx: AppContext, a: MetricQueryArgs, type: string) =>
  applicationDb(ctx.db)
    .selectFrom('core.case as c')
    .where('c.type', '=', type)
    .where(caseReadable(a.actor, 'dibao.read'))
    .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', likeUnder(a.areaPath))]));

const caseIds = (ids: Array<{ id: string }>): MetricResult => ({ value: ids.length, recordIds: ids.map((r) => r.id), recordKind: 'case' });

/** Counties of the area whose 低保 confirmation lies with the townships on `day` (latest delegation row on or before it). */
async function delegatedCounties(ctx: AppContext, a: MetricQueryArgs, day: string) {
  return (
    await sql<{ code: string; since: string }>`
    select a.code, d.effective_from::text as since from core.area a
    join lateral (select authority, effective_from from dibao.delegation d where d.county_code = a.code and d.effective_from <= ${day}::date
      order by effective_from desc limit 1) d on true
    where a.level = 3 and (a.path = ${a.areaPath} or a.path like ${likeUnder(a.areaPath)}) and d.authority = 'township'`.execute(ctx.db)
  ).rows;
}

const metric = (m: Omit<ReportMetric, 'permission' | 'aggregation'>): ReportMetric => ({ permission: 'dibao.read', aggregation: 'sum', ...m });

export const dibaoReportSection: ReportSection = {
  code: 'dibao',
  label: '最低生活保障',
  metrics: [
    metric({
      code: 'dibao.applications',
      label: '低保申请',
      unit: '件',
      kind: 'count',
      rule: `统计年度内${IN_AREA}登记的低保申请件数（窗口、村居代办、网上），本人可查看的。`,
      async query(ctx, a) {
        const { start, end } = period(a);
        return caseIds(await cases(ctx, a, DIBAO_TYPE).where('c.created_at', '>=', start).where('c.created_at', '<', end).select('c.id').execute());
      },
    }),
    metric({
      code: 'dibao.confirmed',
      label: '确认享受低保（户）',
      unit: '户',
      kind: 'count',
      rule: `统计年度内${IN_AREA}作出“确认”决定的低保申请户数（以决定日期计，一件申请为一户）。`,
      async query(ctx, a) {
        return caseIds(
          await cases(ctx, a, DIBAO_TYPE)
            .innerJoin('dibao.application as ap', 'ap.case_id', 'c.id')
            .where('ap.decision', '=', '确认')
            .where('ap.decided_on', '>=', a.from)
            .where('ap.decided_on', '<=', a.to)
            .select('c.id')
            .execute(),
        );
      },
    }),
    metric({
      code: 'dibao.confirmed_by_township',
      label: '乡镇（街道）确认（审批权下放）',
      unit: '户',
      kind: 'count',
      rule: `统计年度内${IN_AREA}由乡镇（街道）依下放的审批权作出“确认”决定的户数（以受理当日的审批层级为准）。`,
      async query(ctx, a) {
        return caseIds(
          await cases(ctx, a, DIBAO_TYPE)
            .innerJoin('dibao.application as ap', 'ap.case_id', 'c.id')
            .where('ap.decision', '=', '确认')
            .where('ap.authority', '=', 'township')
            .where('ap.decided_on', '>=', a.from)
            .where('ap.decided_on', '<=', a.to)
            .select('c.id')
            .execute(),
        );
      },
    }),
    metric({
      code: 'dibao.delegated_counties',
      label: '低保审批权下放乡镇（街道）的县（区）',
      unit: '个',
      kind: 'count',
      rule: `年末（12 月 31 日）${IN_AREA}低保确认权在乡镇（街道）的县（市、区）个数，以县级审批权下放配置（生效日期）为准。`,
      async query(ctx, a) {
        const rows = await delegatedCounties(ctx, a, a.to);
        return { value: rows.length, recordIds: rows.map((r) => r.code), recordKind: 'area' };
      },
    }),
    metric({
      code: 'dibao.delegated_counties_new',
      label: '本年新纳入审批权下放试点的县（区）',
      unit: '个',
      kind: 'count',
      rule: `上述县（市、区）中，下放在统计年度内生效的个数（此前已下放的为先行试点，不计）。`,
      async query(ctx, a) {
        const rows = (await delegatedCounties(ctx, a, a.to)).filter((r) => r.since >= a.from);
        return { value: rows.length, recordIds: rows.map((r) => r.code), recordKind: 'area' };
      },
    }),
    metric({
      code: 'dibao.delegated_townships',
      label: '承接低保审批权的乡镇（街道）',
      unit: '个',
      kind: 'count',
      rule: `年末低保确认权已下放的县（市、区）所辖、在用的乡镇（街道）个数（区划库中的乡级区划）。`,
      async query(ctx, a) {
        const counties = (await delegatedCounties(ctx, a, a.to)).map((r) => r.code);
        const rows = counties.length
          ? (
              await sql<{ code: string }>`select code from core.area where level = 4 and active and parent_code = any(${counties}::text[])
                and (path = ${a.areaPath} or path like ${likeUnder(a.areaPath)})`.execute(ctx.db)
            ).rows
          : [];
        return { value: rows.length, recordIds: rows.map((r) => r.code), recordKind: 'area' };
      },
    }),
    metric({
      code: 'dibao.rechecks_done',
      label: '完成低保复核',
      unit: '户次',
      kind: 'count',
      rule: `统计年度内${IN_AREA}办结的低保定期复核（动态管理）件数，以办结时间计。`,
      async query(ctx, a) {
        const { start, end } = period(a);
        return caseIds(
          await cases(ctx, a, RECHECK_TYPE)
            .where('c.terminal', '=', true)
            .where('c.closed_at', '>=', start)
            .where('c.closed_at', '<', end)
            .select('c.id')
            .execute(),
        );
      },
    }),
  ],
};
