import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../kernel/identity/http/request-actor.ts';

import { registerPetition } from './commands/register-petition.ts';
import { getPetition } from './queries/get-petition.ts';
import { ListPetitionsQuery, listPetitions } from './queries/list-petitions.ts';

/**
 * 信访 staff HTTP API (session + CSRF via the identity plugin); the portal routes are in
 * routes-portal.ts. Bodies are validated in the commands so errors name the field in Chinese.
 */
export async function registerPetitionRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];

  app.post('/api/petitions', { schema: { tags, summary: '登记信访事项(来信、来访、电话、上级转来)', body: z.unknown() } }, async (req, reply) => {
    const r = await registerPetition(ctx, actorOf(req), req.body);
    return reply.status(201).send({ id: r.id, refNo: r.refNo, flags: { repeat: r.flags.repeat, skipLevel: r.flags.skipLevel, firstTime: r.flags.firstTime }, suggestions: r.flags.suggestions });
  });
  app.get('/api/petitions', { schema: { tags, summary: '信访事项列表(按数据范围)', querystring: ListPetitionsQuery } }, async (req) => listPetitions(ctx, actorOf(req), req.query));
  app.get('/api/petitions/:id', {
    schema: { tags, summary: '信访事项详情(masked=1 时不解密身份信息、不记 PII 查阅)', params: z.object({ id: z.uuid('信访事项 ID 格式不正确') }), querystring: z.object({ masked: z.enum(['0', '1']).optional() }) },
  }, async (req) => getPetition(ctx, actorOf(req), req.params.id, { masked: req.query.masked === '1' }));
}
