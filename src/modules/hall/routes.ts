import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, requirePermission } from '../../kernel/identity/index.ts';
import { applyAction, caseReadable } from '../../kernel/workflow/index.ts';
import { APPLICATION_TYPE, HALL_ERRORS } from './contract.ts';
import { ApplicationInput, RatingInput, SettingsInput } from './contracts/inputs.ts';
import { registerApplication } from './commands/register.ts';
import { addMaterialsAtWindow } from './commands/add-materials.ts';
import { materialList } from './commands/materials.ts';
import { jsonField, readMaterialParts } from './read-parts.ts';
import { rateService } from './commands/rate.ts';
import { ListApplicationsQuery, listApplications } from './queries/list-applications.ts';
import { ListComplaintsQuery, listComplaints } from './queries/list-complaints.ts';
import { RatingStatsQuery, ratingStats } from './queries/rating-stats.ts';
import { noVisitRate } from './queries/no-visit.ts';
import { PeriodQuery, hallDb } from './queries/filters.ts';
import { rectifyWorkdays, updateSettings } from './settings.ts';
import { registerHallPortalRoutes } from './routes-portal.ts';
import './workflow.ts';

/**
 * 政务服务大厅 staff API. Moves (补正告知, 受理, 不予受理, 准予, 不予, 送达; 差评: 回访核实, 整改,
 * 反馈, 申诉复核) go through the kernel's POST /api/cases/:id/transitions/:name.
 */
export async function registerHallRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['hall'];
  const Id = z.object({ id: z.uuid('办件 ID 格式不正确') });
  const readable = async (actorReq: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(actorReq);
    const c = await hallDb(ctx)
      .selectFrom('core.case as c')
      .select('c.id')
      .where('c.id', '=', id)
      .where('c.type', '=', APPLICATION_TYPE)
      .where(caseReadable(actor, 'hall.read'))
      .executeTakeFirst();
    if (!c) throw new AppError('HALL_NOT_FOUND', 404, HALL_ERRORS.NOT_FOUND);
    return actor;
  };

  app.post(
    '/api/hall/applications',
    {
      schema: {
        tags,
        summary: '窗口登记申请（一窗受理：前台登记，后台办理）；扫描的材料用 multipart：字段 application（JSON）和 material.<序号> 文件',
        body: ApplicationInput.nullish(),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'hall.handle');
      const { body, files } = req.isMultipart()
        ? await readMaterialParts(req, ['application']).then((p) => ({ body: jsonField(p.fields, 'application', '申请'), files: p.files }))
        : { body: req.body, files: [] };
      return reply.status(201).send(await registerApplication(ctx, actor, body, { channel: '窗口', system: false, files }));
    },
  );
  app.get('/api/hall/applications/:id/materials', { schema: { tags, summary: '申请材料清单（必要材料是否齐全、已上传的文件）', params: Id } }, async (req) => {
    await readable(req, req.params.id);
    return { materials: await materialList(ctx, req.params.id) };
  });
  app.post(
    '/api/hall/applications/:id/materials',
    { schema: { tags, summary: '上传申请材料（multipart:material.<序号> 文件；受理前）', params: Id } },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'hall.handle');
      if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', 400, '请以 multipart/form-data 上传材料', { field: 'materials' });
      const { files } = await readMaterialParts(req, []);
      return reply.status(201).send(await addMaterialsAtWindow(ctx, actor, req.params.id, files));
    },
  );
  app.get(
    '/api/hall/applications',
    { schema: { tags, summary: '政务服务办件列表（按数据范围；按状态、渠道、事项筛选）', querystring: ListApplicationsQuery } },
    async (req) => listApplications(ctx, actorOf(req), req.query),
  );
  app.post('/api/hall/applications/:id/visits', { schema: { tags, summary: '记录申请人到现场（核验、领取等，计入跑动次数）', params: Id } }, async (req) => {
    const actor = await readable(req, req.params.id);
    return applyAction(ctx, actor, { caseId: req.params.id, action: 'visit', type: APPLICATION_TYPE });
  });
  app.post(
    '/api/hall/applications/:id/rating',
    { schema: { tags, summary: '现场评价（一次一评：评价器上申请人本人作出的评价，由窗口录入）', params: Id, body: RatingInput } },
    async (req, reply) => {
      const actor = await readable(req, req.params.id);
      requirePermission(actor, 'hall.handle');
      return reply.status(201).send(await rateService(ctx, req.params.id, req.body));
    },
  );
  app.get('/api/hall/complaints', { schema: { tags, summary: '差评整改列表（按数据范围）', querystring: ListComplaintsQuery } }, async (req) =>
    listComplaints(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/hall/ratings/stats',
    { schema: { tags, summary: '好差评统计（按事项、单位、窗口、办理人；差评整改率）', querystring: RatingStatsQuery } },
    async (req) => ratingStats(ctx, actorOf(req), req.query),
  );
  app.get('/api/hall/no-visit', { schema: { tags, summary: '不见面率（按实际办件，分地区、期间）', querystring: PeriodQuery } }, async (req) =>
    noVisitRate(ctx, actorOf(req), req.query),
  );
  app.get('/api/hall/settings', { schema: { tags, summary: '政务服务设置（限期整改期限）' } }, async (req) => {
    requirePermission(actorOf(req), 'hall.read');
    return { rectifyWorkdays: await rectifyWorkdays(ctx) };
  });
  app.put('/api/hall/settings', { schema: { tags, summary: '修改政务服务设置（只能从严）', body: SettingsInput } }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, 'hall.configure');
    return updateSettings(ctx, actor, req.body);
  });
  await registerHallPortalRoutes(app, ctx);
}
