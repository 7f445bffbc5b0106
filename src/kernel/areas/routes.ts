import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requirePermission } from '../identity/actor.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { createArea, updateArea } from './area-commands.ts';
import { getArea, listAreaTree, toAreaDto } from './area-queries.ts';
import { AreaCode, AreaDto, AreaNode, ImportResult, ORG_KINDS, OrgUnitDto } from './contract.ts';
import { importAreas } from './import-areas.ts';
import { importOrgUnits } from './import-org-units.ts';
import { createOrgUnit, updateOrgUnit } from './org-unit-commands.ts';
import { getOrgUnit, listOrgUnits } from './org-unit-queries.ts';

const Name = z.string().trim().min(1, '名称不能为空').max(100, '名称不超过 100 字');
const ImportBody = z.object({ csv: z.string().min(1, 'CSV 内容不能为空').max(2_000_000, 'CSV 不超过 2 MB'), sample: z.boolean().optional() });
const Reason = z.string().trim().max(500).optional();

/** 行政区划 and 组织机构 administration. */
export async function registerAreaRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['areas'];

  app.get(
    '/api/areas/tree',
    {
      schema: {
        tags,
        summary: '行政区划树（本人可见范围）',
        querystring: z.object({ maxLevel: z.coerce.number().int().min(1).max(5).optional() }),
        response: { 200: z.object({ roots: z.array(AreaNode) }) },
      },
    },
    async (req) => ({ roots: await listAreaTree(ctx, actorOf(req), { maxLevel: req.query.maxLevel }) }),
  );

  app.get(
    '/api/areas/:code',
    {
      schema: { tags, summary: '行政区划详情', params: z.object({ code: AreaCode }), response: { 200: AreaDto.extend({ parentName: z.string().nullable() }) } },
    },
    async (req) => getArea(ctx, actorOf(req), req.params.code),
  );

  app.post(
    '/api/areas',
    {
      schema: {
        tags,
        summary: '新增行政区划',
        body: z.object({ code: AreaCode, name: Name, nameEn: z.string().max(200).nullish(), parentCode: AreaCode, sort: z.number().int().optional() }),
        response: { 201: AreaDto },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'area.manage');
      const row = await createArea(ctx, actor, req.body);
      return reply.status(201).send(toAreaDto({ ...row, is_sample: false, active: true }));
    },
  );

  app.patch(
    '/api/areas/:code',
    {
      schema: {
        tags,
        summary: '修改行政区划（名称、启停、排序）',
        params: z.object({ code: AreaCode }),
        body: z.object({
          name: Name.optional(),
          nameEn: z.string().max(200).nullish(),
          active: z.boolean().optional(),
          sort: z.number().int().optional(),
          reason: Reason,
        }),
        response: { 200: AreaDto },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'area.manage');
      return toAreaDto(await updateArea(ctx, actor, req.params.code, req.body));
    },
  );

  app.post(
    '/api/areas/import',
    {
      schema: { tags, summary: '从 CSV 导入行政区划（全部成功或全部不写入）', body: ImportBody, response: { 200: ImportResult } },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'area.manage');
      return importAreas(ctx, actor, req.body.csv, { sample: req.body.sample });
    },
  );

  const orgTags = ['org-units'];
  app.get(
    '/api/org-units',
    {
      schema: {
        tags: orgTags,
        summary: '组织机构列表（本人可见范围）',
        querystring: z.object({
          areaCode: AreaCode.optional(),
          subtree: z.enum(['true', 'false']).optional(),
          q: z.string().max(50).optional(),
          kind: z.enum(Object.keys(ORG_KINDS) as [string, ...string[]]).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: z.object({ items: z.array(OrgUnitDto), total: z.number().int() }) },
      },
    },
    async (req) => listOrgUnits(ctx, actorOf(req), { ...req.query, subtree: req.query.subtree !== 'false' }),
  );

  app.get(
    '/api/org-units/:id',
    {
      schema: { tags: orgTags, summary: '组织机构详情', params: z.object({ id: z.uuid('机构 ID 格式不正确') }), response: { 200: OrgUnitDto } },
    },
    async (req) => getOrgUnit(ctx, actorOf(req), req.params.id),
  );

  const Kind = z.enum(Object.keys(ORG_KINDS) as [string, ...string[]], { message: '机构类型无效' });
  app.post(
    '/api/org-units',
    {
      schema: {
        tags: orgTags,
        summary: '新增组织机构',
        body: z.object({
          code: z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, '机构代码为 2–64 位字母、数字、-、_、.'),
          name: Name,
          nameEn: z.string().max(200).nullish(),
          kind: Kind,
          areaCode: AreaCode,
          parentId: z.uuid().nullish(),
        }),
        response: { 201: OrgUnitDto },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'org.manage');
      const row = await createOrgUnit(ctx, actor, req.body);
      return reply.status(201).send(await getOrgUnit(ctx, actor, row.id));
    },
  );

  app.patch(
    '/api/org-units/:id',
    {
      schema: {
        tags: orgTags,
        summary: '修改组织机构',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          name: Name.optional(),
          nameEn: z.string().max(200).nullish(),
          kind: Kind.optional(),
          parentId: z.uuid().nullish(),
          active: z.boolean().optional(),
          reason: Reason,
        }),
        response: { 200: OrgUnitDto },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'org.manage');
      await updateOrgUnit(ctx, actor, req.params.id, req.body);
      return getOrgUnit(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/org-units/import',
    {
      schema: { tags: orgTags, summary: '从 CSV 导入组织机构（全部成功或全部不写入）', body: ImportBody, response: { 200: ImportResult } },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'org.manage');
      return importOrgUnits(ctx, actor, req.body.csv, { sample: req.body.sample });
    },
  );
}
