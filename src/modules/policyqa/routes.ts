import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../kernel/identity/index.ts';
import {
  Entry,
  EntryInput,
  EntryPage,
  FeedbackInput,
  FeedbackResult,
  FlagInput,
  FlagResult,
  PublicEntries,
  PublicEntry,
  ReviewInput,
} from './contracts/http.ts';
import { getEntry, listEntries, ListEntriesQuery } from './entries/read-entries.ts';
import { createEntry, updateEntry } from './entries/write-entry.ts';
import { flagDocument, flagEntry, reviewEntry } from './entries/review-entry.ts';
import { publicEntries, publicEntry, PublicQuery, voteEntry } from './entries/public-entries.ts';

/** 政策问答: staff management (新增、修改、标记待复核、复核) and the portal's search and feedback. */
export async function registerPolicyqaRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['policyqa'];
  const Id = z.object({ id: z.uuid('问答 ID 格式不正确') });
  const Saved = z.object({ id: z.string(), seq: z.number() });

  app.get(
    '/api/policyqa',
    { schema: { tags, summary: '政策问答（按数据范围；按文字、状态、类别、关联文件筛选）', querystring: ListEntriesQuery, response: { 200: EntryPage } } },
    async (req) => listEntries(ctx, actorOf(req), req.query),
  );
  app.post('/api/policyqa', { schema: { tags, summary: '新增政策问答（发布）', body: EntryInput, response: { 201: Saved } } }, async (req, reply) =>
    reply.status(201).send(await createEntry(ctx, actorOf(req), req.body)),
  );
  app.get('/api/policyqa/:id', { schema: { tags, summary: '政策问答详情', params: Id, response: { 200: Entry } } }, async (req) =>
    getEntry(ctx, actorOf(req), req.params.id),
  );
  app.put('/api/policyqa/:id', { schema: { tags, summary: '修改政策问答', params: Id, body: EntryInput, response: { 200: Saved } } }, async (req) =>
    updateEntry(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/policyqa/:id/flag',
    { schema: { tags, summary: '标记待复核（政策已修改或废止；从门户撤下直至复核）', params: Id, body: FlagInput, response: { 200: FlagResult } } },
    async (req) => flagEntry(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/policyqa/documents/:documentId/flag',
    {
      schema: {
        tags,
        summary: '某规范性文件已修改或废止：其全部问答标记待复核',
        params: z.object({ documentId: z.uuid('文件 ID 格式不正确') }),
        body: FlagInput,
        response: { 200: FlagResult },
      },
    },
    async (req) => flagDocument(ctx, actorOf(req), req.params.documentId, req.body),
  );
  app.post(
    '/api/policyqa/:id/review',
    { schema: { tags, summary: '复核（继续发布或撤下）', params: Id, body: ReviewInput, response: { 200: Saved } } },
    async (req) => reviewEntry(ctx, actorOf(req), req.params.id, req.body),
  );

  const publicConfig = { rateLimit: { max: 60, timeWindow: '1 minute' } };
  app.get(
    '/api/public/policyqa',
    {
      config: { ...publicConfig, publicCache: true },
      schema: { tags, summary: '公开：政策问答检索（仅已发布的）', querystring: PublicQuery, response: { 200: PublicEntries } },
    },
    async (req) => publicEntries(ctx, req.query),
  );
  app.get(
    '/api/public/policyqa/:id',
    { config: publicConfig, schema: { tags, summary: '公开：一条政策问答', params: Id, response: { 200: PublicEntry } } },
    async (req) => publicEntry(ctx, req.params.id),
  );
  app.post(
    '/api/public/policyqa/:id/feedback',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: '公开：这条回答有帮助吗（每个地址每天每条一次）', params: Id, body: FeedbackInput, response: { 200: FeedbackResult } },
    },
    async (req) => voteEntry(ctx, req.params.id, req.ip, req.body),
  );
}
