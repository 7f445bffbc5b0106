import { z } from 'zod';

/** zod schemas of the audit API (one schema file per resource). */

const dateOrDateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const ListAuditEventsQuerySchema = z.object({
  action: z.string().min(1).max(100).optional().describe('动作，如 user.create'),
  entityType: z.string().min(1).max(100).optional().describe('对象类型'),
  entityId: z.string().min(1).max(200).optional().describe('对象标识'),
  q: z.string().trim().min(1).max(100).optional().describe('搜索：操作人姓名或账号、案件编号、对象标识或事件 id（完整）'),
  qActions: z.string().max(4000).optional().describe('与搜索词匹配的动作代码，逗号分隔：动作名称由控制台对照，服务端按代码查询'),
  actorId: z.guid().optional().describe('操作人 id'),
  from: dateOrDateTime.optional().describe('起始时间（含）；只给日期时按北京时间当日 0 点'),
  to: dateOrDateTime.optional().describe('截止时间（不含）；只给日期时含当日全天'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const AuditEventIdParams = z.object({ id: z.guid().describe('审计事件 id') });

export const AuditEventSummarySchema = z.object({
  id: z.string(),
  chainId: z.number().int(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaPath: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  reason: z.string().nullable(),
  clientIp: z.string().nullable(),
});

export const AuditEventDetailSchema = AuditEventSummarySchema.extend({
  before: z.unknown(),
  after: z.unknown(),
  prevId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditEventPageSchema = z.object({
  items: z.array(AuditEventSummarySchema),
  total: z.number().int(),
  totalCapped: z.boolean().describe('为 true 时实际条数超过 total'),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  chains: z.number().int(),
  checkpoints: z.number().int(),
  headHash: z.string().describe('系统链头哈希（各链链头的 SM3）'),
  problems: z.array(
    z.object({
      kind: z.enum(['altered', 'removed', 'inserted', 'head_mismatch', 'checkpoint_mismatch']),
      chainId: z.number().int().nullable(),
      seq: z.number().int(),
      eventId: z.string().nullable(),
      message: z.string(),
    }),
  ),
  truncated: z.boolean(),
});

/** A date-only bound is a day in Beijing time; `to` then covers that whole day. */
export function parseBound(v: string | undefined, end: boolean): Date | undefined {
  if (!v) return undefined;
  if (v.length > 10) return new Date(v);
  const d = new Date(`${v}T00:00:00+08:00`);
  return end ? new Date(d.getTime() + 86_400_000) : d;
}
