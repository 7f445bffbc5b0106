import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { availableLaws, lawText } from './law-texts.ts';

/** 法规库: the reference texts a legal basis links to (signed-in staff; the same for everyone, no records). */
export async function registerLawRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['laws'];
  app.get('/api/laws', { schema: { tags, summary: '法规库中可链接的法规文本', response: { 200: z.object({ items: z.array(z.string()) }) } } }, async (req) => {
    actorOf(req);
    return { items: await availableLaws(ctx) };
  });
  app.get(
    '/api/laws/:ref',
    {
      schema: {
        tags,
        summary: '一部法规的文本（按段落）',
        params: z.object({ ref: z.string().min(1).max(100) }),
        response: { 200: z.object({ ref: z.string(), title: z.string(), paragraphs: z.array(z.string()) }) },
      },
    },
    async (req) => {
      actorOf(req);
      return lawText(ctx, req.params.ref);
    },
  );
}
