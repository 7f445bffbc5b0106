import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../kernel/identity/index.ts';
import { sendDocumentPdf } from '../../kernel/documents/index.ts';
import { HALL_ERRORS } from './contract.ts';
import { ApplicationInput, PortalAuth, RatingInput } from './contracts/inputs.ts';
import { registerApplication } from './commands/register.ts';
import { certificatePdf, rateOnline, trackApplication } from './commands/portal.ts';
import { correctOnline } from './commands/add-materials.ts';
import { MATERIAL_MAX_FILE_BYTES, MATERIAL_MAX_FILES } from './commands/materials.ts';
import { jsonField, readMaterialParts } from './read-parts.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { checkSolution } from '../../kernel/portal/index.ts';
import { findHallItem, listHallItems } from './items.ts';

/** 网上办事 (no session, rate-limited per address): guide, apply (proof of work), track, 补正, result PDF, 好差评. */
export async function registerHallPortalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['hall'];
  const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

  app.get('/api/public/hall/items', { config: { ...limit(60), publicCache: true }, schema: { tags, summary: '办事指南：可申请的政务服务事项' } }, async () => ({
    items: (await listHallItems(ctx)).map((i) => ({
      code: i.code,
      name: i.name,
      typeLabel: i.typeLabel,
      promiseWorkdays: i.promiseWorkdays,
      depth: i.depth,
      visits: i.visits,
    })),
  }));
  app.get(
    '/api/public/hall/items/:code',
    {
      config: limit(60),
      schema: {
        tags,
        summary: '办事指南：事项详情（条件、材料清单、申请表；给出 area 时为该地实施清单的时限、办理深度、跑动次数）',
        params: z.object({ code: z.string().max(40) }),
        querystring: z.object({
          area: z
            .string()
            .regex(/^\d{6}$/, '「area」应为 6 位县级区划代码')
            .optional(),
        }),
      },
    },
    async (req) => {
      const item = await findHallItem(ctx, req.params.code, req.query.area);
      if (!item) throw new AppError('HALL_ITEM_UNKNOWN', 404, HALL_ERRORS.ITEM_UNKNOWN);
      return item;
    },
  );
  app.post(
    '/api/public/hall/applications',
    {
      config: limit(5),
      schema: {
        tags,
        summary: `网上申请（无需登录，须附安全校验 pow，见 GET /api/public/pow），返回申请编号和一次性查询码。上传材料用 multipart：字段 application（JSON）和 material.<序号> 文件（材料清单第几项，从 0 起；至多 ${MATERIAL_MAX_FILES} 个，每个 ≤ ${MATERIAL_MAX_FILE_BYTES / 1024 / 1024} MB）`,
        body: ApplicationInput.extend({ pow: z.object({ challenge: z.string(), nonce: z.string() }).partial().optional() }).nullish(),
      },
    },
    async (req, reply) => {
      const { body, files } = req.isMultipart()
        ? await readMaterialParts(req, ['application'], async (f) => {
            const b = jsonField(f, 'application', '申请') as { pow?: unknown } | null;
            await checkSolution(ctx, b && typeof b === 'object' ? b.pow : undefined);
          }).then((p) => ({ body: jsonField(p.fields, 'application', '申请'), files: p.files }))
        : { body: req.body, files: [] };
      const r = await registerApplication(ctx, SYSTEM_ACTOR, body, { channel: '网上', system: true, files });
      return reply.status(201).send({
        ...r,
        notice: r.missing.length
          ? `申请已提交至${r.office}。材料尚缺：${r.missing.join('、')}，请留意补正告知。请妥善保存申请编号和查询码（只显示这一次）。`
          : `申请已提交至${r.office}，承诺 ${r.dueDate ?? ''} 前办结。请妥善保存申请编号和查询码（只显示这一次）。`,
      });
    },
  );
  app.post('/api/public/hall/track', { config: limit(30), schema: { tags, summary: '查询办理进度（编号 + 查询码）', body: PortalAuth } }, async (req) =>
    trackApplication(ctx, req.body.refNo, req.body.queryCode),
  );
  app.post(
    '/api/public/hall/correction',
    {
      config: limit(10),
      schema: { tags, summary: '网上补正（multipart：字段 refNo、queryCode 和一次性告知所列材料的 material.<序号> 文件；齐全即补正完毕）' },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', 400, '请以 multipart/form-data 上传补正材料', { field: 'materials' });
      const { fields, files } = await readMaterialParts(req, ['refNo', 'queryCode']);
      const auth = parseInput(PortalAuth, fields);
      await correctOnline(ctx, { ...auth, files });
      return trackApplication(ctx, auth.refNo, auth.queryCode);
    },
  );
  app.post(
    '/api/public/hall/certificate.pdf',
    { config: limit(10), schema: { tags, summary: '下载电子证照 PDF（编号 + 查询码；送达前 409）', body: PortalAuth } },
    async (req, reply) => {
      const { doc, bytes } = await certificatePdf(ctx, req.body.refNo, req.body.queryCode);
      return sendDocumentPdf(reply, doc.sm3, `${doc.title}-${doc.docNo}.pdf`, bytes);
    },
  );
  app.post(
    '/api/public/hall/rate',
    { config: limit(10), schema: { tags, summary: '好差评（一事一评，办结后评价一次）', body: PortalAuth.extend(RatingInput.shape) } },
    async (req, reply) => reply.status(201).send(await rateOnline(ctx, req.body)),
  );
}
