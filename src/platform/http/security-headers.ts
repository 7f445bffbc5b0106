import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every answer. The console and the portal are built by Vite into
 * files served from this origin: no inline script exists, so none is allowed (no 'unsafe-inline',
 * no hashes needed). Styles allow 'unsafe-inline' because antd writes its CSS-in-JS into <style>
 * elements at run time; a style cannot run code. Downloads use blob: URLs, icons data: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year, as browsers' preload lists expect; sent only on HTTPS (directly or through a trusted proxy). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * `req.protocol` is 'https' when the socket is TLS, or when a proxy named in TRUST_PROXY says
 * `X-Forwarded-Proto: https`; an untrusted client's header is ignored by Fastify.
 */
export const isHttps = (req: FastifyRequest) => req.protocol === 'https';

/** Security headers on every response: API, console, portal, static files and errors alike. */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY'); // frame-ancestors for browsers without CSP level 2
    if (isHttps(req)) reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  });
}
