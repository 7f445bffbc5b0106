import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { computeFigures } from './compute-figures.ts';
import { cityTable } from './city-table.ts';
import { figureRecords } from './figure-records.ts';
import { withPreviousYear } from './previous-year.ts';
import { reportArea } from './report-area.ts';
import { dashboard } from './dashboard.ts';
import { DashboardOut, DashboardQuery } from './dashboard-schemas.ts';
import { registerReportTemplateRoutes } from './routes-template.ts';
import { CitiesOut, CitiesQuery, FiguresOut, FiguresQuery, RecordsOut, RecordsQuery, RefreshBody } from './report-schemas.ts';

const tags = ['report'];
const security = [{ session: [] }];

/** Annual report figures with their counting rules, and the records behind each figure. */
export async function registerReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const areaOut = (a: { code: string; name: string; level: number }) => ({ code: a.code, name: a.name, level: a.level });

  r.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        security,
        summary: '数据概览：本人可见的各类事项按状态、按月登记数和下一级地区分布（取自随办理同步更新的汇总表）',
        querystring: DashboardQuery,
        response: { 200: DashboardOut },
      },
    },
    async (req) => dashboard(ctx, actorOf(req), { area: req.query.area, year: req.query.year }),
  );

  r.get(
    '/api/report/metrics',
    {
      schema: {
        tags,
        security,
        summary: '年度报告指标：数值、单位、统计口径、计算时间，及上年数值和同比增减（按本人数据范围）',
        querystring: FiguresQuery,
        response: { 200: FiguresOut },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const area = await reportArea(ctx, actor, req.query.area);
      const q = { year: req.query.year, area, section: req.query.section };
      const sections = await withPreviousYear(ctx, actor, q, await computeFigures(ctx, actor, q));
      return { year: req.query.year, area: areaOut(area), sections };
    },
  );

  r.post(
    '/api/report/metrics/refresh',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, security, summary: '重新计算年度报告指标（保留以往计算结果）', body: RefreshBody, response: { 200: FiguresOut } },
    },
    async (req) => {
      const actor = actorOf(req);
      const area = await reportArea(ctx, actor, req.body.area);
      const q = { year: req.body.year, area, section: req.body.section, refresh: true };
      const sections = await withPreviousYear(ctx, actor, q, await computeFigures(ctx, actor, q));
      return { year: req.body.year, area: areaOut(area), sections };
    },
  );

  r.get(
    '/api/report/records',
    {
      schema: {
        tags,
        security,
        summary: '指标背后的记录（案件或地区），分页',
        querystring: RecordsQuery,
        response: { 200: RecordsOut },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const area = await reportArea(ctx, actor, req.query.area);
      const page = await figureRecords(ctx, actor, { code: req.query.metric, year: req.query.year, area, page: req.query.page, pageSize: req.query.pageSize });
      return { ...page, area: areaOut(area) };
    },
  );

  r.get(
    '/api/report/cities',
    {
      schema: {
        tags,
        security,
        summary: '全区分市（地级市）或分县（县、市、区，level=3）指标表：本人可查看的各地一行，每格可查看其记录',
        querystring: CitiesQuery,
        response: { 200: CitiesOut },
      },
    },
    async (req) => cityTable(ctx, actorOf(req), { metric: req.query.metric, year: req.query.year, level: req.query.level as 2 | 3 }),
  );

  await registerReportTemplateRoutes(app, ctx);
}
