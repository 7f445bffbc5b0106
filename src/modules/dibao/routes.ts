import { sendDocumentPdf } from '../../kernel/documents/index.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { actorOf } from '../../kernel/identity/index.ts';
import { applyAction, handOff, getCase } from '../../kernel/workflow/index.ts';
import { AddDelegationInput, addDelegation, listDelegations } from './delegation/regime.ts';
import { registerApplication } from './commands/register-application.ts';
import { addMember, editFinances, memberLeaves } from './commands/edit-household.ts';
import { AddMemberInput, ApplicationInput, FinancesInput, LeaveMemberInput, fieldLabel } from './commands/household-input.ts';
import { labelledSchemaErrors } from '../../platform/http/parse-input.ts';
import { ListApplicationsQuery, getApplication, listApplications } from './queries/applications.ts';
import { ListHouseholdsQuery, getHousehold, listHouseholds } from './queries/households.ts';
import { ListRechecksQuery, listRechecks } from './queries/rechecks.ts';
import { DrawInput, VisitInput, drawSpotCheck, getSpotCheck, listSpotChecks, recordVisit } from './spot-check/spot-check.ts';
import { applicationByRefAndCode, publicStandard, publicTownships, submitOnlineApplication, trackApplication } from './portal/portal.ts';
import { servedNoticePdf } from './portal/served-notices.ts';
import { DIBAO_TYPE } from './contract.ts';
import { OnlineApplied, PublicStandard, PublicTownships, PublicTrack } from './contracts/portal.ts';
import { ApplicationDetail, ApplicationIdentities, ApplicationPage, ApplicationRegistered } from './contracts/applications.ts';
import { getApplicationIdentities } from './queries/application-identities.ts';
import { HouseholdDetail, HouseholdPage } from './contracts/households.ts';
import { RecheckPage } from './contracts/rechecks.ts';
import { SpotCheckDetail, SpotCheckDrawn, SpotCheckList } from './contracts/spot-checks.ts';
import { DelegationAdded, DelegationList } from './contracts/delegations.ts';
import { Ok } from './contracts/common.ts';
import { loadApplication } from './load-application.ts';

const Id = z.object({ id: z.uuid('ID 格式不正确') });
/** The portal form: the household and its application (申请方式 is 网上), plus the proof of work (checked by spendSolution). */
const PortalApplicationBody = ApplicationInput.omit({ channel: true }).extend({
  pow: z.object({ challenge: z.string(), nonce: z.string() }).partial().optional(),
});
/** Body errors name the field as the clerk's form does (家庭成员第 2 项·身份证号). */
const labelled = labelledSchemaErrors(fieldLabel);

/** 低保 households, applications, delegation, spot checks (staff) and the portal application. */
export async function registerDibaoRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['dibao'];

  app.post(
    '/api/dibao/applications',
    {
      schema: { tags, summary: '登记低保申请（家庭、成员、收入、财产、刚性支出）', body: ApplicationInput, response: { 201: ApplicationRegistered } },
      schemaErrorFormatter: labelled,
    },
    async (req, reply) => reply.status(201).send(await registerApplication(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/dibao/applications',
    { schema: { tags, summary: '低保申请列表（按数据范围）', querystring: ListApplicationsQuery, response: { 200: ApplicationPage } } },
    async (req) => listApplications(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/dibao/applications/:id',
    { schema: { tags, summary: '低保申请详情（案件 + 审批层级、核对、调查、公示、核算）', params: Id, response: { 200: ApplicationDetail } } },
    async (req) => getApplication(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/dibao/applications/:id/identities',
    {
      schema: {
        tags,
        summary: '查看完整信息：家庭成员完整身份证号（仅可办理或确认者可见，查阅记入个人信息查阅日志）',
        params: Id,
        response: { 200: ApplicationIdentities },
      },
    },
    async (req) => getApplicationIdentities(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/dibao/applications/:id/submit-county',
    {
      schema: {
        tags,
        summary: '报送县级民政部门确认（未下放审批权的县，转办并待签收）',
        params: Id,
        body: z.object({ note: z.string().max(2000).optional() }).default({}),
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const c = await getCase(ctx, actor, req.params.id);
      if (c.type !== DIBAO_TYPE) throw new AppError('DIBAO_APPLICATION_NOT_FOUND', 404, '低保申请不存在');
      const a = await loadApplication(ctx, c.id);
      // Whether it may be sent up at all (delegated county, already at the county) is the hand-off rule's (workflow.ts).
      if (c.state !== 'awaiting_confirm') throw new AppError('STATE_NOT_ALLOWED', 409, '公示期满（或拟不同意报送）后才能报送县级民政部门确认');
      const county = (
        await sql<{ id: string }>`select id from core.org_unit where area_code = ${a.county_code} and kind = 'bureau' and active limit 1`.execute(ctx.db)
      ).rows[0];
      if (!county) throw new AppError('ORG_UNIT_NOT_FOUND', 409, '未找到县级民政部门');
      await handOff(ctx, actor, {
        caseId: c.id,
        kind: 'transfer',
        toOrgId: county.id,
        note: req.body.note ?? '乡镇（街道）审核、公示完毕，报请县级民政部门审核确认',
      });
      return getApplication(ctx, actor, c.id);
    },
  );

  app.post(
    '/api/dibao/applications/:id/extend-special',
    {
      schema: {
        tags,
        summary: '特殊情况延长审核确认期限至 45 个工作日（县级民政部门负责人批准，自受理日起算）',
        params: Id,
        body: z.object({ reasons: z.string() }),
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const c = await getCase(ctx, actor, req.params.id);
      if (c.type !== DIBAO_TYPE) throw new AppError('DIBAO_APPLICATION_NOT_FOUND', 404, '低保申请不存在');
      await applyAction(ctx, actor, { caseId: c.id, type: DIBAO_TYPE, action: 'extend_special', input: req.body });
      return getApplication(ctx, actor, c.id);
    },
  );

  app.get(
    '/api/dibao/households',
    { schema: { tags, summary: '低保家庭列表（按数据范围，身份证号脱敏）', querystring: ListHouseholdsQuery, response: { 200: HouseholdPage } } },
    async (req) => listHouseholds(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/dibao/households/:id',
    {
      schema: {
        tags,
        summary: '低保家庭详情（成员、收入、财产、变更历史；完整身份信息的查阅记入个人信息查阅日志）',
        params: Id,
        querystring: z.object({ masked: z.enum(['0', '1']).optional() }),
        response: { 200: HouseholdDetail },
      },
    },
    async (req) => getHousehold(ctx, actorOf(req), req.params.id, { masked: req.query.masked === '1' }),
  );
  app.post(
    '/api/dibao/households/:id/finances',
    {
      schema: { tags, summary: '变更收入、财产、刚性支出（写入变更历史）', params: Id, body: FinancesInput, response: { 200: Ok } },
      schemaErrorFormatter: labelled,
    },
    async (req) => editFinances(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/dibao/households/:id/members',
    { schema: { tags, summary: '增员（查重）', params: Id, body: AddMemberInput, response: { 201: Ok } }, schemaErrorFormatter: labelled },
    async (req, reply) => reply.status(201).send(await addMember(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/dibao/households/:id/members/:memberId/leave',
    {
      schema: { tags, summary: '减员（死亡、迁出、分户）', params: Id.extend({ memberId: z.uuid() }), body: LeaveMemberInput, response: { 200: Ok } },
      schemaErrorFormatter: labelled,
    },
    async (req) => memberLeaves(ctx, actorOf(req), req.params.id, req.params.memberId, req.body),
  );

  app.get(
    '/api/dibao/rechecks',
    { schema: { tags, summary: '复核任务列表（待复核、已逾期、已复核；按数据范围）', querystring: ListRechecksQuery, response: { 200: RecheckPage } } },
    async (req) => listRechecks(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/dibao/delegations',
    { schema: { tags, summary: '审批权下放配置（各县区审批层级、生效日期、授权文件）', response: { 200: DelegationList } } },
    async (req) => {
      actorOf(req); // staff only: 401 without a session
      return listDelegations(ctx, chinaDate(ctx.clock.now()));
    },
  );
  app.post(
    '/api/dibao/delegations',
    { schema: { tags, summary: '新增审批权配置（自治区或本县具有低保配置权限）', body: AddDelegationInput, response: { 201: DelegationAdded } } },
    async (req, reply) => reply.status(201).send(await addDelegation(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/api/dibao/spot-checks',
    {
      schema: { tags, summary: '县级抽查：按比例可复现抽取乡镇确认的案件', body: DrawInput, response: { 201: SpotCheckDrawn } },
      schemaErrorFormatter: labelled,
    },
    async (req, reply) => reply.status(201).send(await drawSpotCheck(ctx, actorOf(req), req.body)),
  );
  app.get('/api/dibao/spot-checks', { schema: { tags, summary: '抽查批次列表（按数据范围）', response: { 200: SpotCheckList } } }, async (req) =>
    listSpotChecks(ctx, actorOf(req)),
  );
  app.get(
    '/api/dibao/spot-checks/:id',
    { schema: { tags, summary: '抽查批次详情（种子、总体、样本、入户结果）', params: Id, response: { 200: SpotCheckDetail } } },
    async (req) => getSpotCheck(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/dibao/spot-checks/:id/items/:caseId',
    {
      schema: { tags, summary: '登记入户抽查结果', params: Id.extend({ caseId: z.uuid() }), body: VisitInput, response: { 200: Ok } },
      schemaErrorFormatter: labelled,
    },
    async (req) => recordVisit(ctx, actorOf(req), req.params.id, req.params.caseId, req.body),
  );

  // Portal: no session, rate-limited per address.
  app.post(
    '/api/public/dibao/applications',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '网上申请低保（无需登录，须附安全校验 pow: { challenge, nonce }，见 GET /api/public/pow），返回申请编号和一次性查询码',
        body: PortalApplicationBody,
        response: { 201: OnlineApplied },
      },
      schemaErrorFormatter: labelled,
    },
    async (req, reply) => reply.status(201).send(await submitOnlineApplication(ctx, req.body)),
  );
  app.post(
    '/api/public/dibao/track',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '查询低保申请进度（编号 + 查询码）',
        body: z.object({ refNo: z.string().trim().min(1, '请填写申请编号').max(40), queryCode: z.string().trim().min(1, '请填写查询码').max(40) }),
        response: { 200: PublicTrack },
      },
    },
    async (req) => trackApplication(ctx, req.body.refNo, req.body.queryCode),
  );
  app.post(
    '/api/public/dibao/notice.pdf',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '下载已送达的低保文书 PDF（申请编号 + 查询码 + 文书编号）',
        body: z.object({
          refNo: z.string().trim().min(1, '请填写申请编号').max(40),
          queryCode: z.string().trim().min(1, '请填写查询码').max(40),
          docNo: z.string().trim().min(1, '请填写文书编号').max(40),
        }),
      },
    },
    async (req, reply) => {
      const c = await applicationByRefAndCode(ctx, req.body.refNo, req.body.queryCode);
      const { doc, bytes } = await servedNoticePdf(ctx, c.id, req.body.docNo);
      const name = `${doc.title}-${doc.docNo}${doc.version > 1 ? `-第${doc.version}版` : ''}.pdf`;
      return sendDocumentPdf(reply, doc.sm3, name, bytes);
    },
  );
  app.get(
    '/api/public/dibao/standard',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' }, publicCache: true },
      schema: {
        tags,
        summary: '当地低保标准、审批层级和申请材料清单',
        querystring: z.object({ area: z.string().regex(/^\d{6,12}$/, '地区代码格式不正确') }),
        response: { 200: PublicStandard },
      },
    },
    async (req) => publicStandard(ctx, req.query.area),
  );
  app.get(
    '/api/public/dibao/townships',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' }, publicCache: true },
      schema: { tags, summary: '可网上申请低保的乡镇（街道）和村（社区）', response: { 200: PublicTownships } },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=600').send(await publicTownships(ctx)),
  );
}
