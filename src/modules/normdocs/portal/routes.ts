import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { PortalCommentInput } from '../commands/inputs.ts';
import { PortalCommentResult, PublicConsultations } from '../contracts/http.ts';
import { openConsultations } from './consultations.ts';
import { submitPortalComment } from './submit-comment.ts';

const Id = z.object({ id: z.uuid('文件 ID 格式不正确') });
/** The portal form plus the proof of work (checked by spendSolution, which names a missing one). */
const PortalCommentBody = PortalCommentInput.extend({ pow: z.object({ challenge: z.string(), nonce: z.string() }).partial().optional() });

/** 公开征求意见 on the public portal: no session, rate-limited per address, comments pay with a proof of work. */
export async function registerNormdocPortalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['normdocs'];
  app.get(
    '/api/public/normdocs/consultations',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: '正在公开征求意见的规范性文件草案（征求意见期内）', response: { 200: PublicConsultations } },
    },
    async () => openConsultations(ctx),
  );
  app.post(
    '/api/public/normdocs/consultations/:id/comments',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '对公开征求意见的草案提出意见（无需登录，纯文本，须附安全校验 pow，见 GET /api/public/pow）',
        params: Id,
        body: PortalCommentBody,
        response: { 201: PortalCommentResult },
      },
    },
    async (req, reply) => reply.status(201).send(await submitPortalComment(ctx, req.params.id, req.body)),
  );
}
