import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePermission } from '../../kernel/identity/index.ts';

import { registerPetition } from './commands/register-petition.ts';
import { RegisterPetitionInput } from './commands/petition-input.ts';
import { AssignInput, assignPetition } from './commands/assign-petition.ts';
import { FollowUpInput, FollowUpResultInput, LeadInput, recordFollowUpResult, scheduleFollowUps, takeLead } from './commands/follow-ups.ts';
import { StaffSatisfactionInput, recordSatisfaction } from './commands/record-satisfaction.ts';
import { ReviewRequestInput, registerReviewRequest } from './commands/review-request-letter.ts';
import { SettingsPatch, canEditSettings, listPetitionSettings, updatePetitionSettings } from './commands/settings.ts';
import { getPetition } from './queries/get-petition.ts';
import {
  AssignResult,
  FollowUpResultResult,
  FollowUpsResult,
  LeadResult,
  PetitionDetail,
  PetitionPage,
  PetitionSettingList,
  PetitionSettings,
  RegisterPetitionResult,
  ReviewRequestResult,
  SatisfactionResult,
} from './contracts/http.ts';
import { ListPetitionsQuery, listPetitions } from './queries/list-petitions.ts';

/**
 * 信访 staff HTTP API (session + CSRF via the identity plugin); the portal routes are in
 * routes-portal.ts. Each body is declared with the command's own input schema (the command parses
 * again with parseInput, for callers other than HTTP).
 */
export async function registerPetitionRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];
  const Id = z.object({ id: z.uuid('信访事项 ID 格式不正确') });

  app.post(
    '/api/petitions',
    { schema: { tags, summary: '登记信访事项（来信、来访、电话、上级转来）', body: RegisterPetitionInput, response: { 201: RegisterPetitionResult } } },
    async (req, reply) => {
      const r = await registerPetition(ctx, actorOf(req), req.body);
      return reply.status(201).send({
        id: r.id,
        refNo: r.refNo,
        state: r.state,
        flags: { repeat: r.flags.repeat, finalMatch: r.flags.finalMatch, skipLevel: r.flags.skipLevel, firstTime: r.flags.firstTime },
        suggestions: r.flags.suggestions,
      });
    },
  );
  app.get('/api/petitions/settings', { schema: { tags, summary: '信访设置（可调参数与未核实规则）', response: { 200: PetitionSettings } } }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, 'petition.read');
    return { ...(await listPetitionSettings(ctx)), canEdit: canEditSettings(actor) };
  });
  app.put(
    '/api/petitions/settings',
    { schema: { tags, summary: '修改信访设置（自治区级督办权限）', body: SettingsPatch, response: { 200: PetitionSettingList } } },
    async (req) => updatePetitionSettings(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/petitions',
    { schema: { tags, summary: '信访事项列表（按数据范围）', querystring: ListPetitionsQuery, response: { 200: PetitionPage } } },
    async (req) => listPetitions(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/petitions/:id',
    {
      schema: {
        tags,
        summary: '信访事项详情（masked=1 时不解密身份信息、不记 PII 查阅）',
        params: z.object({ id: z.uuid('信访事项 ID 格式不正确') }),
        querystring: z.object({ masked: z.enum(['0', '1']).optional() }),
        response: { 200: PetitionDetail },
      },
    },
    async (req) => getPetition(ctx, actorOf(req), req.params.id, { masked: req.query.masked === '1' }),
  );
  app.post(
    '/api/petitions/:id/assign',
    { schema: { tags, summary: '交办（指定报告期限，接收单位须签收）', params: Id, body: AssignInput, response: { 200: AssignResult } } },
    async (req) => assignPetition(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/petitions/:id/lead', { schema: { tags, summary: '领导包案', params: Id, body: LeadInput, response: { 200: LeadResult } } }, async (req) =>
    takeLead(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/:id/follow-ups',
    { schema: { tags, summary: '安排回头看（包案领导）', params: Id, body: FollowUpInput, response: { 201: FollowUpsResult } } },
    async (req, reply) => reply.status(201).send(await scheduleFollowUps(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/petitions/:id/follow-ups/:fid/result',
    {
      schema: {
        tags,
        summary: '记录回头看结果（包案领导）',
        params: Id.extend({ fid: z.uuid('回头看 ID 格式不正确') }),
        body: FollowUpResultInput,
        response: { 200: FollowUpResultResult },
      },
    },
    async (req) => recordFollowUpResult(ctx, actorOf(req), req.params.id, req.params.fid, req.body),
  );
  app.post(
    '/api/petitions/:id/satisfaction',
    { schema: { tags, summary: '记录满意度评价（电话、信函、当面）', params: Id, body: StaffSatisfactionInput, response: { 200: SatisfactionResult } } },
    async (req) => recordSatisfaction(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/petitions/:id/review-request',
    { schema: { tags, summary: '代为登记来信提出的复查、复核请求', params: Id, body: ReviewRequestInput, response: { 201: ReviewRequestResult } } },
    async (req, reply) => reply.status(201).send(await registerReviewRequest(ctx, actorOf(req), req.params.id, req.body)),
  );
}
