import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../kernel/identity/index.ts';
import { closeCleanup } from './close-cleanup.ts';
import { concludeCleanupItem } from './conclude-item.ts';
import { CleanupClosed, CleanupConcluded, CleanupDetail, CleanupList, CleanupOpened, PublicCleanups } from './contracts.ts';
import { CleanupConclusionInput, CleanupItemParams, CleanupParams, OpenCleanupInput } from './inputs.ts';
import { openCleanup } from './open-cleanup.ts';
import { getCleanup, listCleanups, publicCleanups } from './queries.ts';

/** 清理: 政策法规处 opens a campaign, concludes each document in force, closes it as one act; the result is public. */
export async function registerCleanupRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['normdocs'];
  app.post(
    '/api/normdocs/cleanups',
    { schema: { tags, summary: '开展规范性文件清理（列出基准日现行有效的本机关文件）', body: OpenCleanupInput, response: { 201: CleanupOpened } } },
    async (req, reply) => reply.status(201).send(await openCleanup(ctx, actorOf(req), req.body)),
  );
  app.get('/api/normdocs/cleanups', { schema: { tags, summary: '规范性文件清理（按数据范围）', response: { 200: CleanupList } } }, async (req) =>
    listCleanups(ctx, actorOf(req)),
  );
  app.get(
    '/api/normdocs/cleanups/:id',
    { schema: { tags, summary: '清理详情（文件清单及每件的清理结论）', params: CleanupParams, response: { 200: CleanupDetail } } },
    async (req) => getCleanup(ctx, actorOf(req), req.params.id),
  );
  app.put(
    '/api/normdocs/cleanups/:id/items/:caseId',
    {
      schema: {
        tags,
        summary: '作出清理结论（继续有效、修改、废止、宣布失效并说明理由）',
        params: CleanupItemParams,
        body: CleanupConclusionInput,
        response: { 200: CleanupConcluded },
      },
    },
    async (req) => concludeCleanupItem(ctx, actorOf(req), req.params.id, req.params.caseId, req.body),
  );
  app.post(
    '/api/normdocs/cleanups/:id/close',
    {
      schema: {
        tags,
        summary: '完成清理（废止、宣布失效即生效，修改的开启修改草案；结果向社会公布）',
        params: CleanupParams,
        response: { 200: CleanupClosed },
      },
    },
    async (req) => closeCleanup(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/public/normdocs/cleanups',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: '规范性文件清理结果（已完成的清理及每件文件的结论）', response: { 200: PublicCleanups } },
    },
    async () => publicCleanups(ctx),
  );
}
