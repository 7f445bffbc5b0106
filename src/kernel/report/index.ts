/** Public API of the report kernel (年度法治政府建设报告): metrics with provenance. */
export { AGGREGATION_NOTES, REPORT_PERMISSIONS } from './contract.ts';
export type { Aggregation, MetricQueryArgs, MetricRecord, MetricResult, RecordKind, ReportMetric, ReportSection } from './contract.ts';
export { computeFigures, latestValue, type Figure, type FigureSection } from './compute-figures.ts';
export { figureRecords, type FigureRecord, type FigureRecordPage } from './figure-records.ts';
export { reportArea, scopeKey, yearPeriod, type ReportArea } from './report-area.ts';
export { metricByCode, metricCodes, reportSections } from './registry.ts';
export { registerReportRoutes } from './routes.ts';
export { fillTemplate, generateReport, getReportRun, listReportRuns, type ReportRun, type UsedFigure } from './generate-report.ts';
export { getTemplate, placeholders, saveTemplate, TemplateBody, type ReportTemplate } from './report-template.ts';
export { defaultTemplate } from './default-template.ts';
export { renderReportDocx } from './render-report-docx.ts';
export { reportAppendix } from './report-xlsx.ts';
