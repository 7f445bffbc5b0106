import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';

/**
 * The annual report's figures (年度法治政府建设报告, issue 16). A module declares its section in
 * its manifest (`reportSections`); each metric computes its value for an area and period within
 * what the actor may read, and names the records behind it, so a figure links to its cases.
 */
export type MetricQueryArgs = {
  /** The area the report is for (a 6-digit or longer code). */
  areaCode: string;
  /** Its dotted path (e.g. 640000.640100.640104). */
  areaPath: string;
  /** The period, China dates, inclusive. */
  from: string;
  to: string;
  actor: Actor;
};

/**
 * What the records behind a figure are, so the engine can list them:
 * - 'case': ids of core.case rows (listed with the case read rule of the metric's permission);
 * - 'area': area codes (e.g. the counties that delegated 低保 approval);
 * - 'record': ids of a module's own rows that are not cases (e.g. catalogue items), listed as given
 *   (the metric's query has already applied the actor's scope).
 */
export type RecordKind = 'case' | 'area' | 'record';

export type MetricResult = { value: number; recordIds: string[]; recordKind: RecordKind };

/**
 * How the value of an area relates to the values of its sub-areas (said beside the figure):
 * - 'sum': the area's value is the sum of its sub-areas' values (counted over the whole subtree);
 * - 'own': counts the area's own level only (e.g. petitions registered by the 民政厅 itself), not a sum;
 * - 'ratio': a rate recomputed over the area's records, not a sum of the sub-areas' rates.
 */
export type Aggregation = 'sum' | 'own' | 'ratio';

export type ReportMetric = {
  /** Unique over all modules, `<section>.<name>` (e.g. petitions.total); used in template placeholders. */
  code: string;
  label: string;
  unit: string;
  /** The counting rule (口径) in words, shown beside the number. */
  rule: string;
  aggregation: Aggregation;
  /** The module read permission the records need (the metric is computed over what the actor may read with it). */
  permission: string;
  /** 'count' metrics have value = number of records (checked by tests); others (sums, rates) do not. */
  kind: 'count' | 'sum' | 'rate';
  query: (ctx: AppContext, args: MetricQueryArgs) => Promise<MetricResult>;
};

export type ReportSection = { code: string; label: string; metrics: readonly ReportMetric[] };

export const REPORT_PERMISSIONS = { read: 'report.read', edit: 'report.edit' } as const;

export const AGGREGATION_NOTES: Record<Aggregation, string> = {
  sum: '上级数为所辖各地之和',
  own: '本级数，不是下级之和',
  ratio: '按本地区全部记录重新计算的比率，不是下级比率之和',
};
