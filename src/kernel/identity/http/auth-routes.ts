import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { changePassword } from '../commands/change-password.ts';
import { login } from '../commands/login.ts';
import { logout } from '../commands/logout.ts';
import { disableTotp, enableTotp, setupTotp } from '../commands/manage-own-totp.ts';
import { MeDto } from '../dto.ts';
import { getMe } from '../queries/get-me.ts';
import { loadSessionActor } from '../queries/load-session-actor.ts';
import { SESSION_COOKIE } from '../session.ts';
import { clearSessionCookie, sessionCookieOptions } from './plugin.ts';
import { actorOf } from './request-actor.ts';
import { NO_CONTENT } from '../../../platform/http/responses.ts';

// Endpoints that check a password or a code: slow down guessing with a stolen session.
const GUARDED = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '动态验证码为 6 位数字');

/** A throttled attempt (429) tells the client when to retry, in the standard header too. */
async function withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'LOGIN_THROTTLED') reply.header('retry-after', String(e.details?.retryAfterSeconds ?? 60));
    throw e;
  }
}

/** 登录、退出、当前用户、修改密码、动态验证码. */
export async function registerAuthRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '登录（用户名 + 密码 + 管理员动态验证码）',
        body: z.object({
          username: z.string().trim().min(1, '请输入用户名').max(100),
          password: z.string().min(1, '请输入密码').max(200),
          totp: z.string().trim().max(10).optional(),
        }),
        response: { 200: MeDto },
      },
    },
    async (req, reply) => {
      const s = await withRetryAfter(reply, () =>
        login(ctx, {
          ...req.body,
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          previousSessionId: req.actor?.sessionId ?? null,
        }),
      );
      reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(ctx, req));
      const found = await loadSessionActor(ctx, s.token, req.ip ?? null);
      if (found.kind !== 'ok') throw new Error('session vanished right after login');
      return getMe(ctx, found.actor, found.csrfToken, found.place);
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: '退出登录', response: NO_CONTENT } }, async (req, reply) => {
    if (req.actor) await logout(ctx, req.actor, req.headers['user-agent'] ?? null);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags, summary: '当前用户、机构、角色与权限', response: { 200: MeDto } } }, async (req) =>
    getMe(ctx, actorOf(req), req.csrfToken ?? '', req.sessionPlace!),
  );

  app.post(
    '/api/me/password',
    {
      config: GUARDED,
      schema: {
        tags,
        summary: '修改本人密码（其他会话将失效）',
        body: z.object({ oldPassword: z.string().min(1, '请输入当前密码').max(200), newPassword: z.string().min(1).max(200) }),
        response: NO_CONTENT,
      },
    },
    async (req, reply) => {
      await withRetryAfter(reply, () => changePassword(ctx, actorOf(req), req.body, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null }));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/totp/setup',
    {
      schema: { tags, summary: '生成动态验证码密钥（尚未启用）', response: { 200: z.object({ secret: z.string(), otpauthUri: z.string() }) } },
    },
    async (req) => setupTotp(ctx, actorOf(req)),
  );

  app.post(
    '/api/me/totp/enable',
    { config: GUARDED, schema: { tags, summary: '验证并启用动态验证码', body: z.object({ code: TotpCode }), response: NO_CONTENT } },
    async (req, reply) => {
      await enableTotp(ctx, actorOf(req), req.body.code);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/totp/disable',
    {
      config: GUARDED,
      schema: {
        tags,
        summary: '停用动态验证码（需密码与当前验证码）',
        body: z.object({ password: z.string().min(1).max(200), code: TotpCode }),
        response: NO_CONTENT,
      },
    },
    async (req, reply) => {
      await disableTotp(ctx, actorOf(req), req.body);
      return reply.status(204).send();
    },
  );
}
