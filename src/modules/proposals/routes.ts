import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../kernel/identity/index.ts';
import { applyAction, getCase } from '../../kernel/workflow/index.ts';
import { PROPOSAL_ERRORS, PROPOSAL_TYPE } from './contract.ts';
import { ContactInput, DisclosureInput, ImplementationInput, RegisterProposalInput } from './commands/inputs.ts';
import { PublicReplies, PublicRepliesQuery, publicReplies } from './queries/public-replies.ts';
import { registerProposal } from './commands/register.ts';
import { ActionResult, ProposalDetail, ProposalPage, ProposalStats, RegisterResult } from './contracts/http.ts';
import { getProposal } from './queries/get-proposal.ts';
import { ListProposalsQuery, listProposals } from './queries/list-proposals.ts';
import { ProposalStatsQuery, proposalStats } from './queries/proposal-stats.ts';

/**
 * 建议提案 staff API. Moves (签收, 异议退回, 拟答复, 签发, 征询意见, 办结) go through the kernel's
 * POST /api/cases/:id/transitions/:name; 协办/会办 through POST /api/cases/:id/parts; the two
 * case actions (面商/沟通, 落实情况) have routes here.
 */
export async function registerProposalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['proposals'];
  const Id = z.object({ id: z.uuid('建议提案 ID 格式不正确') });

  app.post(
    '/api/proposals',
    { schema: { tags, summary: '交办登记（人大代表建议、政协提案）', body: RegisterProposalInput, response: { 201: RegisterResult } } },
    async (req, reply) => reply.status(201).send(await registerProposal(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/proposals',
    {
      schema: {
        tags,
        summary: '建议提案列表（按数据范围；按类别、届次、承办方式、答复类别、状态筛选）',
        querystring: ListProposalsQuery,
        response: { 200: ProposalPage },
      },
    },
    async (req) => listProposals(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/proposals/stats',
    {
      schema: {
        tags,
        summary: '建议提案统计（按届次、类别、承办方式、答复类别、单位；按期答复率、满意率）',
        querystring: ProposalStatsQuery,
        response: { 200: ProposalStats },
      },
    },
    async (req) => proposalStats(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/proposals/:id',
    { schema: { tags, summary: '建议提案详情（面商沟通、答复、征询意见、协办意见）', params: Id, response: { 200: ProposalDetail } } },
    async (req) => getProposal(ctx, actorOf(req), req.params.id),
  );

  const act =
    (name: 'contact' | 'implementation' | 'disclose') => async (req: { params: { id: string }; body: unknown }, actor: ReturnType<typeof actorOf>) => {
      const c = await getCase(ctx, actor, req.params.id);
      if (c.type !== PROPOSAL_TYPE) throw new AppError('PROPOSAL_NOT_FOUND', 404, PROPOSAL_ERRORS.NOT_FOUND);
      return applyAction<{ id: string }>(ctx, actor, { caseId: c.id, type: PROPOSAL_TYPE, action: name, input: req.body });
    };
  app.post(
    '/api/proposals/:id/contacts',
    { schema: { tags, summary: '记录面商、沟通（日期、方式、人员、内容）', params: Id, body: ContactInput, response: { 201: ActionResult } } },
    async (req, reply) => reply.status(201).send(await act('contact')(req, actorOf(req))),
  );
  app.post(
    '/api/proposals/:id/implementation',
    { schema: { tags, summary: 'B、C 类落实后再次答复', params: Id, body: ImplementationInput, response: { 201: ActionResult } } },
    async (req, reply) => reply.status(201).send(await act('implementation')(req, actorOf(req))),
  );
  app.post(
    '/api/proposals/:id/disclosure',
    { schema: { tags, summary: '记录代表、委员同意公开答复', params: Id, body: DisclosureInput, response: { 201: ActionResult } } },
    async (req, reply) => reply.status(201).send(await act('disclose')(req, actorOf(req))),
  );
  app.get(
    '/api/public/proposals/replies',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' }, publicCache: true },
      schema: { tags, summary: '建议提案答复公开（代表、委员同意公开的，公众可查）', querystring: PublicRepliesQuery, response: { 200: PublicReplies } },
    },
    async (req) => publicReplies(ctx, req.query.year),
  );
}
