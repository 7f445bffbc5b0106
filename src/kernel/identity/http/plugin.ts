import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { safeEqual } from '../../../platform/crypto/sm3.ts';
import { requireAdminTotp } from '../admin-totp.ts';
import { identityError } from '../contract.ts';
import { listenAuthEpoch } from '../auth-epoch-listener.ts';
import { createSessionCache, markAuthMaybeChanged } from '../queries/session-cache.ts';
import { SESSION_COOKIE } from '../session.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerRoleRoutes } from './role-routes.ts';
import { registerUserRoutes } from './user-routes.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/** What a signed-in user may still do before changing an initial password / enrolling TOTP. */
const ACCOUNT_SETUP = new Set(['GET /api/me', 'POST /api/me/password', 'POST /api/auth/logout', 'POST /api/me/totp/setup', 'POST /api/me/totp/enable']);

/**
 * Identity for the whole app: call once from buildApp after @fastify/cookie and
 * @fastify/rate-limit and before any other /api routes. Adds the session hook (req.actor),
 * CSRF and account-setup gates, and the /api/auth, /api/me, /api/users, /api/roles,
 * /api/delegations and /api/login-log routes.
 */
export async function registerIdentity(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionPlace', null);
  app.decorateRequest('sessionExpired', false);
  const resolveSession = createSessionCache();
  const unlisten = listenAuthEpoch(ctx, resolveSession.markStale);
  app.addHook('onClose', async () => {
    resolveSession.dispose();
    await unlisten();
  });
  app.addHook('onRequest', async (req, reply) => authenticate(ctx, resolveSession, req, reply));
  // A write has committed by the time its answer is sent: whatever it changed about sessions or
  // grants (a logout, a revocation, a role) holds for this process's very next request.
  app.addHook('onSend', async (req) => {
    if (MUTATING.has(req.method)) markAuthMaybeChanged();
  });
  await registerAuthRoutes(app, ctx);
  await registerUserRoutes(app, ctx);
  await registerRoleRoutes(app, ctx);
}

async function authenticate(ctx: AppContext, resolveSession: ReturnType<typeof createSessionCache>, req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0]!;
  if (!path.startsWith('/api/')) return;
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return;
  const found = await resolveSession(ctx, token, req.ip ?? null);
  if (found.kind !== 'ok') {
    req.sessionExpired = found.kind === 'expired';
    clearSessionCookie(reply);
    return;
  }
  req.actor = found.actor;
  req.csrfToken = found.csrfToken;
  req.sessionPlace = found.place;
  if (MUTATING.has(req.method) && !CSRF_EXEMPT.has(path)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, found.csrfToken)) throw identityError('CSRF_INVALID');
  }
  const key = `${req.method} ${path}`;
  if (found.actor.mustChangePassword && !ACCOUNT_SETUP.has(key) && path !== '/api/auth/login') throw identityError('PASSWORD_CHANGE_REQUIRED');
  // Admins without a second factor may read, but change nothing anywhere until they enrol.
  if (MUTATING.has(req.method) && !ACCOUNT_SETUP.has(key) && path !== '/api/auth/login') requireAdminTotp(ctx, found.actor);
}

export function sessionCookieOptions(ctx: AppContext, req: FastifyRequest) {
  const secure = ctx.config.cookieSecure === 'on' || (ctx.config.cookieSecure === 'auto' && req.protocol === 'https');
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure };
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
