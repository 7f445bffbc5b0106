import { installedModules } from '../module/install-modules.ts';
import { AppError } from '../../platform/errors.ts';
import type { ReportMetric, ReportSection } from './contract.ts';

/** Every installed module's report sections, in MODULES order. */
export function reportSections(): ReportSection[] {
  return installedModules().flatMap((m) => [...m.reportSections]);
}

/** One metric by its code, or a 404 naming it. */
export function metricByCode(code: string): { section: ReportSection; metric: ReportMetric } {
  for (const section of reportSections()) {
    const metric = section.metrics.find((m) => m.code === code);
    if (metric) return { section, metric };
  }
  throw new AppError('METRIC_NOT_FOUND', 404, `报告指标「${code}」不存在`);
}

/** Placeholder codes a template may use: every metric code. */
export function metricCodes(): Set<string> {
  return new Set(reportSections().flatMap((s) => s.metrics.map((m) => m.code)));
}
