import { z } from 'zod';

/** zod schemas of the notification API. */

export const ListNotificationsQuerySchema = z.object({
  unread: z.enum(['true', 'false'], { error: 'unread 只能是 true 或 false' }).optional().describe('true: 只看未读'),
  page: z.coerce.number({ error: '页码须为数字' }).int('页码须为整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number({ error: '每页条数须为数字' }).int('每页条数须为整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});

export const NotificationIdParams = z.object({ id: z.guid('通知 id 格式不正确').describe('通知 id') });

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string().describe('类型，如 deadline.remind'),
  title: z.string(),
  body: z.string().nullable(),
  caseId: z.string().nullable(),
  userId: z.string().nullable().describe('发给个人时为其 id'),
  orgUnitId: z.string().nullable().describe('发给机构时为其 id'),
  createdAt: z.string(),
  read: z.boolean(),
  readAt: z.string().nullable(),
});

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const CountSchema = z.object({ count: z.number().int() });
