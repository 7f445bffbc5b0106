import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { chinaYear } from '../../platform/china-time.ts';
import { requirePermission } from '../identity/actor.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { REPORT_PERMISSIONS } from './contract.ts';
import { generateReport, getReportRun, listReportRuns } from './generate-report.ts';
import { reportSections } from './registry.ts';
import { renderReportDocx } from './render-report-docx.ts';
import { renderReportPdf } from './render-report-pdf.ts';
import { reportArea } from './report-area.ts';
import { GenerateBody, RunIdParams, RunOut, RunsOut, RunsQuery, TemplateOut, YearParams } from './report-schemas.ts';
import { getTemplate, PutTemplateBody, saveTemplate, type ReportTemplate } from './report-template.ts';
import { reportAppendix } from './report-xlsx.ts';
import { filedBy } from '../documents/index.ts';

const tags = ['report'];
const security = [{ session: [] }];

const templateOut = (t: ReportTemplate) => ({
  ...t,
  placeholders: reportSections().flatMap((s) => s.metrics.map((m) => ({ code: m.code, label: m.label, unit: m.unit }))),
});

/** The year's report template (read, save a version) and generated reports (generate, read, docx, xlsx appendix). */
export async function registerReportTemplateRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/report/templates/:year',
    { schema: { tags, security, summary: '年度报告模板（最新版本；未保存过时为内置模板，版本 0）', params: YearParams, response: { 200: TemplateOut } } },
    async (req) => {
      requirePermission(actorOf(req), REPORT_PERMISSIONS.read);
      return templateOut(await getTemplate(ctx, req.params.year));
    },
  );

  r.put(
    '/api/report/templates/:year',
    {
      schema: {
        tags,
        security,
        summary: '保存年度报告模板（新版本；baseVersion 不是最新版本时 409）',
        params: YearParams,
        body: PutTemplateBody,
        response: { 200: TemplateOut },
      },
    },
    async (req) => {
      const { baseVersion, ...body } = req.body;
      return templateOut(await saveTemplate(ctx, actorOf(req), req.params.year, body, baseVersion));
    },
  );

  r.post(
    '/api/report/runs',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, security, summary: '生成年度报告：按模板填入指标数值，记录模板版本和所用数据', body: GenerateBody, response: { 201: RunOut } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, REPORT_PERMISSIONS.edit);
      const area = await reportArea(ctx, actor, req.body.area);
      reply.code(201);
      return generateReport(ctx, actor, req.body.year, area);
    },
  );

  r.get(
    '/api/report/runs',
    { schema: { tags, security, summary: '已生成的年度报告（新的在前）', querystring: RunsQuery, response: { 200: RunsOut } } },
    async (req) => {
      const actor = actorOf(req);
      const area = await reportArea(ctx, actor, req.query.area);
      const year = req.query.year ?? chinaYear(ctx.clock.now());
      const items = (await listReportRuns(ctx, year, area)).map((i) => ({ ...i, areaPath: area.path }));
      return { year, area: { code: area.code, name: area.name, level: area.level }, areaPath: area.path, items };
    },
  );

  r.get('/api/report/runs/:id', { schema: { tags, security, summary: '查看生成的年度报告', params: RunIdParams, response: { 200: RunOut } } }, async (req) =>
    getReportRun(ctx, actorOf(req), req.params.id),
  );

  r.get(
    '/api/report/runs/:id/report.docx',
    { schema: { tags, security, summary: '下载年度报告（docx,GB/T 9704 公文格式）', params: RunIdParams } },
    async (req, reply) => {
      const run = await getReportRun(ctx, actorOf(req), req.params.id);
      const file = await renderReportDocx(run);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${run.year}年法治政府建设情况报告-${run.area.name}.docx`)}`)
        .send(file);
    },
  );

  r.get(
    '/api/report/runs/:id/report.pdf',
    { schema: { tags, security, summary: '下载年度报告（PDF，GB/T 9704 公文格式，附指标来源）', params: RunIdParams } },
    async (req, reply) => {
      const run = await getReportRun(ctx, actorOf(req), req.params.id);
      const file = await renderReportPdf(run);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${run.year}年法治政府建设情况报告-${run.area.name}.pdf`)}`)
        .send(file);
    },
  );

  r.get(
    '/api/report/runs/:id/appendix.xlsx',
    { schema: { tags, security, summary: '下载年度报告附表（xlsx：全部指标及统计口径）', params: RunIdParams } },
    async (req, reply) => {
      const actor = actorOf(req);
      const run = await getReportRun(ctx, actor, req.params.id);
      const file = await reportAppendix(run, await filedBy(ctx, actor));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${run.year}年法治政府建设报告指标附表-${run.area.name}.xlsx`)}`)
        .send(file);
    },
  );
}
