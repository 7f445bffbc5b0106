import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { approvalRoutesOf } from './approval-route.ts';
import { handoffTargets } from './handoff-targets.ts';

const Id = z.object({ id: z.uuid('案件 ID 格式不正确') });

export const HandoffTargets = z.object({
  targets: z.array(z.object({ id: z.uuid(), name: z.string(), areaName: z.string(), relation: z.enum(['above', 'same', 'below']), relationLabel: z.string() })),
  outside: z.object({ transition: z.string(), label: z.string(), suggestions: z.array(z.string()) }).nullable(),
});
const Approver = z.object({ userId: z.uuid(), name: z.string(), role: z.string() });
export const ApprovalRoutes = z.object({
  items: z.array(
    z.object({
      transition: z.string(),
      step: z.string(),
      kind: z.enum(['unit', 'delegate', 'above', 'none']),
      orgUnitId: z.uuid().nullable(),
      orgName: z.string().nullable(),
      people: z.array(Approver),
      message: z.string(),
    }),
  ),
});

/** Where a case may go next: its 转送/交办 targets, and where the approval after a move (拟办) will go. */
export async function registerGuideRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  app.get(
    '/api/cases/:id/handoff-targets',
    {
      schema: {
        tags,
        summary: '转送/交办去向：有权处理的单位（上一级、本级、下级）及本平台以外机关的转送',
        params: Id,
        response: { 200: HandoffTargets },
      },
    },
    async (req) => handoffTargets(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/cases/:id/approval-routes',
    {
      schema: { tags, summary: '审批去向：本单位无审批人员（或代管）时送上一级', params: Id, response: { 200: ApprovalRoutes } },
    },
    async (req) => ({ items: await approvalRoutesOf(ctx, actorOf(req), req.params.id) }),
  );
}
