import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../identity/http/request-actor.ts';
import { countUnread, listNotifications, markAllRead, markRead, UNREAD_CAP } from './inbox.ts';
import { CountSchema, ListNotificationsQuerySchema, NotificationIdParams, NotificationPageSchema } from './schemas.ts';
import { NO_CONTENT } from '../../platform/http/responses.ts';

const tags = ['notifications'];
const security = [{ session: [] }];

/** The signed-in user's inbox: their own notifications and those of the org units they hold a role at. */
export async function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/notifications',
    { schema: { tags, security, summary: '我的通知（新的在前）', querystring: ListNotificationsQuerySchema, response: { 200: NotificationPageSchema } } },
    async (req) => listNotifications(ctx, actorOf(req), { unread: req.query.unread === 'true', page: req.query.page, pageSize: req.query.pageSize }),
  );

  r.get(
    '/api/notifications/unread-count',
    { schema: { tags, security, summary: `未读通知数（最多计到 ${UNREAD_CAP}）`, response: { 200: CountSchema } } },
    async (req) => ({ count: await countUnread(ctx, actorOf(req)) }),
  );

  r.post(
    '/api/notifications/:id/read',
    { schema: { tags, security, summary: '标记为已读', params: NotificationIdParams, response: NO_CONTENT } },
    async (req, reply) => {
      await markRead(ctx, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.post('/api/notifications/read-all', { schema: { tags, security, summary: '全部标记为已读', response: { 200: CountSchema } } }, async (req) => ({
    count: await markAllRead(ctx, actorOf(req)),
  }));
}
