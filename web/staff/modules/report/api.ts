import type { z } from 'zod';
import { http } from '../../shared/api.ts';
import type { CitiesOut, FiguresOut, RecordsOut, RunOut, RunsOut, TemplateOut } from '../../../../src/kernel/report/report-schemas.ts';
import type { TemplateBody } from '../../../../src/kernel/report/report-template.ts';
import type { DashboardOut } from '../../../../src/kernel/report/dashboard-schemas.ts';

export type Figures = z.infer<typeof FiguresOut>;
export type Figure = Figures['sections'][number]['metrics'][number];
export type FigureRecords = z.infer<typeof RecordsOut>;
export type ReportTemplate = z.infer<typeof TemplateOut>;
export type ReportRun = z.infer<typeof RunOut>;
export type ReportRuns = z.infer<typeof RunsOut>;
export type CityTable = z.infer<typeof CitiesOut>;
export type { TemplateBody };

const enc = encodeURIComponent;

/** The annual report API (src/kernel/report/routes.ts, routes-template.ts). */
export const reportApi = {
  figures: (year: number, area?: string) => http.get<Figures>('/api/report/metrics', { year, area }),
  refresh: (year: number, area?: string) => http.post<Figures>('/api/report/metrics/refresh', { year, ...(area ? { area } : {}) }),
  records: (metric: string, year: number, area: string | undefined, page: number, pageSize: number) =>
    http.get<FigureRecords>('/api/report/records', { metric, year, area, page, pageSize }),
  cities: (metric: string, year: number, level: 2 | 3) => http.get<CityTable>('/api/report/cities', { metric, year, level }),
  template: (year: number) => http.get<ReportTemplate>(`/api/report/templates/${year}`),
  saveTemplate: (year: number, body: TemplateBody, baseVersion: number) => http.put<ReportTemplate>(`/api/report/templates/${year}`, { ...body, baseVersion }),
  generate: (year: number, area?: string) => http.post<ReportRun>('/api/report/runs', { year, ...(area ? { area } : {}) }),
  runs: (year: number, area?: string) => http.get<ReportRuns>('/api/report/runs', { year, area }),
  run: (id: string) => http.get<ReportRun>(`/api/report/runs/${enc(id)}`),
  docxUrl: (id: string) => `/api/report/runs/${enc(id)}/report.docx`,
  pdfUrl: (id: string) => `/api/report/runs/${enc(id)}/report.pdf`,
  xlsxUrl: (id: string) => `/api/report/runs/${enc(id)}/appendix.xlsx`,
};

export type Dashboard = z.infer<typeof DashboardOut>;
/** 数据概览 (src/kernel/report/dashboard.ts). */
export const dashboardApi = { get: (area?: string, year?: number) => http.get<Dashboard>('/api/dashboard', { area, year }) };
