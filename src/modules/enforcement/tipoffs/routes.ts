import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf, requirePermission } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import * as I from '../contracts/tipoff-inputs.ts';
import { receiveTipoff, submitPortalTipoff } from './receive-tipoff.ts';
import { decideTipoff, replyTipoff, verifyTipoff } from './handle-tipoff.ts';
import { revealInformant } from './reveal-informant.ts';
import { getTipoff, listTipoffs, trackTipoff } from './tipoff-queries.ts';
import { tipoffOffices } from './offices.ts';
import { readReplySetting, updateReplySetting } from './reply-period.ts';

const Id = z.object({ id: z.uuid('举报 ID 格式不正确') });
const Pow = z.object({ challenge: z.string(), nonce: z.string() }).partial().optional();

/** 举报: staff API (intake, 核查, outcome, 答复, the audited informant reveal) and the portal's form and tracking. */
export async function registerTipoffRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  app.get('/api/enforcement/tipoffs', { schema: { tags, summary: '举报列表（按数据范围；不含举报人信息）', querystring: I.ListTipoffsQuery } }, async (req) =>
    listTipoffs(ctx, actorOf(req), req.query),
  );
  app.get('/api/enforcement/tipoffs/:id', { schema: { tags, summary: '举报详情（核查、处理结果、答复；不含举报人信息）', params: Id } }, async (req) =>
    getTipoff(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/enforcement/tipoffs',
    { schema: { tags, summary: '登记来访、来电、来信举报（返回一次性查询码）', body: I.ReceiveTipoffInput } },
    async (req, reply) => reply.status(201).send(await receiveTipoff(ctx, actorOf(req), req.body)),
  );
  app.post('/api/enforcement/tipoffs/:id/verify', { schema: { tags, summary: '记录核查情况', params: Id, body: I.VerifyTipoffInput } }, async (req) =>
    verifyTipoff(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/enforcement/tipoffs/:id/decide',
    { schema: { tags, summary: '处理决定：立案（关联或新立行政处罚案件）或不予立案（说明理由）', params: Id, body: I.DecideTipoffInput } },
    async (req) => decideTipoff(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/enforcement/tipoffs/:id/reply', { schema: { tags, summary: '答复举报人（办结）', params: Id, body: I.ReplyTipoffInput } }, async (req) =>
    replyTipoff(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/enforcement/tipoffs/:id/informant',
    { schema: { tags, summary: '查看举报人信息（承办单位有权限的人员；记入审计）', params: Id } },
    async (req) => revealInformant(ctx, actorOf(req), req.params.id),
  );
  app.get('/api/enforcement/tipoff-settings', { schema: { tags, summary: '举报答复期限（工作日）' } }, async (req) => {
    requirePermission(actorOf(req), P.read);
    return readReplySetting(ctx);
  });
  app.put(
    '/api/enforcement/tipoff-settings',
    { schema: { tags, summary: '设置举报答复期限（工作日，对此后收到的举报生效）', body: I.ReplySettingInput } },
    async (req) => updateReplySetting(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/public/enforcement/tipoff-offices',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags, summary: '可以受理举报的民政部门' } },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=600').send(await tipoffOffices(ctx)),
  );
  app.post(
    '/api/public/enforcement/tipoffs',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '网上举报（无需登录，纯文本，可匿名；须附安全校验 pow，见 GET /api/public/pow），返回编号和一次性查询码',
        body: I.PortalTipoffInput.extend({ pow: Pow }).nullish(),
      },
    },
    async (req, reply) => {
      const { pow, ...body } = (req.body ?? {}) as Record<string, unknown>;
      return reply.status(201).send(await submitPortalTipoff(ctx, body, pow));
    },
  );
  app.post(
    '/api/public/enforcement/tipoffs/track',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '查询举报处理结果和答复（编号 + 查询码）', body: I.TrackTipoffInput },
    },
    async (req) => trackTipoff(ctx, req.body.refNo, req.body.queryCode),
  );
}
