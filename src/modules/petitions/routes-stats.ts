import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../kernel/identity/index.ts';
import { filedBy } from '../../kernel/documents/index.ts';
import { PetitionStatsQuery, petitionStats } from './stats/petition-stats.ts';
import { statsFileName, statsWorkbook } from './stats/stats-xlsx.ts';
import { PetitionStats } from './contracts/stats.ts';

/** 信访 statistics and xlsx exports (staff, scoped to the petitions the caller may read). */
export async function registerPetitionStatsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];
  app.get(
    '/api/petitions/stats',
    {
      schema: {
        tags,
        summary: '信访统计（件/批/人次、按期办结率、满意率，按时间、渠道、来源、地区、类别、业务、结果、状态）',
        querystring: PetitionStatsQuery,
        response: { 200: PetitionStats },
      },
    },
    async (req) => petitionStats(ctx, actorOf(req), req.query),
  );

  app.get('/api/petitions/stats.xlsx', { schema: { tags, summary: '信访统计导出（xlsx）', querystring: PetitionStatsQuery } }, async (req, reply) => {
    const actor = actorOf(req);
    const s = await petitionStats(ctx, actor, req.query);
    const now = ctx.clock.now();
    const buf = await statsWorkbook(s, {
      generatedBy: `${actor.displayName}（${actor.username}）`,
      generatedAt: now.toISOString(),
      ...(await filedBy(ctx, actor)),
    });
    const name = statsFileName(s);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="petition-stats_${s.from}_${s.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(buf);
  });
}
