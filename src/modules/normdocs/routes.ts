import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, requirePermission } from '../../kernel/identity/index.ts';
import { applyAction, getCase } from '../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS, NORMDOC_TYPE } from './contract.ts';
import { CommentInput, DispositionInput, MeetingInput, RegisterNormdocInput, SettingsInput, VersionInput } from './commands/inputs.ts';
import { registerNormdoc } from './commands/register.ts';
import { updateNormdocSettings } from './commands/settings.ts';
import {
  ActionResult,
  EvaluationRecorded,
  HeadCandidates,
  NormdocDetail,
  NormdocPage,
  NormdocSettings,
  PublicNormdocs,
  RegisterResult,
} from './contracts/http.ts';
import { getNormdoc } from './queries/get-normdoc.ts';
import { EvaluationInput, recordEvaluation } from './evaluation/record-evaluation.ts';
import { headCandidates } from './queries/head-candidates.ts';
import { ListNormdocsQuery, listNormdocs } from './queries/list-normdocs.ts';
import { PublicNormdocsQuery, publicNormdocs } from './queries/public-normdocs.ts';

/**
 * 规范性文件 staff API. Moves (征求意见, 送合法性审核, 审核, 集体审议, 签发, 登记编号, 公布, 备案) go
 * through the kernel's POST /api/cases/:id/transitions/:name; the case actions (新版本, 登记意见,
 * 处理意见) have routes here too.
 */
export async function registerNormdocRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['normdocs'];
  const Id = z.object({ id: z.uuid('规范性文件 ID 格式不正确') });

  app.post(
    '/api/normdocs',
    { schema: { tags, summary: '起草规范性文件（第 1 版草案）', body: RegisterNormdocInput, response: { 201: RegisterResult } } },
    async (req, reply) => reply.status(201).send(await registerNormdoc(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/normdocs',
    {
      schema: {
        tags,
        summary: '规范性文件登记簿（按数据范围；按编号、标题、单位检索，按环节、年度筛选）',
        querystring: ListNormdocsQuery,
        response: { 200: NormdocPage },
      },
    },
    async (req) => listNormdocs(ctx, actorOf(req), req.query),
  );
  app.put(
    '/api/normdocs/settings',
    { schema: { tags, summary: '规范性文件设置（征求意见最短期限，只能延长）', body: SettingsInput, response: { 200: NormdocSettings } } },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'normdocs.configure');
      return updateNormdocSettings(ctx, actor, req.body);
    },
  );
  app.get(
    '/api/normdocs/:id',
    {
      schema: {
        tags,
        summary: '规范性文件详情（各版本、征求意见及处理、合法性审核、集体审议、签发、编号、公布、备案）',
        params: Id,
        response: { 200: NormdocDetail },
      },
    },
    async (req) => getNormdoc(ctx, actorOf(req), req.params.id),
  );

  const act = (name: 'revise' | 'comment' | 'dispose' | 'meeting') => async (id: string, body: unknown, actor: ReturnType<typeof actorOf>) => {
    const c = await getCase(ctx, actor, id);
    if (c.type !== NORMDOC_TYPE) throw new AppError('NORMDOC_NOT_FOUND', 404, NORMDOC_ERRORS.NOT_FOUND);
    return applyAction<{ id?: string; versionNo?: number }>(ctx, actor, { caseId: c.id, type: NORMDOC_TYPE, action: name, input: body });
  };
  app.post(
    '/api/normdocs/:id/versions',
    { schema: { tags, summary: '修改草案（新版本）', params: Id, body: VersionInput, response: { 201: ActionResult } } },
    async (req, reply) => reply.status(201).send(await act('revise')(req.params.id, req.body, actorOf(req))),
  );
  app.post(
    '/api/normdocs/:id/comments',
    { schema: { tags, summary: '登记征求意见期间收到的意见', params: Id, body: CommentInput, response: { 201: ActionResult } } },
    async (req, reply) => reply.status(201).send(await act('comment')(req.params.id, req.body, actorOf(req))),
  );
  app.post(
    '/api/normdocs/:id/dispositions',
    { schema: { tags, summary: '起草单位处理意见（采纳、部分采纳、不采纳并说明理由）', params: Id, body: DispositionInput, response: { 201: ActionResult } } },
    async (req, reply) => reply.status(201).send(await act('dispose')(req.params.id, req.body, actorOf(req))),
  );
  app.post(
    '/api/normdocs/:id/meeting',
    {
      schema: {
        tags,
        summary: '登记集体审议会议记录（之后发起参会领导会签 POST /api/cases/:id/signoffs, step heads）',
        params: Id,
        body: MeetingInput,
        response: { 201: ActionResult },
      },
    },
    async (req, reply) => reply.status(201).send(await act('meeting')(req.params.id, req.body, actorOf(req))),
  );
  app.post(
    '/api/normdocs/:id/evaluations',
    {
      schema: {
        tags,
        summary: '登记评估（有效期届满前评估、决策后评估：评估主体、方式、发现、结论；结论为修改的开启修改草案）',
        params: Id,
        body: EvaluationInput,
        response: { 201: EvaluationRecorded },
      },
    },
    async (req, reply) => reply.status(201).send(await recordEvaluation(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/normdocs/:id/heads',
    { schema: { tags, summary: '可参加会签的领导（本机关持有签发权限的人员）', params: Id, response: { 200: HeadCandidates } } },
    async (req) => headCandidates(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/public/normdocs',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' }, publicCache: true },
      schema: {
        tags,
        summary: '现行有效的规范性文件（某日已公布、已施行且在有效期内的）',
        querystring: PublicNormdocsQuery,
        response: { 200: PublicNormdocs },
      },
    },
    async (req) => publicNormdocs(ctx, req.query),
  );
}
