import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../kernel/identity/index.ts';
import { applyAction, getCase } from '../../kernel/workflow/index.ts';
import { CERT_STATUSES, ENFORCEMENT_ERRORS, PENALTY_TYPE } from './contracts/labels.ts';
import * as I from './contracts/inputs.ts';
import { FileCaseInput, OfficerInput, OfficerStatusInput } from './contracts/inputs.ts';
import { filePenaltyCase } from './penalty/file-case.ts';
import { ListPenaltiesQuery, getPenalty, listPenalties } from './penalty/penalty-queries.ts';
import { registerOfficer, setOfficerStatus } from './officers/officers.ts';
import { expiringOfficers, getOfficer, listOfficers, publicOfficer } from './officers/officer-queries.ts';
import { catalogue } from './penalty/catalogue.ts';
import { openEvidenceFile } from './penalty/evidence-download.ts';

/** The case's acts (no state change), each with its own body: POST /api/enforcement/cases/:id/<act>. */
const ACTS: Record<string, [z.ZodType, string]> = {
  evidence: [I.EvidenceInput, '登记证据（文件内容计算 SM3 校验值）'],
  preserve: [I.PreserveInput, '先行登记保存（7 日内作出处理决定）'],
  preserve_decide: [I.PreserveDecisionInput, '先行登记保存处理决定'],
  statement: [I.StatementInput, '记录陈述申辩'],
  schedule_hearing: [I.HearingScheduleInput, '听证通知（听证七日前）'],
  collective: [I.CollectiveInput, '负责人集体讨论'],
  publish: [I.PublishInput, '处罚决定公开（7 个工作日内）'],
  withdraw_publication: [I.WithdrawInput, '撤下已公开的决定（决定撤销后 3 个工作日内）'],
};

/**
 * 行政执法 staff API. Moves of the penalty case (指派, 告知, 听证, 法制审核, 决定, 送达, 缴纳, 结案) go
 * through the kernel's POST /api/cases/:id/transitions/:name; the case's acts have one route here.
 */
export async function registerEnforcementRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['enforcement'];
  const Id = z.object({ id: z.uuid('ID 格式不正确') });

  app.post('/api/enforcement/officers', { schema: { tags, summary: '登记执法人员（行政执法证）', body: OfficerInput } }, async (req, reply) =>
    reply.status(201).send(await registerOfficer(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/enforcement/officers/:id/status',
    { schema: { tags, summary: '暂扣、吊销或恢复行政执法证', params: Id, body: OfficerStatusInput } },
    async (req) => setOfficerStatus(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/enforcement/officers',
    {
      schema: {
        tags,
        summary: '执法人员名录（按数据范围）',
        querystring: z.object({ q: z.string().trim().max(40).optional(), status: z.enum(CERT_STATUSES).optional(), reviewers: z.stringbool().optional() }),
      },
    },
    async (req) => listOfficers(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/enforcement/officers/expiring',
    { schema: { tags, summary: '行政执法证到期预警', querystring: z.object({ days: z.coerce.number().int().default(60) }) } },
    async (req) => expiringOfficers(ctx, actorOf(req), req.query.days),
  );
  app.get('/api/enforcement/officers/:id', { schema: { tags, summary: '执法人员详情', params: Id } }, async (req) =>
    getOfficer(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/public/enforcement/officers/:certNo',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '执法人员公示（按执法证号查询）', params: z.object({ certNo: z.string().max(40) }) },
    },
    async (req) => publicOfficer(ctx, req.params.certNo),
  );
  app.get('/api/public/enforcement/catalogue', { schema: { tags, summary: '执法事项、裁量基准与法制审核目录清单' } }, async () => catalogue(ctx));

  app.post('/api/enforcement/cases', { schema: { tags, summary: '行政处罚立案', body: FileCaseInput } }, async (req, reply) =>
    reply.status(201).send(await filePenaltyCase(ctx, actorOf(req), req.body)),
  );
  app.get('/api/enforcement/cases', { schema: { tags, summary: '行政处罚案件列表（按数据范围）', querystring: ListPenaltiesQuery } }, async (req) =>
    listPenalties(ctx, actorOf(req), req.query),
  );
  app.get('/api/enforcement/cases/:id', { schema: { tags, summary: '行政处罚案件详情（证据、先行登记保存、陈述申辩）', params: Id } }, async (req) =>
    getPenalty(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/enforcement/evidence/:id/file',
    { schema: { tags, summary: '下载证据文件（流式解密，响应头 x-evidence-sm3 为文件的 SM3）', params: Id } },
    async (req, reply) => {
      const f = await openEvidenceFile(ctx, actorOf(req), req.params.id);
      const ascii = f.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
      if (f.sizeBytes !== null) reply.header('content-length', f.sizeBytes);
      return reply
        .type(f.mimeType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('x-evidence-sm3', f.sm3)
        .header('cache-control', 'no-store')
        .send(f.stream);
    },
  );
  for (const [name, [body, summary]] of Object.entries(ACTS))
    app.post(`/api/enforcement/cases/:id/${name}`, { schema: { tags, summary, params: Id, body } }, async (req, reply) => {
      const actor = actorOf(req);
      const c = await getCase(ctx, actor, req.params.id);
      if (c.type !== PENALTY_TYPE) throw new AppError('ENFORCEMENT_NOT_FOUND', 404, ENFORCEMENT_ERRORS.NOT_FOUND);
      return reply.status(201).send(await applyAction(ctx, actor, { caseId: c.id, type: PENALTY_TYPE, action: name, input: req.body }));
    });
}
