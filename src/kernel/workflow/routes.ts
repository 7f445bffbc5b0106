import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type {} from '@fastify/multipart';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { applyTransition } from './apply-transition.ts';
import { addAttachment, attachmentStore, MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { explainCaseClock, extendDeadline, resumeDeadline, suspendDeadline } from './case-clocks.ts';
import { addComment } from './comments.ts';
import { getCase } from './get-case.ts';
import { acknowledgeHandoff, handOff, objectHandoff, withdrawHandoff } from './handoff.ts';
import { returnCase, withdrawLast } from './return-withdraw.ts';
import { decideSignoff, openSignoff } from './signoff.ts';
import { answerSupervision, superviseCase } from './supervise.ts';
import { countWorklist, listWorklist } from './worklist.ts';
import { caseNotFound } from './errors.ts';
import { openParts } from './co-handling.ts';
import { createCase } from './create-case.ts';
import { caseTypes } from './case-types.ts';
import { registeredWorkflows } from './define-workflow.ts';
import { registerGuideRoutes } from './guide-routes.ts';
import {
  AcknowledgeBody,
  AttachmentStored,
  CaseDetail,
  CaseTypeList,
  ClockChangeResult,
  ClockExplain,
  CommentBody,
  CreateCaseBody,
  Created,
  DecideSignoffBody,
  ExtendBody,
  FeedbackBody,
  HandoffBody,
  ObjectBody,
  Ok,
  OpenPartsBody,
  OpenSignoffBody,
  PartsOpened,
  ReturnBody,
  SignoffOpened,
  SignoffOutcome,
  SuperviseBody,
  SupervisionIssued,
  SuspendBody,
  TransitionBody,
  WithdrawBody,
  WorklistCounts,
  WorklistCountsQuery,
  WorklistPage,
  WorklistQuery,
} from './contract.ts';

const Id = z.object({ id: z.uuid('案件 ID 格式不正确') });

/** Case kernel HTTP API: worklist, case page, transitions and the built-in moves. */
export async function registerWorkflowRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  await registerGuideRoutes(root, ctx);

  app.get(
    '/api/worklist',
    {
      schema: {
        tags,
        summary: '待办工作台（待签收、待办、已办、即将到期、已超期、我督办的）',
        querystring: WorklistQuery,
        response: { 200: WorklistPage },
      },
    },
    async (req) => listWorklist(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/worklist/counts',
    {
      schema: {
        tags,
        summary: '工作台各页签的件数（一次返回全部页签，与各页签列表的 total 相同）',
        querystring: WorklistCountsQuery,
        response: { 200: WorklistCounts },
      },
    },
    async (req) => countWorklist(ctx, actorOf(req), req.query),
  );

  app.get('/api/case-types', { schema: { tags, summary: '案件类型（可登记的事项及其登记表单）', response: { 200: CaseTypeList } } }, async (req) =>
    caseTypes(actorOf(req)),
  );

  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '登记案件',
        body: CreateCaseBody,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) => {
      const def = registeredWorkflows().find((d) => d.type === req.body.type);
      if (!def) throw new AppError('CASE_TYPE_UNKNOWN', 400, '「type」不是可登记的事项类型（unknown case type）', { field: 'type' });
      const create = def.create;
      if (create?.creatable === false) throw new AppError('CASE_TYPE_NOT_CREATABLE', 400, '该类事项由系统自动生成，不能登记', { field: 'type' });
      if (create?.route) throw new AppError('CASE_TYPE_OWN_ROUTE', 400, `该类事项须通过 ${create.route} 登记`, { field: 'type' });
      const row = await createCase(ctx, actorOf(req), req.body);
      return reply.status(201).send(await getCase(ctx, actorOf(req), row.id));
    },
  );

  app.get('/api/cases/:id', { schema: { tags, summary: '案件详情（含流转记录、期限、可执行操作）', params: Id, response: { 200: CaseDetail } } }, async (req) =>
    getCase(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/cases/:id/clocks/:name/explain',
    {
      schema: { tags, summary: '期限计算说明（为什么是这一天）', params: Id.extend({ name: z.string().max(80) }), response: { 200: ClockExplain } },
    },
    async (req) => explainCaseClock(ctx, actorOf(req), req.params.id, req.params.name),
  );

  const reloaded = (req: Parameters<typeof actorOf>[0], id: string) => getCase(ctx, actorOf(req), id);

  app.post(
    '/api/cases/:id/transitions/:name',
    {
      schema: { tags, summary: '执行办理操作', params: Id.extend({ name: z.string().max(60) }), body: TransitionBody, response: { 200: CaseDetail } },
    },
    async (req) => {
      await applyTransition(ctx, actorOf(req), {
        caseId: req.params.id,
        transition: req.params.name,
        input: req.body.input,
        comment: req.body.comment,
        expectedVersion: req.body.expectedVersion,
      });
      return reloaded(req, req.params.id);
    },
  );

  app.post(
    '/api/cases/:id/handoff',
    {
      schema: { tags, summary: '转办 / 交办', params: Id, body: HandoffBody, response: { 200: CaseDetail } },
    },
    async (req) => {
      await handOff(ctx, actorOf(req), { caseId: req.params.id, ...req.body, generic: true });
      return reloaded(req, req.params.id);
    },
  );

  app.post(
    '/api/cases/:id/acknowledge',
    { schema: { tags, summary: '签收', params: Id, body: AcknowledgeBody, response: { 200: CaseDetail } } },
    async (req) => {
      await acknowledgeHandoff(ctx, actorOf(req), { caseId: req.params.id, expectedVersion: req.body.expectedVersion });
      return reloaded(req, req.params.id);
    },
  );
  app.post(
    '/api/cases/:id/object',
    { schema: { tags, summary: '提出异议（非本单位职责，退回发出单位）', params: Id, body: ObjectBody, response: { 200: CaseDetail } } },
    async (req) => {
      await objectHandoff(ctx, actorOf(req), { caseId: req.params.id, ...req.body });
      return reloaded(req, req.params.id);
    },
  );
  app.post(
    '/api/cases/:id/withdraw-handoff',
    { schema: { tags, summary: '撤回转办（对方签收前）', params: Id, body: WithdrawBody, response: { 200: CaseDetail } } },
    async (req) => {
      await withdrawHandoff(ctx, actorOf(req), { caseId: req.params.id, ...req.body });
      return reloaded(req, req.params.id);
    },
  );
  app.post(
    '/api/cases/:id/return',
    { schema: { tags, summary: '退回至前一环节', params: Id, body: ReturnBody, response: { 200: CaseDetail } } },
    async (req) => {
      await returnCase(ctx, actorOf(req), { caseId: req.params.id, ...req.body });
      return reloaded(req, req.params.id);
    },
  );
  app.post(
    '/api/cases/:id/withdraw',
    { schema: { tags, summary: '撤回本人上一步操作', params: Id, body: WithdrawBody, response: { 200: CaseDetail } } },
    async (req) => {
      await withdrawLast(ctx, actorOf(req), { caseId: req.params.id, ...req.body });
      return reloaded(req, req.params.id);
    },
  );
  app.post(
    '/api/cases/:id/signoffs',
    {
      schema: { tags, summary: '发起会签 / 或签', params: Id, body: OpenSignoffBody, response: { 200: SignoffOpened } },
    },
    async (req) => openSignoff(ctx, actorOf(req), { caseId: req.params.id, ...req.body }),
  );
  app.post(
    '/api/cases/:id/signoffs/:step/decide',
    {
      schema: { tags, summary: '会签意见', params: Id.extend({ step: z.string().max(40) }), body: DecideSignoffBody, response: { 200: SignoffOutcome } },
    },
    async (req) => (await decideSignoff(ctx, actorOf(req), { caseId: req.params.id, step: req.params.step, ...req.body })).outcome,
  );
  app.post(
    '/api/cases/:id/parts',
    {
      schema: { tags, summary: '分送主办、协办、会办', params: Id, body: OpenPartsBody, response: { 201: PartsOpened } },
    },
    async (req, reply) => reply.status(201).send(await openParts(ctx, actorOf(req), { caseId: req.params.id, ...req.body })),
  );
  app.post(
    '/api/cases/:id/comments',
    { schema: { tags, summary: '添加办理意见', params: Id, body: CommentBody, response: { 201: Created } } },
    async (req, reply) => {
      const row = await addComment(ctx, actorOf(req), { caseId: req.params.id, body: req.body.body });
      return reply.status(201).send({ id: row.id });
    },
  );
  app.post(
    '/api/cases/:id/supervise',
    { schema: { tags, summary: '督办', params: Id, body: SuperviseBody, response: { 200: SupervisionIssued } } },
    // A manual 督办 has no dedupe key, so it is always issued.
    async (req) => (await superviseCase(ctx, actorOf(req), { caseId: req.params.id, reason: req.body.reason }))!,
  );
  app.post(
    '/api/cases/:id/supervisions/:sid/feedback',
    {
      schema: { tags, summary: '督办反馈', params: Id.extend({ sid: z.uuid() }), body: FeedbackBody, response: { 200: Ok } },
    },
    async (req) => answerSupervision(ctx, actorOf(req), { caseId: req.params.id, supervisionId: req.params.sid, feedback: req.body.feedback }),
  );
  app.post(
    '/api/cases/:id/clocks/:name/suspend',
    {
      schema: {
        tags,
        summary: '期限中止（补正、第三方意见、鉴定、听证）',
        params: Id.extend({ name: z.string().max(80) }),
        body: SuspendBody,
        response: { 200: ClockChangeResult },
      },
    },
    async (req) => suspendDeadline(ctx, actorOf(req), { caseId: req.params.id, clockName: req.params.name, ...req.body }),
  );
  app.post(
    '/api/cases/:id/clocks/:name/resume',
    {
      schema: {
        tags,
        summary: '期限恢复计算',
        params: Id.extend({ name: z.string().max(80) }),
        body: z.object({}).default({}),
        response: { 200: ClockChangeResult },
      },
    },
    async (req) => resumeDeadline(ctx, actorOf(req), { caseId: req.params.id, clockName: req.params.name }),
  );
  app.post(
    '/api/cases/:id/clocks/:name/extend',
    {
      schema: { tags, summary: '批准延期', params: Id.extend({ name: z.string().max(80) }), body: ExtendBody, response: { 200: ClockChangeResult } },
    },
    async (req) => extendDeadline(ctx, actorOf(req), { caseId: req.params.id, clockName: req.params.name, ...req.body }),
  );

  app.post(
    '/api/cases/:id/attachments',
    { schema: { tags, summary: '上传附件（multipart，字段 file）', params: Id, response: { 201: AttachmentStored } } },
    async (req, reply) => {
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } });
      if (!file) throw new AppError('ATTACHMENT_MISSING', 400, '请选择要上传的文件', { field: 'file' });
      const bytes = await file.toBuffer().catch(() => {
        throw new AppError('ATTACHMENT_TOO_LARGE', 413, `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 上限`);
      });
      const row = await addAttachment(ctx, actorOf(req), { caseId: req.params.id, fileName: file.filename, mimeType: file.mimetype, bytes });
      return reply.status(201).send({ id: row.id, sm3: row.sm3, sizeBytes: row.size_bytes });
    },
  );
  app.get('/api/cases/:id/attachments/:aid', { schema: { tags, summary: '下载附件', params: Id.extend({ aid: z.uuid() }) } }, async (req, reply) => {
    await getCase(ctx, actorOf(req), req.params.id);
    const a = await ctx.db.selectFrom('core.attachment').selectAll().where('id', '=', req.params.aid).where('case_id', '=', req.params.id).executeTakeFirst();
    if (!a) throw caseNotFound();
    const bytes = await attachmentStore(ctx).get(a.storage_key);
    return reply
      .type(a.mime_type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`)
      .send(bytes);
  });
}
