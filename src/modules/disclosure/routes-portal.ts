import { sendDocumentPdf } from '../../kernel/documents/index.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { PortalRequestInput, CorrectInput } from './contracts/inputs.ts';
import { PublicItemPage, RequestTrack, Submitted } from './contracts/http.ts';
import { submitPortalRequest } from './requests/register-request.ts';
import { correctOnPortal, requestDocumentPdf, trackRequest } from './requests/portal-track.ts';
import { ListItemsQuery, publicCatalogue, publicOffices } from './queries/list-items.ts';

const Ref = z.string().trim().min(1, '请填写申请编号').max(40, '申请编号不超过 40 个字符');
const Code = z.string().trim().min(1, '请填写查询码').max(40, '查询码不超过 40 个字符');
const Access = z.object({ refNo: Ref, queryCode: Code });
const Pow = z.object({ challenge: z.string(), nonce: z.string() }).partial().optional();

/** 政务公开 portal API under /api/public: no session, rate-limited per address; submissions pay a proof of work. */
export async function registerDisclosurePortalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['disclosure'];
  app.get(
    '/api/public/disclosure/offices',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '可以受理政府信息公开申请的民政部门（公开指南）',
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), areaCode: z.string() })) }) },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=600').send(await publicOffices(ctx)),
  );
  app.get(
    '/api/public/disclosure/catalogue',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' }, publicCache: true },
      schema: {
        tags,
        summary: '政府信息公开目录（索引号、名称、内容概述、生成日期；可检索；撤回的保留记录）',
        querystring: ListItemsQuery,
        response: { 200: PublicItemPage },
      },
    },
    async (req) => publicCatalogue(ctx, req.query),
  );
  app.post(
    '/api/public/disclosure/requests',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '网上提交政府信息公开申请（无需登录，须附安全校验 pow: { challenge, nonce }），返回编号和一次性查询码',
        body: PortalRequestInput.extend({ pow: Pow }).nullish(),
        response: { 201: Submitted },
      },
    },
    async (req, reply) => {
      const { pow, ...body } = (req.body ?? {}) as Record<string, unknown>;
      return reply.status(201).send(await submitPortalRequest(ctx, body, pow));
    },
  );
  app.post(
    '/api/public/disclosure/track',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '查询申请办理进度（编号 + 查询码；期限暂停时显示原因）', body: Access, response: { 200: RequestTrack } },
    },
    async (req) => trackRequest(ctx, req.body.refNo, req.body.queryCode),
  );
  app.post(
    '/api/public/disclosure/correct',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: '提交补正后的申请内容（答复期限自收到补正之日起重新计算）', body: Access.merge(CorrectInput), response: { 200: RequestTrack } },
    },
    async (req) => correctOnPortal(ctx, req.body.refNo, req.body.queryCode, req.body.text),
  );
  app.post(
    '/api/public/disclosure/document.pdf',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '下载答复书、补正告知书或延期告知书 PDF（编号 + 查询码）',
        body: Access.extend({
          which: z
            .enum(['answer', 'correction', 'extension'], { message: '文书种类须为 answer（答复书）、correction（补正告知书）或 extension（延期告知书）' })
            .default('answer'),
        }),
      },
    },
    async (req, reply) => {
      const { doc, bytes } = await requestDocumentPdf(ctx, req.body.refNo, req.body.queryCode, req.body.which);
      return sendDocumentPdf(reply, doc.sm3, `${doc.title}-${doc.docNo}.pdf`, bytes);
    },
  );
}
