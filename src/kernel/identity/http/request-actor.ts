import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../actor.ts';
import type { SessionPlace } from '../queries/load-session-actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in actor, set by the identity plugin from the session cookie; null when anonymous. */
    actor: Actor | null;
    /** The session's CSRF token, when signed in. */
    csrfToken: string | null;
    /** The signed-in user's org unit and area name, resolved with the session. */
    sessionPlace: SessionPlace | null;
    /** True when a session cookie was presented but had expired (idle or absolute). */
    sessionExpired: boolean;
  }
}

/** The signed-in actor of a request, or 401 UNAUTHENTICATED (SESSION_EXPIRED when the session timed out). */
export function actorOf(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  if (req.sessionExpired) throw new AppError('SESSION_EXPIRED', 401, '登录已超时，请重新登录');
  throw new AppError('UNAUTHENTICATED', 401, '请先登录');
}
