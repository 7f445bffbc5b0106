import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../kernel/identity/index.ts';
import { CoercionInput, ListCoercionsQuery, ListRemediesQuery, RemedyInput } from '../contracts/remedy-inputs.ts';
import { createRemedy, updateRemedy } from './record-remedy.ts';
import { createCoercion } from './record-coercion.ts';
import { listCoercions, listRemedies } from './remedy-queries.ts';

/** 行政复议、行政诉讼 register and 行政强制 decisions (they feed the 政府信息公开 yearly report). */
export async function registerRemedyRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  const Created = { 201: z.object({ id: z.string() }) };
  app.get('/api/enforcement/remedies', { schema: { tags, summary: '行政复议、行政诉讼登记簿（按数据范围）', querystring: ListRemediesQuery } }, async (req) =>
    listRemedies(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/enforcement/remedies',
    { schema: { tags, summary: '登记行政复议、行政诉讼案件（被复议或起诉的决定、申请人、受理日期、结果）', body: RemedyInput, response: Created } },
    async (req, reply) => reply.status(201).send(await createRemedy(ctx, actorOf(req), req.body)),
  );
  app.put(
    '/api/enforcement/remedies/:id',
    { schema: { tags, summary: '更新行政复议、行政诉讼案件（如登记审结结果）', params: z.object({ id: z.uuid('ID 格式不正确') }), body: RemedyInput } },
    async (req) => updateRemedy(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/enforcement/coercions', { schema: { tags, summary: '行政强制决定（按数据范围）', querystring: ListCoercionsQuery } }, async (req) =>
    listCoercions(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/enforcement/coercions',
    { schema: { tags, summary: '登记行政强制决定（查封、扣押等；可关联行政处罚案件）', body: CoercionInput, response: Created } },
    async (req, reply) => reply.status(201).send(await createCoercion(ctx, actorOf(req), req.body)),
  );
}
