import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type {} from '@fastify/multipart';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, requirePermission } from '../../kernel/identity/index.ts';
import { filedBy } from '../../kernel/documents/index.ts';

import { generateRoster } from './money/generate-roster.ts';
import { checkRoster } from './money/check-roster.ts';
import { approveRoster, getRoster, listRosters, ListRostersQuery, RosterDetailQuery } from './money/roster-queries.ts';
import { rosterWorkbook } from './money/roster-xlsx.ts';
import { countiesInScope } from './money/common.ts';
import { CreateStandardBody, createStandard, ListStandardsQuery, listStandards } from './standards/standards.ts';
import { getSettings, SettingsPatch, updateSettings } from './settings-edit.ts';
import { labelledSchemaErrors } from '../../platform/http/parse-input.ts';
import { DibaoSettingsView, RosterCounties, RosterDetail, RosterPage, RosterSummary, Standard, StandardList } from './contracts/money.ts';
import { importRoster } from './imports/import-roster.ts';
import { getImport, importErrorReport, importTemplate, listImports } from './imports/import-batches.ts';
import { DibaoStatsQuery, dibaoStats } from './stats/dibao-stats.ts';
import { dibaoStatsWorkbook } from './stats/stats-xlsx.ts';
import { DibaoStats, GeneratedRoster, ImportDetail, ImportPage, ImportReport, RosterCheckResult } from './contracts/money.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function sendXlsx(reply: FastifyReply, buffer: Buffer, fileName: string, asciiName: string) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(buffer);
}

/** 低保 payment rosters, standards and settings, imports and statistics (staff). */
export async function registerDibaoMoneyRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['dibao-money'];
  const Id = z.object({ id: z.uuid('「id」格式不正确') });

  // 保障标准 and 设置
  app.get(
    '/api/dibao/standards',
    { schema: { tags, summary: '保障标准（按地区、城乡，含生效日期）', querystring: ListStandardsQuery, response: { 200: StandardList } } },
    async (req) => {
      actorOf(req);
      return listStandards(ctx, req.query);
    },
  );
  app.post(
    '/api/dibao/standards',
    {
      schema: { tags, summary: '新增保障标准（新的生效日期，不改写历史）', body: CreateStandardBody, response: { 201: Standard } },
      schemaErrorFormatter: labelledSchemaErrors((f) => f),
    },
    async (req, reply) => reply.status(201).send(await createStandard(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/dibao/settings',
    { schema: { tags, summary: '低保设置（现值、默认值、依据及是否已核实）', response: { 200: DibaoSettingsView } } },
    async (req) => getSettings(ctx, actorOf(req)),
  );
  app.put(
    '/api/dibao/settings',
    { schema: { tags, summary: '修改低保设置或其依据（自治区级；只能比法定标准更严格）', body: SettingsPatch, response: { 200: DibaoSettingsView } } },
    async (req) => updateSettings(ctx, actorOf(req), req.body),
  );

  // 发放名册
  app.get(
    '/api/dibao/rosters',
    { schema: { tags, summary: '发放名册列表（按数据范围）', querystring: ListRostersQuery, response: { 200: RosterPage } } },
    async (req) => listRosters(ctx, actorOf(req), req.query),
  );
  app.get('/api/dibao/roster-counties', { schema: { tags, summary: '可生成名册的县（区）', response: { 200: RosterCounties } } }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, 'dibao.read');
    return { items: (await countiesInScope(ctx, actor, 'dibao.roster')).map((c) => ({ code: c.code, name: c.name, areaPath: c.path })) };
  });
  app.post(
    '/api/dibao/rosters',
    {
      schema: {
        tags,
        summary: '生成（或重新生成）某县某月发放名册',
        body: z.object({ countyCode: z.string({ message: '「countyCode」必填' }), month: z.string({ message: '「month」必填' }) }),
        response: { 201: GeneratedRoster },
      },
    },
    async (req, reply) => reply.status(201).send(await generateRoster(ctx, actorOf(req), req.body)),
  );
  app.get('/api/dibao/rosters/:id.xlsx', { schema: { tags, summary: '导出发放名册（xlsx）', params: Id } }, async (req, reply) => {
    const { buffer, fileName } = await rosterWorkbook(ctx, actorOf(req), req.params.id);
    return sendXlsx(reply, buffer, fileName, `dibao-roster-${req.params.id}.xlsx`);
  });
  app.get(
    '/api/dibao/rosters/:id',
    { schema: { tags, summary: '发放名册详情（明细、问题、变动）', params: Id, querystring: RosterDetailQuery, response: { 200: RosterDetail } } },
    async (req) => getRoster(ctx, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/dibao/rosters/:id/check',
    { schema: { tags, summary: '校验发放名册', params: Id, body: z.object({}).passthrough().optional(), response: { 200: RosterCheckResult } } },
    async (req) => checkRoster(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/dibao/rosters/:id/approve',
    {
      schema: {
        tags,
        summary: '审批发放名册（校验无问题后）',
        params: Id,
        body: z.object({ version: z.number().int().optional() }).optional(),
        response: { 200: RosterSummary },
      },
    },
    async (req) => approveRoster(ctx, actorOf(req), req.params.id, req.body ?? {}),
  );

  // 名册导入
  app.get('/api/dibao/imports/template.xlsx', { schema: { tags, summary: '导入模板（xlsx）' } }, async (req, reply) => {
    actorOf(req);
    return sendXlsx(reply, await importTemplate(), '低保名册导入模板.xlsx', 'dibao-import-template.xlsx');
  });
  app.post(
    '/api/dibao/imports',
    { schema: { tags, summary: '导入存量低保名册（multipart，字段 file;xlsx 或 csv）', response: { 200: ImportReport, 201: ImportReport } } },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'dibao.import');
      const file = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 } });
      if (!file) throw new AppError('IMPORT_FILE_MISSING', 400, '「file」请选择要导入的文件', { field: 'file' });
      const bytes = await file.toBuffer().catch(() => {
        throw new AppError('IMPORT_FILE_TOO_LARGE', 413, `「file」文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限`, { field: 'file' });
      });
      const r = await importRoster(ctx, actor, { fileName: file.filename || 'upload.xlsx', bytes });
      return reply.status(r.alreadyImported ? 200 : 201).send(r);
    },
  );
  app.get(
    '/api/dibao/imports',
    {
      schema: {
        tags,
        summary: '导入批次历史',
        querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: ImportPage },
      },
    },
    async (req) => listImports(ctx, actorOf(req), req.query),
  );
  app.get('/api/dibao/imports/:id/errors.xlsx', { schema: { tags, summary: '下载错误报告（原文件加「错误说明」列）', params: Id } }, async (req, reply) => {
    const { buffer, fileName } = await importErrorReport(ctx, actorOf(req), req.params.id);
    return sendXlsx(reply, buffer, fileName, `dibao-import-errors-${req.params.id}.xlsx`);
  });
  app.get('/api/dibao/imports/:id', { schema: { tags, summary: '导入批次详情（逐行错误）', params: Id, response: { 200: ImportDetail } } }, async (req) =>
    getImport(ctx, actorOf(req), req.params.id),
  );

  // 统计
  app.get(
    '/api/dibao/stats',
    {
      schema: {
        tags,
        summary: '低保统计（在保户数人数、类型、月支出、办理时长试点对比、按时办结率）',
        querystring: DibaoStatsQuery,
        response: { 200: DibaoStats },
      },
    },
    async (req) => dibaoStats(ctx, actorOf(req), req.query),
  );
  app.get('/api/dibao/stats.xlsx', { schema: { tags, summary: '低保统计导出（xlsx）', querystring: DibaoStatsQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    const s = await dibaoStats(ctx, actor, req.query);
    const now = ctx.clock.now();
    const buf = await dibaoStatsWorkbook(s, { generatedBy: `${actor.displayName}（${actor.username}）`, generatedAt: now, ...(await filedBy(ctx, actor)) });
    return sendXlsx(reply, buf, `${s.area.name}低保统计_${s.from}_${s.to}.xlsx`, `dibao-stats_${s.from}_${s.to}.xlsx`);
  });
}
