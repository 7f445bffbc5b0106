import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf, requirePermission } from '../../../kernel/identity/index.ts';
import { SupervisedDetail, SupervisedPage, SupervisedQuery, getSupervised, listSupervised } from './supervised.ts';
import { OpinionRecorded, SupervisorLink, SupervisorOpinion, giveSupervisorOpinion, linkSupervisor } from './supervisor-acts.ts';

const Id = z.object({ id: z.uuid('社会组织 ID 格式不正确') });
const tags = ['orgs'];

/** 业务主管单位: the registrar links the unit; the unit's accounts read their organizations and give the 初审 opinion. */
export async function registerSupervisorRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/orgs/:id/supervisor',
    {
      schema: {
        tags,
        summary: '关联业务主管单位（组织机构），该单位的业务主管单位账号即可查看本组织',
        params: Id,
        body: SupervisorLink,
        response: { 200: z.object({ id: z.uuid(), supervisorOrgUnitId: z.uuid(), supervisorUnit: z.string() }) },
      },
    },
    async (req) => linkSupervisor(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/orgs/supervised',
    {
      schema: {
        tags,
        summary: '业务主管单位：本单位主管的社会组织（登记状态、最近一次年检）',
        querystring: SupervisedQuery,
        response: { 200: SupervisedPage },
      },
    },
    async (req) => {
      requirePermission(actorOf(req), 'orgs.supervise');
      return listSupervised(ctx, actorOf(req), req.query);
    },
  );
  app.get(
    '/api/orgs/supervised/:id',
    { schema: { tags, summary: '业务主管单位：所主管的一个社会组织（登记事项、信用名单、历年年检）', params: Id, response: { 200: SupervisedDetail } } },
    async (req) => getSupervised(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/orgs/supervised/:id/opinions',
    {
      schema: {
        tags,
        summary: '业务主管单位对年度工作报告出具初审意见（登记管理机关初审前可更改）',
        params: Id,
        body: SupervisorOpinion,
        response: { 200: OpinionRecorded },
      },
    },
    async (req) => giveSupervisorOpinion(ctx, actorOf(req), req.params.id, req.body),
  );
}
