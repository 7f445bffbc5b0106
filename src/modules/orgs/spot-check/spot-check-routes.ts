import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../kernel/identity/index.ts';
import {
  SpotCheckCommitted,
  SpotCheckDrawn,
  SpotCheckInput,
  SpotCheckRevealed,
  commitSpotCheck,
  revealSpotCheckSeed,
  runSpotCheckDraw,
} from './spot-check-plan.ts';
import { InspectionOptions, InspectionOptionsQuery, inspectionOptions } from './inspection-options.ts';
import { PoolOptions, PoolOptionsQuery, poolOptions } from './pool-options.ts';
import { FollowUpInput, SpotInspectionInput, SpotItemRecorded, recordFollowUp, recordSpotInspection } from './spot-check-inspect.ts';
import { PopulationPage, SpotItemPage, SpotPageQuery, populationText, spotItems, spotPopulation } from './spot-check-pages.ts';
import { SpotCheckDto, SpotCheckList, VerifyDto, getSpotCheck, listSpotChecks, publicSpotCheck, publicSpotChecks, verifySpotCheck } from './spot-check-read.ts';

const Id = z.object({ id: z.uuid('抽查 ID 格式不正确') });

/** 双随机一公开: plan with a published commitment → draw → seed revealed → inspections, 整改, follow-up; public results and re-run. */
export async function registerSpotCheckRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['orgs'];
  app.post(
    '/api/orgs/spot-checks',
    {
      schema: {
        tags,
        summary: '双随机抽查：制定计划（定期抽查不低于最低比例；不定期抽查），冻结抽查对象和检查人员名录，公布种子承诺（SM3）',
        body: SpotCheckInput,
        response: { 201: SpotCheckCommitted },
      },
    },
    async (req, reply) => reply.status(201).send(await commitSpotCheck(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/orgs/spot-checks/pool-options',
    {
      schema: {
        tags,
        summary: '制定双随机抽查计划时可选的检查人员：登记管理机关持有当日有效行政执法证的执法人员',
        querystring: PoolOptionsQuery,
        response: { 200: PoolOptions },
      },
    },
    async (req) => poolOptions(ctx, actorOf(req), req.query),
  );
  app.get('/api/orgs/spot-checks', { schema: { tags, summary: '双随机抽查清单（按数据范围）', response: { 200: SpotCheckList } } }, async (req) =>
    listSpotChecks(ctx, actorOf(req)),
  );
  app.get(
    '/api/orgs/spot-checks/:id',
    { schema: { tags, summary: '双随机抽查详情（承诺、名录、抽查结果、检查记录和整改）', params: Id, response: { 200: SpotCheckDto } } },
    async (req) => getSpotCheck(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/orgs/spot-checks/:id/items',
    {
      schema: {
        tags,
        summary: '双随机抽查的抽查对象名单（分页；按统一社会信用代码开头或名称查询）：检查人员、检查结果、整改通知书和整改',
        params: Id,
        querystring: SpotPageQuery,
        response: { 200: SpotItemPage },
      },
    },
    async (req) => spotItems(ctx, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/orgs/spot-checks/:id/population',
    {
      schema: {
        tags,
        summary: '双随机抽查冻结的抽查对象名录（分页；按统一社会信用代码开头或名称查询；抽取后标明是否抽中）',
        params: Id,
        querystring: SpotPageQuery,
        response: { 200: PopulationPage },
      },
    },
    async (req) => spotPopulation(ctx, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/orgs/spot-checks/:id/draw',
    { schema: { tags, summary: '抽取抽查对象和检查人员（回避有利害关系的检查人员）', params: Id, response: { 200: SpotCheckDrawn } } },
    async (req) => runSpotCheckDraw(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/orgs/spot-checks/:id/reveal',
    { schema: { tags, summary: '抽取后公布种子（供公众复核）', params: Id, response: { 200: SpotCheckRevealed } } },
    async (req) => revealSpotCheckSeed(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/orgs/spot-checks/:id/inspection-options',
    {
      schema: {
        tags,
        summary: '登记检查结果的可选项：本机关持有效执法证的执法人员（标明抽取的和须回避的）和审核通过的检查实施清单事项',
        params: Id,
        querystring: InspectionOptionsQuery,
        response: { 200: InspectionOptions },
      },
    },
    async (req) => inspectionOptions(ctx, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/orgs/spot-checks/:id/inspections',
    {
      schema: {
        tags,
        summary: '登记检查结果（书面或现场检查；发现问题发放整改通知书并限期整改）',
        params: Id,
        body: SpotInspectionInput,
        response: { 200: SpotItemRecorded },
      },
    },
    async (req) => recordSpotInspection(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/spot-checks/:id/follow-ups',
    {
      schema: { tags, summary: '整改复查（整改完成日期；逾期未整改的列入活动异常名录）', params: Id, body: FollowUpInput, response: { 200: SpotItemRecorded } },
    },
    async (req) => recordFollowUp(ctx, actorOf(req), req.params.id, req.body),
  );
  const publicConfig = { rateLimit: { max: 60, timeWindow: '1 minute' } };
  app.get(
    '/api/public/orgs/spot-checks',
    { config: publicConfig, schema: { tags: ['portal'], summary: '社会组织双随机抽查公示清单', response: { 200: SpotCheckList } } },
    async () => publicSpotChecks(ctx),
  );
  app.get(
    '/api/public/orgs/spot-checks/:id',
    {
      config: publicConfig,
      schema: {
        tags: ['portal'],
        summary: '社会组织双随机抽查公示：种子承诺、抽查名录、抽查结果、公布的种子和检查结果',
        params: Id,
        response: { 200: SpotCheckDto },
      },
    },
    async (req) => publicSpotCheck(ctx, req.params.id),
  );
  app.get(
    '/api/public/orgs/spot-checks/:id/items',
    {
      config: publicConfig,
      schema: {
        tags: ['portal'],
        summary: '社会组织双随机抽查公示：抽查对象名单（分页，可按代码或名称查询），检查人员和检查结果（不含检查情况）',
        params: Id,
        querystring: SpotPageQuery,
        response: { 200: SpotItemPage },
      },
    },
    async (req) => spotItems(ctx, null, req.params.id, req.query),
  );
  app.get(
    '/api/public/orgs/spot-checks/:id/population',
    {
      config: publicConfig,
      schema: {
        tags: ['portal'],
        summary: '社会组织双随机抽查公示：冻结的抽查对象名录（分页，可按代码或名称查询）',
        params: Id,
        querystring: SpotPageQuery,
        response: { 200: PopulationPage },
      },
    },
    async (req) => spotPopulation(ctx, null, req.params.id, req.query),
  );
  app.get(
    '/api/public/orgs/spot-checks/:id/population.txt',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: '下载冻结的抽查对象名录全文（统一社会信用代码按码位排序、换行分隔；其哈希即公布的名录指纹），供离线重新抽取',
        params: Id,
      },
    },
    async (req, reply) => {
      const body = await populationText(ctx, req.params.id);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="spot-check-${req.params.id}-population.txt"`)
        .send(body);
    },
  );
  app.get(
    '/api/public/orgs/spot-checks/:id/verify',
    {
      config: publicConfig,
      schema: { tags: ['portal'], summary: '复核双随机抽取：校验种子承诺，按公布的名录和种子重新抽取并比对', params: Id, response: { 200: VerifyDto } },
    },
    async (req) => verifySpotCheck(ctx, req.params.id),
  );
}
