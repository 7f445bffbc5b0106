import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { SATISFACTION } from './contract.ts';
import { ratePetition } from './commands/rate-petition.ts';
import { requestReview } from './commands/request-review.ts';
import { submitOnline } from './commands/submit-online.ts';
import { trackPetition } from './commands/track-petition.ts';

const Ref = z.string().trim().min(1, '请填写信访事项编号').max(40);
const Code = z.string().trim().min(1, '请填写查询码').max(40);

/**
 * 信访 portal API under /api/public: no session (the identity plugin only checks CSRF when a
 * session cookie is presented), rate-limited per address.
 */
export async function registerPetitionPortalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];
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
