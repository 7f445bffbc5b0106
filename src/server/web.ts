import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { send } from '../platform/http/problem.ts';

/** WEB_DIST overrides where the built UI is read from (e.g. a private build for one e2e run while others rebuild web/dist). */
export const WEB_DIST = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Serves the built staff console at / and the public portal at /portal/. Unknown non-API
 * paths fall back to the right index.html so client-side routes survive a reload.
 */
export async function registerWeb(app: FastifyInstance) {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><p>前端尚未构建:请运行 <code>npm run build</code>。The web UI is not built: run <code>npm run build</code>.</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'], maxAge: 0 });
  app.get('/*', async (req, reply) => {
    const url = req.url.split('?')[0]!;
    if (url.startsWith('/api/') || url.startsWith('/assets/')) return send(reply, 404, 'ROUTE_NOT_FOUND', `资源不存在:${url}`);
    const file = url.startsWith('/portal') ? 'portal/index.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(file);
  });
}
