import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../kernel/identity/http/request-actor.ts';
import { SATISFACTION } from './contract.ts';

import { ratePetition } from './commands/rate-petition.ts';
import { registerPetition } from './commands/register-petition.ts';
import { requestReview } from './commands/request-review.ts';
import { submitOnline } from './commands/submit-online.ts';
import { trackPetition } from './commands/track-petition.ts';
import { getPetition } from './queries/get-petition.ts';
import { ListPetitionsQuery, listPetitions } from './queries/list-petitions.ts';

const Ref = z.string().trim().min(1, '请填写信访事项编号').max(40);
const Code = z.string().trim().min(1, '请填写查询码').max(40);

/**
 * 信访 HTTP API. Staff routes need a session (and CSRF, via the identity plugin); the portal
 * routes under /api/public need none — the identity plugin only checks CSRF when a session
 * cookie is presented. Bodies are validated in the commands so errors name the field in Chinese.
 */
export async function registerPetitionRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];

  app.post('/api/petitions', { schema: { tags, summary: '登记信访事项(来信、来访、电话、上级转来)', body: z.unknown() } }, async (req, reply) => {
    const r = await registerPetition(ctx, actorOf(req), req.body);
    return reply.status(201).send({ id: r.id, refNo: r.refNo, flags: { repeat: r.flags.repeat, skipLevel: r.flags.skipLevel, firstTime: r.flags.firstTime }, suggestions: r.flags.suggestions });
  });
  app.get('/api/petitions', { schema: { tags, summary: '信访事项列表(按数据范围)', querystring: ListPetitionsQuery } }, async (req) => listPetitions(ctx, actorOf(req), req.query));
  app.get('/api/petitions/:id', { schema: { tags, summary: '信访事项详情', params: z.object({ id: z.uuid('信访事项 ID 格式不正确') }) } }, async (req) => getPetition(ctx, actorOf(req), req.params.id));

  app.post('/api/public/petitions', {
    config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    schema: { tags, summary: '网上信访(无需登录),返回编号和一次性查询码', body: z.unknown() },
  }, async (req, reply) => reply.status(201).send(await submitOnline(ctx, req.body as never)));
  app.post('/api/public/petitions/track', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '查询办理进度(编号 + 查询码)', body: z.object({ refNo: Ref, queryCode: Code }) },
  }, async (req) => trackPetition(ctx, req.body.refNo, req.body.queryCode));
  app.post('/api/public/petitions/rate', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: '满意度评价', body: z.object({ refNo: Ref, queryCode: Code, satisfaction: z.enum(SATISFACTION, { message: '评价须为满意、基本满意或不满意' }), comment: z.string().max(500).optional() }) },
  }, async (req) => ratePetition(ctx, req.body));
  app.post('/api/public/petitions/review', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: '申请复查(收到书面答复之日起 30 日内)', body: z.object({ refNo: Ref, queryCode: Code, reason: z.string().trim().min(5, '请说明申请复查的理由').max(5000) }) },
  }, async (req) => requestReview(ctx, req.body));
}
