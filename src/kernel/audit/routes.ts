import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requirePermission } from '../identity/actor.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import {
  AuditEventDetailSchema,
  AuditEventIdParams,
  AuditEventPageSchema,
  ListAuditEventsQuerySchema,
  parseBound,
  VerifyResultSchema,
} from './audit-schemas.ts';
import { AUDIT_PERMISSIONS } from './contract.ts';
import { getAuditEvent } from './get-audit-event.ts';
import { listAuditEvents } from './list-audit-events.ts';
import { verifyAudit } from './verify-audit.ts';

const tags = ['audit'];
const security = [{ session: [] }];

/** Audit log API: scope-filtered reads and an on-demand chain verification. */
export async function registerAuditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit/events',
    {
      schema: {
        tags,
        security,
        summary: '查询审计日志（按数据范围过滤，新的在前）',
        querystring: ListAuditEventsQuerySchema,
        response: { 200: AuditEventPageSchema },
      },
    },
    async (req) => {
      const { from, to, q, qActions, ...rest } = req.query;
      const search = q ? { text: q, actions: qActions?.split(',').filter(Boolean) } : undefined;
      return listAuditEvents(ctx, actorOf(req), { ...rest, search, from: parseBound(from, false), to: parseBound(to, true) });
    },
  );

  r.get(
    '/api/audit/events/:id',
    { schema: { tags, security, summary: '查看审计事件详情（含变更前后的值与哈希）', params: AuditEventIdParams, response: { 200: AuditEventDetailSchema } } },
    async (req) => getAuditEvent(ctx, actorOf(req), req.params.id),
  );

  r.post(
    '/api/audit/verify',
    {
      // A full verification reads the whole log: keep it rare.
      config: { rateLimit: { max: 3, timeWindow: '1 minute' } },
      schema: { tags, security, summary: '校验审计链完整性', response: { 200: VerifyResultSchema } },
    },
    async (req) => {
      requirePermission(actorOf(req), AUDIT_PERMISSIONS.verify);
      return verifyAudit(ctx);
    },
  );
}
