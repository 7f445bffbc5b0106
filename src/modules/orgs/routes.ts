import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePermission } from '../../kernel/identity/index.ts';
import { runNameCheck } from './names/run-name-check.ts';
import { listOrgs } from './registry/list-orgs.ts';
import { getOrg } from './registry/get-org.ts';
import { createOrg } from './registry/create-org.ts';
import { changeOrg } from './registry/change-org.ts';
import {
  ChangeOrgInput,
  CreateOrgInput,
  ListOrgsQuery,
  NameCheckInput,
  NameCheckResult,
  OrgChanged,
  OrgCreated,
  OrgDetail,
  OrgPage,
} from './contracts/http.ts';

import { fileChange, fileDeregistration, fileEstablishment } from './lifecycle/file-application.ts';
import { CaseCreated, ChangeRequestInput, DeregisterInput, EstablishInput } from './lifecycle/application-input.ts';

import { listOrganization, removeListing } from './credit/credit-acts.ts';
import { creditLists, orgEligibility } from './credit/credit-queries.ts';
import { CreditExportQuery, creditListWorkbook } from './credit/credit-export.ts';
import { CreditListPage, CreditListsQuery, EligibilityDto, EligibilityQuery, ListOrgInput, ListingActResult, RemoveListingInput } from './contracts/http.ts';

import { RevokeInput, Revoked, revokeOrg } from './registry/revoke-org.ts';
import { PenaltyInput, PenaltyRecorded, penalizeOrg } from './registry/penalize-org.ts';
import { PenaltyList, listPenalties } from './registry/list-penalties.ts';

import { InspectionInput, InspectionRecorded, recordInspection } from './inspection/record-inspection.ts';
import { MissingPage, MissingQuery, missingInspections } from './inspection/missing-inspections.ts';

import { PublicLookup, PublicLookupQuery, publicCreditLookup } from './credit/public-lookup.ts';

import { ImportInput, ImportResult, importRegistry } from './imports/import-registry.ts';
import { importTemplate } from './imports/import-template.ts';
import { FiguresOut, FiguresQuery, orgFigures } from './report/figures-query.ts';
import { FollowUpInterviewInput, InterviewInput, InterviewRecorded, followUpInterview, recordInterview } from './registry/interviews.ts';

const InterviewId = z.object({ id: z.uuid('约谈记录 ID 格式不正确') });
const ListingId = z.object({ id: z.uuid('信用名单记录 ID 格式不正确') });
const Id = z.object({ id: z.uuid('社会组织 ID 格式不正确') });

/** 社会组织 registry: name check, list, detail, record an existing organization, 变更登记. */
export async function registerOrgRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['orgs'];

  app.post(
    '/api/orgs/name-check',
    {
      schema: {
        tags,
        summary: '名称审核（组织形式字样、行政区划、重名与近似名称、禁用字样），附说明',
        body: NameCheckInput,
        response: { 200: NameCheckResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'orgs.read');
      return runNameCheck(ctx, actor, req.body);
    },
  );
  app.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: '社会组织名录（按数据范围；类型、状态、登记管理机关、信用名单、关键词筛选）',
        querystring: ListOrgsQuery,
        response: { 200: OrgPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'orgs.read');
      return listOrgs(ctx, actor, req.query);
    },
  );
  app.post(
    '/api/orgs/:id/interviews',
    {
      schema: { tags, summary: '记录约谈（日期、约谈对象和参加人员、事项、整改承诺）', params: Id, body: InterviewInput, response: { 201: InterviewRecorded } },
    },
    async (req, reply) => reply.status(201).send(await recordInterview(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/orgs/interviews/:id/follow-up',
    { schema: { tags, summary: '约谈跟踪落实（承诺落实情况）', params: InterviewId, body: FollowUpInterviewInput, response: { 200: InterviewRecorded } } },
    async (req) => followUpInterview(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/orgs/figures',
    {
      schema: {
        tags,
        summary: '报告数据：某日登记在册数、2年以上未年检数、名称清理规范更名和注销数（附组织或案件 ID）',
        querystring: FiguresQuery,
        response: { 200: FiguresOut },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'orgs.read');
      return orgFigures(ctx, actor, req.query);
    },
  );
  app.get(
    '/api/orgs/:id',
    { schema: { tags, summary: '社会组织详情（登记事项、变更历史、信用名单）', params: Id, response: { 200: OrgDetail } } },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'orgs.read');
      return getOrg(ctx, actor, req.params.id);
    },
  );
  app.post(
    '/api/orgs',
    { schema: { tags, summary: '录入已登记的社会组织（成立登记事项；统一社会信用代码与名称经审核）', body: CreateOrgInput, response: { 201: OrgCreated } } },
    async (req, reply) => reply.status(201).send(await createOrg(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/orgs/:id/changes',
    { schema: { tags, summary: '变更登记（含更名，新名称经名称审核；每项变更记入历史）', params: Id, body: ChangeOrgInput, response: { 200: OrgChanged } } },
    async (req) => changeOrg(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/establishments',
    {
      schema: {
        tags,
        summary: '成立登记收件（全部有效文件收齐之日起60日内作出决定；名称审核结果记入案件）',
        body: EstablishInput,
        response: { 201: CaseCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await fileEstablishment(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/orgs/:id/change-requests',
    {
      schema: {
        tags,
        summary: '变更登记收件（业务主管单位审查同意之日起30日内申请，逾期标记）',
        params: Id,
        body: ChangeRequestInput,
        response: { 201: CaseCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await fileChange(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/orgs/:id/deregistrations',
    { schema: { tags, summary: '注销登记收件（清算结束之日起15日内申请，逾期标记）', params: Id, body: DeregisterInput, response: { 201: CaseCreated } } },
    async (req, reply) => reply.status(201).send(await fileDeregistration(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/orgs/credit-lists',
    {
      schema: {
        tags,
        summary: '活动异常名录、严重违法失信名单、诚信缺失（按数据范围；当前在列或全部）',
        querystring: CreditListsQuery,
        response: { 200: CreditListPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'orgs.read');
      return creditLists(ctx, actor, req.query);
    },
  );
  app.get(
    '/api/orgs/credit-lists.xlsx',
    { schema: { tags, summary: '导出信用名单（xlsx，按全国信用信息字段；数据范围同信用名单列表）', querystring: CreditExportQuery } },
    async (req, reply) => {
      const { buffer, fileName } = await creditListWorkbook(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="orgs-credit-${req.query.list}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );
  app.get(
    '/api/orgs/:id/eligibility',
    {
      schema: {
        tags,
        summary: '信用后果查询：某日能否承接政府购买服务、获得资金资助、表彰奖励，及理由',
        params: Id,
        querystring: EligibilityQuery,
        response: { 200: EligibilityDto },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'orgs.read');
      return orgEligibility(ctx, actor, req.params.id, req.query);
    },
  );
  app.post(
    '/api/orgs/:id/listings',
    { schema: { tags, summary: '列入信用名单（民政部令第60号所列事由；审计）', params: Id, body: ListOrgInput, response: { 201: ListingActResult } } },
    async (req, reply) => reply.status(201).send(await listOrganization(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/orgs/listings/:id/removal',
    { schema: { tags, summary: '移出信用名单（按移出条件检查；审计）', params: ListingId, body: RemoveListingInput, response: { 200: ListingActResult } } },
    async (req) => removeListing(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/revocation',
    {
      schema: {
        tags,
        summary: '撤销登记（处罚决定记录：依据条款、违法事实；同时列入严重违法失信名单）',
        params: Id,
        body: RevokeInput,
        response: { 200: Revoked },
      },
    },
    async (req) => revokeOrg(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/orgs/:id/penalties',
    {
      schema: {
        tags,
        summary: '行政处罚决定记录（警告、罚款、没收违法所得、限期停止活动、责令撤换主管人员；按民政部令第60号列入信用名单）',
        params: Id,
        body: PenaltyInput,
        response: { 201: PenaltyRecorded },
      },
    },
    async (req, reply) => reply.status(201).send(await penalizeOrg(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/orgs/:id/penalties',
    { schema: { tags, summary: '社会组织受到的行政处罚（撤销登记以外）', params: Id, response: { 200: PenaltyList } } },
    async (req) => listPenalties(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/orgs/:id/inspections',
    {
      schema: {
        tags,
        summary: '年检：报送、初审、结论（合格/基本合格/不合格，不合格列入诚信缺失）',
        params: Id,
        body: InspectionInput,
        response: { 200: InspectionRecorded },
      },
    },
    async (req) => recordInspection(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/orgs/inspections/missing',
    { schema: { tags, summary: '未年检名单（某年度起连续 N 年无年检结论；按数据范围）', querystring: MissingQuery, response: { 200: MissingPage } } },
    async (req) => {
      const actor = actorOf(req);
      requirePermission(actor, 'orgs.read');
      return missingInspections(ctx, actor, req.query);
    },
  );
  app.get(
    '/api/public/orgs/credit',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary: '社会组织信用信息查询（按名称或统一社会信用代码；登记事项、评估等级、当前所在信用名单）',
        querystring: PublicLookupQuery,
        response: { 200: PublicLookup },
      },
    },
    async (req) => publicCreditLookup(ctx, req.query),
  );
  app.post(
    '/api/orgs/import',
    {
      bodyLimit: 8_000_000,
      schema: {
        tags,
        summary: '导入已有登记信息（xlsx 或 CSV；逐行校验统一社会信用代码和名称，全部无误才写入，否则返回错误清单和错误说明工作簿）',
        body: ImportInput,
        response: { 200: ImportResult },
      },
    },
    async (req) => importRegistry(ctx, actorOf(req), req.body),
  );
  app.get('/api/orgs/import-template.xlsx', { schema: { tags, summary: '登记信息导入模板（列名和填写说明）' } }, async (req, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="orgs-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('社会组织登记信息导入模板.xlsx')}`,
      )
      .header('cache-control', 'no-store')
      .send(await importTemplate(actorOf(req))),
  );
}
