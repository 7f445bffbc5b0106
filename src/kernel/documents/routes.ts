import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { lockCase } from '../workflow/case-tx.ts';
import { attachmentStore } from '../workflow/attachments.ts';
import type { DocumentContent } from './content.ts';
import { documentTypeOf, subjectDocumentTypeOf } from './define-document.ts';
import { issueDocument } from './issue-document.ts';
import { canIssue, listCaseDocuments, readableDocument, verifyDocument } from './queries.ts';
import { renderDocx } from './render-docx.ts';
import { attachmentDisposition as disposition, DOCX_TYPE as DOCX } from './download.ts';
import { CaseDocumentList, DocumentVerified, IssueDocumentBody, IssuedDocument, VerifyDocumentQuery } from './contract.ts';

const CaseId = z.object({ id: z.uuid('案件 ID 格式不正确') });
const DocId = z.object({ id: z.uuid('文书 ID 格式不正确') });
const fileName = (d: { title: string; doc_no: string; version: number }, ext: string) =>
  `${d.title}-${d.doc_no}${d.version > 1 ? `-第${d.version}版` : ''}.${ext}`;

/** Official documents: a case's list, the files (scoped like the case), issuing by hand, and the public check. */
export async function registerDocumentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  app.get(
    '/api/cases/:id/documents',
    { schema: { tags, summary: '案件的文书（每一版）及可出具的文书', params: CaseId, response: { 200: CaseDocumentList } } },
    async (req) => listCaseDocuments(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/cases/:id/documents',
    {
      schema: {
        tags,
        summary: '出具或重新出具文书（重新出具保留文号，生成新版本和新验证码）',
        params: CaseId,
        body: IssueDocumentBody,
        response: { 201: IssuedDocument },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const t = documentTypeOf(req.body.type);
      const issued = await withTx(ctx, async (tx) => {
        const c = await lockCase(tx, actor, req.params.id);
        if (!t || t.caseType !== c.type) throw new AppError('DOCUMENT_TYPE_UNKNOWN', 400, '该类事项没有这种文书', { field: 'type' });
        if (!t.issuableIn.includes(c.state)) throw new AppError('DOCUMENT_NOT_ISSUABLE', 409, `案件当前状态下不能出具「${t.title}」`);
        if (!canIssue(actor, c, t.type)) throw forbidden(`没有出具「${t.title}」的权限`);
        return issueDocument(tx, { type: t, caseId: c.id, actor });
      });
      return reply.status(201).send(issued);
    },
  );

  app.get('/api/documents/:id.pdf', { schema: { tags, summary: '下载文书 PDF（出具时的原件）', params: DocId } }, async (req, reply) => {
    const d = await readableDocument(ctx, actorOf(req), req.params.id);
    const bytes = await attachmentStore(ctx).get(d.storage_key);
    return reply
      .type('application/pdf')
      .header('content-disposition', disposition(fileName(d, 'pdf')))
      .header('x-document-sm3', d.sm3)
      .send(bytes);
  });

  app.get('/api/documents/:id.docx', { schema: { tags, summary: '下载文书可编辑版（docx）', params: DocId } }, async (req, reply) => {
    const d = await readableDocument(ctx, actorOf(req), req.params.id);
    if (!(documentTypeOf(d.type) ?? subjectDocumentTypeOf(d.type))?.docx) throw new AppError('DOCUMENT_NO_DOCX', 404, '该文书不提供可编辑版');
    const content = (typeof d.content === 'string' ? JSON.parse(d.content) : d.content) as DocumentContent;
    return reply
      .type(DOCX)
      .header('content-disposition', disposition(fileName(d, 'docx')))
      .send(await renderDocx(content));
  });

  app.get(
    '/api/public/documents/verify',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: '文书查验（凭文书编号和验证码，只答复文号、标题、出具机关、日期和文件 SM3 值）',
        querystring: VerifyDocumentQuery,
        response: { 200: DocumentVerified },
      },
    },
    async (req, reply) => reply.header('cache-control', 'no-store').send(await verifyDocument(ctx, req.query)),
  );
}
