import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { issueChallenge } from './proof-of-work.ts';

/** GET /api/public/pow: the challenge every public submission pays for (no session, rate-limited per address). */
export async function registerPortalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/public/pow',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: '公众门户提交的安全校验（工作量证明）题目：找出 nonce 使 SHA-256(challenge:nonce) 前 bits 位为 0',
        response: { 200: z.object({ challenge: z.string(), bits: z.number(), algorithm: z.literal('SHA-256'), expiresAt: z.string() }) },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'no-store').send(await issueChallenge(ctx)),
  );
}
