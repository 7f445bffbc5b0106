import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { send } from '../platform/http/problem.ts';

/** WEB_DIST overrides where the built UI is read from (e.g. a private build for one e2e run while others rebuild web/dist). */
export const WEB_DIST = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Files under /assets/ carry a content hash in their name (Vite): a changed file is a new URL. */
const FINGERPRINTED = `${path.sep}assets${path.sep}`;

/**
 * Serves the built staff console at / and the public portal at /portal/. Unknown non-API
 * paths fall back to the right index.html so client-side routes survive a reload.
 * Delivery: the build's brotli/gzip twins (.br/.gz, see vite.config.ts) are sent when the
 * browser accepts them (with Vary: Accept-Encoding); fingerprinted files are cached for a year
 * without revalidation, everything else (the HTML that names them) is revalidated every time.
 */
export async function registerWeb(app: FastifyInstance, dist = WEB_DIST) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><p>前端尚未构建：请运行 <code>npm run build</code>。The web UI is not built: run <code>npm run build</code>.</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => reply.header('cache-control', file.includes(FINGERPRINTED) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.get('/*', async (req, reply) => {
    const url = req.url.split('?')[0]!;
    if (url.startsWith('/api/') || url.startsWith('/assets/')) return send(reply, 404, 'ROUTE_NOT_FOUND', `资源不存在：${url}`);
    const file = url.startsWith('/portal') ? 'portal/index.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(file);
  });
}
