import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function registerHealthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查 / health check',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), demo: z.boolean() }) },
      },
    },
    async () => {
      const demo = await ctx.db.selectFrom('core.app_user').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
      return { status: 'ok' as const, db: ctx.dbKind, version: ctx.config.version, demo: !!demo };
    },
  );
}
