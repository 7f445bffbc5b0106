import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf } from '../../../kernel/identity/index.ts';
import { UploadStartInput } from '../contracts/inputs.ts';
import { cancelUpload, putChunk, startUpload } from './evidence-upload.ts';
import { completeUpload } from './evidence-upload-complete.ts';
import { ownUpload, uploadStatus } from './upload-area.ts';

/**
 * 分片上传 of evidence files (videos up to UPLOAD_MAX_BYTES, default 2 GiB): start → PUT each chunk
 * (application/octet-stream, UPLOAD_CHUNK_BYTES each but the last) → status (what arrived, to resume)
 * → complete (content check, SM3, the evidence row) or DELETE (cancel).
 */
export async function registerUploadRoutes(root: FastifyInstance, ctx: AppContext) {
  await root.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['enforcement'];
    const Id = z.object({ id: z.uuid('ID 格式不正确') });
    const { chunkBytes } = ctx.config.upload;
    // Chunks are raw bytes; only these routes read them (the parser lives in this plugin).
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: chunkBytes }, (_req, body, done) => done(null, body));
    app.setErrorHandler((e: Error & { code?: string }, _req, reply) => {
      if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError('ENFORCEMENT_CHUNK_LENGTH', 413, `分片不得超过 ${chunkBytes} 字节（chunk too large）`);
      throw e;
    });

    app.post('/api/enforcement/evidence-uploads', { schema: { tags, summary: '开始分片上传证据文件', body: UploadStartInput } }, async (req, reply) =>
      reply.status(201).send(await startUpload(ctx, actorOf(req), req.body)),
    );
    app.get('/api/enforcement/evidence-uploads/:id', { schema: { tags, summary: '分片上传进度（已收到的分片，断点续传用）', params: Id } }, async (req) =>
      uploadStatus(ctx, await ownUpload(ctx, actorOf(req), req.params.id)),
    );
    app.put(
      '/api/enforcement/evidence-uploads/:id/chunks/:index',
      {
        bodyLimit: chunkBytes,
        schema: { tags, summary: '上传一个分片（application/octet-stream）', params: Id.extend({ index: z.coerce.number().int().min(0).max(1_000_000) }) },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('ENFORCEMENT_CHUNK_TYPE', 415, '分片须以 application/octet-stream 发送 (send the chunk as bytes)');
        return putChunk(ctx, actorOf(req), req.params.id, req.params.index, req.body);
      },
    );
    app.post(
      '/api/enforcement/evidence-uploads/:id/complete',
      { schema: { tags, summary: '完成分片上传：校验内容、计算 SM3 并登记证据', params: Id } },
      async (req, reply) => reply.status(201).send(await completeUpload(ctx, actorOf(req), req.params.id)),
    );
    app.delete('/api/enforcement/evidence-uploads/:id', { schema: { tags, summary: '取消分片上传', params: Id } }, async (req, reply) => {
      await cancelUpload(ctx, actorOf(req), req.params.id);
      return reply.status(204).send();
    });
  });
}
