import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePermission } from '../../kernel/identity/index.ts';
import { filedBy } from '../../kernel/documents/index.ts';
import { createVersion, putItems, reviewVersion, submitVersion } from './commands/versions.ts';
import { registerOffice } from './commands/offices.ts';
import { adoptCatalogue, revokeImplementation, updateImplementation } from './commands/lists.ts';
import { createPower, transferPower } from './commands/powers.ts';
import { enterSupervisionItem, reviewSupervisionItem } from './commands/supervision.ts';
import { enterInspection, reviewInspection } from './commands/inspection-entry.ts';
import { getVersion, listVersions } from './queries/versions.ts';
import { listInspections, listOffices, listSupervision, officeList } from './queries/lists.ts';
import { DiffQuery, diffForActor } from './queries/diff-for-actor.ts';
import { diffWorkbook } from './queries/diff-xlsx.ts';
import { PowerQuery, listPowers } from './queries/powers.ts';
import { importList } from './imports/import-list.ts';
import { listImportErrors, listTemplate } from './imports/list-import-files.ts';
import { importCatalogue } from './imports/import-catalogue.ts';
import { catalogueImportErrors, catalogueTemplate } from './imports/catalogue-import-files.ts';
import { AppError } from '../../platform/errors.ts';
import type {} from '@fastify/multipart';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const sendXlsx = (reply: FastifyReply, buffer: Buffer, fileName: string, asciiName: string) =>
  reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(buffer);

/** The one xlsx of a multipart upload (field file), at most MAX_IMPORT_BYTES. */
async function uploadedXlsx(req: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  const file = req.isMultipart() ? await req.file({ limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 } }) : undefined;
  if (!file) throw new AppError('IMPORT_FILE_MISSING', 400, '「file」请选择要导入的 xlsx 文件', { field: 'file' });
  const bytes = await file.toBuffer().catch(() => {
    throw new AppError('IMPORT_FILE_TOO_LARGE', 413, `「file」文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限`, { field: 'file' });
  });
  return { fileName: file.filename || 'upload.xlsx', bytes };
}

/** 政务服务事项 staff API: catalogue versions, implementation lists, 四级四同 diff, power list, 互联网+监管. */
export async function registerCatalogueRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogue'];
  const Id = z.object({ id: z.uuid('ID 格式不正确') });
  const reader = (req: Parameters<typeof actorOf>[0]) => {
    const a = actorOf(req);
    requirePermission(a, 'catalogue.read');
    return a;
  };

  app.get('/api/catalogue/versions', { schema: { tags, summary: '基本目录版本列表' } }, async (req) => (reader(req), listVersions(ctx)));
  app.get(
    '/api/catalogue/versions/:id',
    { schema: { tags, summary: '基本目录版本及其事项', params: Id } },
    async (req) => (reader(req), getVersion(ctx, req.params.id)),
  );
  app.post('/api/catalogue/versions', { schema: { tags, summary: '编制基本目录版本（草稿）' } }, async (req, reply) =>
    reply.status(201).send(await createVersion(ctx, actorOf(req), req.body)),
  );
  app.put('/api/catalogue/versions/:id/items', { schema: { tags, summary: '新增或修改草稿中的事项（按基本编码）', params: Id } }, async (req) =>
    putItems(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/catalogue/versions/:id/submit', { schema: { tags, summary: '提交基本目录版本审核', params: Id } }, async (req) =>
    submitVersion(ctx, actorOf(req), req.params.id),
  );
  app.post('/api/catalogue/versions/:id/review', { schema: { tags, summary: '审核发布（或退回）基本目录版本', params: Id } }, async (req) =>
    reviewVersion(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/catalogue/catalogue-template.xlsx', { schema: { tags, summary: '基本目录导入模板（含现行目录）' } }, async (req, reply) => {
    const { buffer, fileName } = await catalogueTemplate(ctx, actorOf(req));
    return sendXlsx(reply, buffer, fileName, 'catalogue-template.xlsx');
  });
  app.post(
    '/api/catalogue/catalogue-import',
    {
      schema: {
        tags,
        summary: '导入基本目录为草稿版本（multipart，字段 file；xlsx；整表校验，有错则不生成版本）',
        querystring: z.object({
          title: z.string().trim().max(100, '版本名称不能超过100个字').optional(),
          effectiveOn: z.iso.date('生效日期应为日期（YYYY-MM-DD）').optional(),
        }),
      },
    },
    async (req, reply) => {
      const r = await importCatalogue(ctx, actorOf(req), await uploadedXlsx(req), req.query);
      return reply.status(r.applied ? 201 : 200).send(r);
    },
  );
  app.get(
    '/api/catalogue/catalogue-imports/:id/errors.xlsx',
    { schema: { tags, summary: '下载基本目录导入错误说明（xlsx）', params: Id } },
    async (req, reply) => {
      const { buffer, fileName } = await catalogueImportErrors(ctx, actorOf(req), req.params.id);
      return sendXlsx(reply, buffer, fileName, `catalogue-import-errors-${req.params.id}.xlsx`);
    },
  );

  app.get('/api/catalogue/offices', { schema: { tags, summary: '实施主体（按数据范围）' } }, async (req) => listOffices(ctx, reader(req)));
  app.post('/api/catalogue/offices', { schema: { tags, summary: '登记实施主体（统一社会信用代码）' } }, async (req, reply) =>
    reply.status(201).send(await registerOffice(ctx, actorOf(req), req.body)),
  );
  app.get('/api/catalogue/offices/:id/list', { schema: { tags, summary: '实施主体的实施清单', params: Id } }, async (req) =>
    officeList(ctx, reader(req), req.params.id),
  );
  app.post('/api/catalogue/offices/:id/adopt', { schema: { tags, summary: '按已发布基本目录生成/更新实施清单', params: Id } }, async (req) =>
    adoptCatalogue(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/catalogue/offices/:id/list-template.xlsx',
    { schema: { tags, summary: '实施清单导入模板（含本单位现有清单）', params: Id } },
    async (req, reply) => {
      const { buffer, fileName } = await listTemplate(ctx, reader(req), req.params.id);
      return sendXlsx(reply, buffer, fileName, `catalogue-list-${req.params.id}.xlsx`);
    },
  );
  app.post(
    '/api/catalogue/offices/:id/list-import',
    { schema: { tags, summary: '导入实施清单（multipart，字段 file；xlsx；整表校验，有错则全部不导入）', params: Id } },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'catalogue.list');
      const r = await importList(ctx, actor, req.params.id, await uploadedXlsx(req));
      return reply.status(r.applied ? 201 : 200).send(r);
    },
  );
  app.get('/api/catalogue/list-imports/:id/errors.xlsx', { schema: { tags, summary: '下载实施清单导入错误说明（xlsx）', params: Id } }, async (req, reply) => {
    const { buffer, fileName } = await listImportErrors(ctx, actorOf(req), req.params.id);
    return sendXlsx(reply, buffer, fileName, `catalogue-list-import-errors-${req.params.id}.xlsx`);
  });
  app.put('/api/catalogue/implementations/:id', { schema: { tags, summary: '修改实施清单的本地要素', params: Id } }, async (req) =>
    updateImplementation(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/catalogue/implementations/:id/revoke', { schema: { tags, summary: '取消实施清单事项', params: Id } }, async (req) =>
    revokeImplementation(ctx, actorOf(req), req.params.id),
  );

  app.get('/api/catalogue/diff', { schema: { tags, summary: '四级四同比对（漏项、重项、错项）', querystring: DiffQuery } }, async (req) =>
    diffForActor(ctx, reader(req), req.query),
  );
  app.get('/api/catalogue/diff.xlsx', { schema: { tags, summary: '四级四同比对导出（xlsx）', querystring: DiffQuery } }, async (req, reply) => {
    const actor = reader(req);
    const d = await diffForActor(ctx, actor, req.query);
    const name = `四级四同比对_${d.area.name}_${d.area.code}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="catalogue-diff_${d.area.code}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(await diffWorkbook(d, await filedBy(ctx, actor)));
  });

  app.get('/api/catalogue/powers', { schema: { tags, summary: '权责清单（某日在册；按类型计数）', querystring: PowerQuery } }, async (req) =>
    listPowers(ctx, reader(req), req.query),
  );
  app.post('/api/catalogue/powers', { schema: { tags, summary: '新增权力事项' } }, async (req, reply) =>
    reply.status(201).send(await createPower(ctx, actorOf(req), req.body)),
  );
  app.post('/api/catalogue/powers/:id/transfer', { schema: { tags, summary: '权力事项划转', params: Id } }, async (req) =>
    transferPower(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get('/api/catalogue/supervision', { schema: { tags, summary: '互联网+监管事项（目录清单、检查实施清单）' } }, async (req) =>
    listSupervision(ctx, reader(req)),
  );
  app.post('/api/catalogue/supervision', { schema: { tags, summary: '录入监管事项（谁监管、谁录入）' } }, async (req, reply) =>
    reply.status(201).send(await enterSupervisionItem(ctx, actorOf(req), req.body)),
  );
  app.post('/api/catalogue/supervision/:id/review', { schema: { tags, summary: '审核监管事项（谁审核）', params: Id } }, async (req) =>
    reviewSupervisionItem(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/catalogue/inspection-records',
    { schema: { tags, summary: '录入行政检查行为（谁监管、谁录入；检查人员须持有效执法证）' } },
    async (req, reply) => {
      const a = actorOf(req);
      requirePermission(a, 'catalogue.supervise');
      return reply.status(201).send(await enterInspection(ctx, a, req.body));
    },
  );
  app.get('/api/catalogue/inspection-records', { schema: { tags, summary: '行政检查行为（按数据范围）' } }, async (req) => listInspections(ctx, reader(req)));
  app.post('/api/catalogue/inspection-records/:id/review', { schema: { tags, summary: '审核行政检查行为（谁审核）', params: Id } }, async (req) =>
    reviewInspection(ctx, actorOf(req), req.params.id, req.body),
  );
}
