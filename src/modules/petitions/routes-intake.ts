import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type Actor } from '../../kernel/identity/index.ts';
import { applyAction } from '../../kernel/workflow/index.ts';
import { PETITION_TYPE, NOTICE_METHODS, ROUTING_TARGETS } from './contract.ts';
import { DecideObjectionInput, RaiseObjectionInput } from './commands/objection.ts';
import { NoticeServiceInput } from './commands/screen-petition.ts';
import { RouteProcedureInput } from './commands/route-procedure.ts';
import { ReceptionLogInput, ReceptionLogQuery, listReceptionLog, recordReception } from './commands/reception-log.ts';
import { ReceptionLogPage, ReceptionLogEntry } from './contracts/intake.ts';

const act = <R>(ctx: AppContext, actor: Actor, caseId: string, action: string, input: unknown) =>
  applyAction<R>(ctx, actor, { caseId, type: PETITION_TYPE, action, input });

/** 信访 intake and routing acts (异议, 告知送达, 导入程序) and the 接待登记 log; staff session + CSRF. */
export async function registerPetitionIntakeRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];
  const Id = z.object({ id: z.uuid('信访事项 ID 格式不正确') });

  app.post(
    '/api/petitions/:id/objection',
    {
      schema: {
        tags,
        summary: '接收单位提出异议（收到之日起 5 个工作日内，待转送、交办单位核实）',
        params: Id,
        body: RaiseObjectionInput,
        response: { 201: z.object({ id: z.uuid(), receivedOn: z.string(), dueDate: z.string(), raisedOn: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await act(ctx, actorOf(req), req.params.id, 'raise_objection', req.body)),
  );
  app.post(
    '/api/petitions/:id/objection/decide',
    {
      schema: {
        tags,
        summary: '转送、交办单位核实异议（同意则退回，交还材料）',
        params: Id,
        body: DecideObjectionInput,
        response: { 200: z.object({ id: z.uuid(), decision: z.enum(['agreed', 'rejected']) }) },
      },
    },
    async (req) => act(ctx, actorOf(req), req.params.id, 'decide_objection', req.body),
  );
  app.post(
    '/api/petitions/:id/notice-service',
    {
      schema: {
        tags,
        summary: '记录受理/不予受理告知书的送达方式和日期',
        params: Id,
        body: NoticeServiceInput,
        response: { 200: z.object({ notice: z.enum(['受理告知书', '不予受理告知书']), servedMethod: z.enum(NOTICE_METHODS), servedOn: z.string() }) },
      },
    },
    async (req) => act(ctx, actorOf(req), req.params.id, 'serve_notice', req.body),
  );
  app.post(
    '/api/petitions/:id/routing',
    {
      schema: {
        tags,
        summary: '导入相应法定程序（申诉求决类，第三十一条）',
        params: Id,
        body: RouteProcedureInput,
        response: { 200: z.object({ target: z.enum(ROUTING_TARGETS), note: z.string(), routedAt: z.string() }) },
      },
    },
    async (req) => act(ctx, actorOf(req), req.params.id, 'route_procedure', req.body),
  );
  app.post(
    '/api/petitions/reception-log',
    { schema: { tags, summary: '接待登记（来信、来访的批次和人次）', body: ReceptionLogInput, response: { 201: ReceptionLogEntry } } },
    async (req, reply) => reply.status(201).send(await recordReception(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/petitions/reception-log',
    { schema: { tags, summary: '接待登记列表与合计（按数据范围）', querystring: ReceptionLogQuery, response: { 200: ReceptionLogPage } } },
    async (req) => listReceptionLog(ctx, actorOf(req), req.query),
  );
}
