import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../kernel/identity/index.ts';
import { attachmentDisposition, DOCX_TYPE } from '../../../kernel/documents/index.ts';
import { officialDocument, renderOfficial } from './official-document.ts';

/** 文件正式文本: a published document as a GB/T 9704 红头文件, PDF or docx — staff (in scope) and public. */
export async function registerNormdocOutputRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['normdocs'];
  const Id = z.object({ id: z.uuid('规范性文件 ID 格式不正确') });
  const TYPES = { pdf: 'application/pdf', docx: DOCX_TYPE } as const;
  for (const format of ['pdf', 'docx'] as const) {
    const send = async (reply: any, actor: Parameters<typeof officialDocument>[1], id: string) => {
      const { content, fileName } = await officialDocument(ctx, actor, id);
      return reply
        .type(TYPES[format])
        .header('content-disposition', attachmentDisposition(`${fileName}.${format}`))
        .send(await renderOfficial(format, content));
    };
    app.get(
      `/api/normdocs/:id/official.${format}`,
      { schema: { tags, summary: `下载已公布规范性文件的正式文本（${format}，GB/T 9704 版式）`, params: Id } },
      async (req, reply) => send(reply, actorOf(req), req.params.id),
    );
    app.get(
      `/api/public/normdocs/:id/official.${format}`,
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags, summary: `已公布规范性文件的正式文本（${format}，GB/T 9704 版式）`, params: Id },
      },
      async (req, reply) => send(reply, null, req.params.id),
    );
  }
}
