import { sendDocumentPdf } from '../../../kernel/documents/index.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../kernel/identity/index.ts';
import { AnnualReportSubmission, FilingAccepted, FilingCodeIssued, FilingLogin, FilingStatus, NoticeRequest } from '../contracts/annual-report.ts';
import { noticePdf } from '../spot-check/portal-notices.ts';
import { issueFilingCode } from './filing-code.ts';
import { filingStatus, submitAnnualReport } from './portal-filing.ts';
import { PublicResults, PublicResultsQuery, PublishInput, Published, publicResults, publishResults } from './publish-results.ts';

const Id = z.object({ id: z.uuid('社会组织 ID 格式不正确') });

/** 年度工作报告: the registrar's 年报报送码 and publication; the organization's filing on the portal; the public results. */
export async function registerAnnualReportRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/orgs/:id/filing-code',
    {
      schema: {
        tags: ['orgs'],
        summary: '签发年报报送码（仅显示一次；再次签发则原码作废），社会组织凭统一社会信用代码和报送码在门户网站报送年度工作报告',
        params: Id,
        response: { 201: FilingCodeIssued },
      },
    },
    async (req, reply) => reply.status(201).send(await issueFilingCode(ctx, actorOf(req), req.params.id)),
  );
  app.post(
    '/api/orgs/inspections/publish',
    { schema: { tags: ['orgs'], summary: '公告年检结果（本人数据范围内该年度已作结论、尚未公告的）', body: PublishInput, response: { 200: Published } } },
    async (req) => publishResults(ctx, actorOf(req), req.body),
  );
  const limited = { rateLimit: { max: 10, timeWindow: '1 minute' } };
  app.post(
    '/api/public/orgs/annual-reports/status',
    {
      config: limited,
      schema: {
        tags: ['portal'],
        summary: '社会组织年报报送：凭统一社会信用代码和年报报送码查看各年度报送、初审和年检结论',
        body: FilingLogin,
        response: { 200: FilingStatus },
      },
    },
    async (req) => filingStatus(ctx, req.body.uscc, req.body.filingCode),
  );
  app.post(
    '/api/public/orgs/annual-reports',
    {
      config: limited,
      schema: {
        tags: ['portal'],
        summary: '社会组织在门户网站报送年度工作报告（初审前可重新报送）',
        body: AnnualReportSubmission,
        response: { 201: FilingAccepted },
      },
    },
    async (req, reply) => reply.status(201).send(await submitAnnualReport(ctx, req.body)),
  );
  app.post(
    '/api/public/orgs/rectification-notice.pdf',
    {
      config: limited,
      schema: { tags: ['portal'], summary: '社会组织下载发给本单位的整改通知书 PDF（统一社会信用代码 + 年报报送码 + 通知书编号）', body: NoticeRequest },
    },
    async (req, reply) => {
      const { doc, bytes } = await noticePdf(ctx, req.body.uscc, req.body.filingCode, req.body.docNo);
      return sendDocumentPdf(reply, doc.sm3, `${doc.title}-${doc.docNo}.pdf`, bytes);
    },
  );
  app.get(
    '/api/public/orgs/inspections',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: '社会组织年检结果公告（名称、统一社会信用代码、登记管理机关、结论）',
        querystring: PublicResultsQuery,
        response: { 200: PublicResults },
      },
    },
    async (req) => publicResults(ctx, req.query),
  );
}
