import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../kernel/identity/index.ts';
import { applyAction } from '../../kernel/workflow/index.ts';
import { DIBAO_TYPE } from './contract.ts';
import { FilingPage, PublicList, PublicationPage } from './contracts/steps.ts';
import { CountyVisitInput, ListFilingsQuery, listFilings } from './steps/near-relative.ts';
import { ListPublicationsQuery, PublishInput, listPublications, publicList } from './steps/publication.ts';

const Id = z.object({ id: z.uuid('ID 格式不正确') });

/** 低保 steps of issue 10 (C2): 公布 (staff and portal), 近亲属备案. */
export async function registerDibaoStepRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['dibao'];

  app.post(
    '/api/dibao/applications/:id/publications',
    {
      schema: {
        tags,
        summary: '登记公布（确认同意后在申请人所在村、社区公布：日期、方式、地点）',
        params: Id,
        body: PublishInput,
        response: { 201: z.object({ id: z.uuid(), publishedOn: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await applyAction<{ id: string; publishedOn: string }>(ctx, actorOf(req), {
          caseId: req.params.id,
          type: DIBAO_TYPE,
          action: 'publish',
          input: req.body,
        }),
      ),
  );
  app.get(
    '/api/dibao/publications',
    { schema: { tags, summary: '低保公布记录（按数据范围；姓名已按公布要求遮蔽）', querystring: ListPublicationsQuery, response: { 200: PublicationPage } } },
    async (req) => listPublications(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/dibao/applications/:id/county-visit',
    {
      schema: {
        tags,
        summary: '县级入户核查（近亲属单独登记备案案件，县级确认前必须）',
        params: Id,
        body: CountyVisitInput,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => applyAction<{ ok: true }>(ctx, actorOf(req), { caseId: req.params.id, type: DIBAO_TYPE, action: 'county_visit', input: req.body }),
  );
  app.get(
    '/api/dibao/relative-filings',
    { schema: { tags, summary: '近亲属单独登记备案列表（按数据范围；县级入户核查情况）', querystring: ListFilingsQuery, response: { 200: FilingPage } } },
    async (req) => listFilings(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/public/dibao/published',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '乡镇（街道）或村（社区）低保家庭公布名单（姓名遮蔽、家庭人口、保障人数、月保障金）',
        querystring: z.object({ area: z.string().regex(/^\d{9}(\d{3})?$/, '请提供乡镇（街道）或村（社区）代码') }),
        response: { 200: PublicList },
      },
    },
    async (req) => publicList(ctx, req.query.area),
  );
}
