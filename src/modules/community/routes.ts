import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePermission } from '../../kernel/identity/index.ts';
import {
  AssignmentCheckInput,
  AssignmentCheckResult,
  DutyPage,
  DutyItem,
  DutyRequestInput,
  ImportInput,
  ImportResult,
  PublicStations,
  RegisterResult,
  StationDetail,
  StationInput,
  StationPage,
  StationStats,
} from './contracts/http.ts';
import { requestDuty } from './duties/request-duty.ts';
import { checkAssignment, dutyList, DutyListQuery, dutyRequests, DutyRequestsQuery, getDuty } from './duties/list-duties.ts';
import { COUNTIES_GEOJSON } from './geo/ningxia-geo.ts';
import { importStations } from './stations/import-stations.ts';
import { getStation, listStations, ListStationsQuery } from './stations/list-stations.ts';
import { publicStations } from './stations/public-stations.ts';
import { registerStation } from './stations/register-station.ts';
import { stationStats, StationStatsQuery } from './stations/station-stats.ts';

/**
 * 城乡社区 API: the station registry (登记、台账、统计、导入), the duty list with its 准入 requests
 * and the 减负 check, and the portal's map data. Moves of a station or a request (暂停、恢复、撤销;
 * 准入、不予准入、移出清单) go through the kernel's POST /api/cases/:id/transitions/:name.
 */
export async function registerCommunityRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];
  const Id = z.object({ id: z.uuid('ID 格式不正确') });
  const publicConfig = { rateLimit: { max: 60, timeWindow: '1 minute' } };

  app.post(
    '/api/community/stations',
    { schema: { tags, summary: '登记社区综合服务站', body: StationInput, response: { 201: RegisterResult } } },
    async (req, reply) => reply.status(201).send(await registerStation(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/community/stations',
    {
      schema: {
        tags,
        summary: '社区综合服务站台账（按数据范围；按名称检索，按类别、县区筛选）',
        querystring: ListStationsQuery,
        response: { 200: StationPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'community.read');
      return listStations(ctx, actor, req.query);
    },
  );
  app.get(
    '/api/community/stations/stats',
    { schema: { tags, summary: '服务站数量（城市、农村，按县区）', querystring: StationStatsQuery, response: { 200: StationStats } } },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'community.read');
      return stationStats(ctx, actor, req.query);
    },
  );
  app.post(
    '/api/community/stations/import',
    {
      schema: { tags, summary: '导入服务站登记表（CSV 或 xlsx；有错误时整表不导入，返回错误表）', body: ImportInput, response: { 200: ImportResult } },
      bodyLimit: 8_000_000,
    },
    async (req) => importStations(ctx, actorOf(req), req.body),
  );
  app.get('/api/community/stations/:id', { schema: { tags, summary: '服务站详情（含照片）', params: Id, response: { 200: StationDetail } } }, async (req) =>
    getStation(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/community/duties',
    { schema: { tags, summary: '社区工作事项清单（某地区适用的事项：自治区清单及市、县准入事项）', querystring: DutyListQuery, response: { 200: DutyPage } } },
    async (req) => {
      requirePermission(actorOf(req), 'community.read');
      return dutyList(ctx, req.query.areaCode);
    },
  );
  app.post(
    '/api/community/duties/requests',
    { schema: { tags, summary: '申请社区工作事项准入（由县级民政部门审核）', body: DutyRequestInput, response: { 201: RegisterResult } } },
    async (req, reply) => reply.status(201).send(await requestDuty(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/community/duties/requests',
    { schema: { tags, summary: '准入申请（按数据范围）', querystring: DutyRequestsQuery, response: { 200: DutyPage } } },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'community.read');
      return dutyRequests(ctx, actor, req.query);
    },
  );
  app.get('/api/community/duties/:id', { schema: { tags, summary: '社区工作事项或准入申请详情', params: Id, response: { 200: DutyItem } } }, async (req) =>
    getDuty(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/community/duties/check',
    {
      schema: {
        tags,
        summary: '交办社区事项前核对清单（减负：清单外事项不得交由社区承担）',
        body: AssignmentCheckInput,
        response: { 200: AssignmentCheckResult },
      },
    },
    async (req) => {
      requirePermission(actorOf(req), 'community.read');
      return checkAssignment(ctx, req.body);
    },
  );

  app.get(
    '/api/public/community/stations',
    {
      config: { ...publicConfig, publicCache: true },
      schema: { tags, summary: '公开：运行中的社区综合服务站（地图和列表）', response: { 200: PublicStations } },
    },
    async () => publicStations(ctx),
  );
  app.get(
    '/api/public/community/counties.geojson',
    { config: publicConfig, schema: { tags, summary: '公开：宁夏各县（市、区）简化边界（GeoJSON，地图底图）' } },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=86400').type('application/geo+json').send(COUNTIES_GEOJSON),
  );
}
