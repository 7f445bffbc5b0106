import type { AppContext } from '../../../platform/context.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import type { MetricQueryArgs, MetricRecord, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { orgsDb } from '../db.ts';
import { ORG_KIND_LABEL, ORG_STATUS_LABEL } from '../contract.ts';
import { interviewMetrics, rectificationMetrics } from './supervision-metrics.ts';
import { cleanupCases, registeredAt, uninspectedTwoYears, type Counted } from './org-figures.ts';

/**
 * 社会组织 section of the annual report: “全区登记社会组织5949个”, “清查梳理2年以上未年检社会组织285家”
 * and the name clean-up's “11家社会组织进行了更名，12家进行了注销清理”, each counted from the registry
 * as of the period's last day (or within the period), with the organizations or cases behind it.
 */
const day = (a: MetricQueryArgs) => a.to;

/** The organizations behind a figure that the actor may still read (orgs.read), by authority and name. */
async function orgRecords(ctx: AppContext, actor: Actor, ids: string[]): Promise<MetricRecord[]> {
  if (!ids.length) return [];
  const rows = await orgsDb(ctx.db)
    .selectFrom('orgs.organization as o')
    .innerJoin('core.org_unit as u', 'u.id', 'o.authority_org_unit_id')
    .where('o.id', 'in', ids)
    .where(inScope(actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .select(['o.id', 'o.uscc', 'o.name', 'o.kind', 'o.status', 'u.name as authority', 'o.registered_on', 'o.authority_area_path'])
    .orderBy('o.authority_area_path')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    refNo: r.uscc,
    title: r.name,
    type: ORG_KIND_LABEL[r.kind],
    state: r.status,
    stateLabel: ORG_STATUS_LABEL[r.status],
    org: r.authority,
    date: String(r.registered_on),
  }));
}

const asRecords = (c: Counted): MetricResult => ({ value: c.value, recordIds: c.ids, recordKind: 'record' });
const asCases = (c: Counted): MetricResult => ({ value: c.value, recordIds: c.ids, recordKind: 'case' });

const metric = (m: Omit<ReportMetric, 'permission' | 'kind'>): ReportMetric => ({ permission: 'orgs.read', kind: 'count', ...m });

export const orgsReportSection: ReportSection = {
  code: 'orgs',
  label: '社会组织登记管理',
  metrics: [
    metric({
      code: 'orgs.registered',
      label: '登记的社会组织',
      unit: '个',
      aggregation: 'sum',
      rule: '统计期末日登记在册的社会组织数：成立登记日期不晚于该日、且该日尚未注销或撤销登记，按登记管理机关所在区划统计（含下级登记管理机关登记的）。',
      query: async (ctx, a) => asRecords(await registeredAt(ctx, { actor: a.actor, areaPath: a.areaPath }, day(a))),
      records: orgRecords,
    }),
    metric({
      code: 'orgs.uninspected_2y',
      label: '2年以上未年检的社会组织',
      unit: '家',
      aggregation: 'sum',
      rule: '统计期末日登记在册、应参加统计年度前两个年度的年检（在第一个年度6月30日前成立登记，民政部令第27号）而截至该日两个年度均无年检结论的社会组织数（含下级登记管理机关登记的）。',
      query: async (ctx, a) => asRecords(await uninspectedTwoYears(ctx, { actor: a.actor, areaPath: a.areaPath }, day(a))),
      records: orgRecords,
    }),
    metric({
      code: 'orgs.uninspected_2y_own',
      label: '2年以上未年检的本级登记社会组织（如全区性社会组织）',
      unit: '家',
      aggregation: 'own',
      rule: '同“2年以上未年检的社会组织”，只计本级登记管理机关登记的（自治区为全区性社会组织）。',
      query: async (ctx, a) => asRecords(await uninspectedTwoYears(ctx, { actor: a.actor, areaPath: a.areaPath, own: true }, day(a))),
      records: orgRecords,
    }),
    metric({
      code: 'orgs.cleanup_renamed',
      label: '名称清理规范：更名',
      unit: '家',
      aggregation: 'sum',
      rule: '统计期内准予变更登记、变更了名称且申请时注明为名称清理规范专项工作（campaign = name_cleanup）的变更登记件数。',
      query: async (ctx, a) => asCases(await cleanupCases(ctx, { actor: a.actor, areaPath: a.areaPath }, 'renamed', a.from, a.to)),
    }),
    metric({
      code: 'orgs.cleanup_deregistered',
      label: '名称清理规范：注销清理',
      unit: '家',
      aggregation: 'sum',
      rule: '统计期内准予注销登记且申请时注明为名称清理规范专项工作（campaign = name_cleanup）的注销登记件数。',
      query: async (ctx, a) => asCases(await cleanupCases(ctx, { actor: a.actor, areaPath: a.areaPath }, 'deregistered', a.from, a.to)),
    }),
    ...interviewMetrics(orgRecords),
    ...rectificationMetrics,
  ],
};
