import { existsSync, readdirSync } from 'node:fs';
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
  // One route for the whole UI, not one per built file: @fastify/static's `wildcard: false` added a
  // GET and a HEAD route for each of its ~830 files (twins included), a third of a second at every
  // start (issue 18). The files are listed once; only a listed file is sent, so no path leaves dist.
  const files = new Set(
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
  );
  await app.register(fastifyStatic, {
    root: dist,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => reply.header('cache-control', file.includes(FINGERPRINTED) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.get('/*', async (req, reply) => {
    const url = req.url.split('?')[0]!;
    const file = builtFile(files, url);
    if (file) return reply.sendFile(file);
    if (url.startsWith('/api/') || url.startsWith('/assets/')) return send(reply, 404, 'ROUTE_NOT_FOUND', `资源不存在：${url}`);
    return reply.header('cache-control', 'no-cache').sendFile(url.startsWith('/portal') ? 'portal/index.html' : 'index.html');
  });
}

/** The built file a URL path names (a directory's index.html for a path ending in /), if there is one. */
function builtFile(files: ReadonlySet<string>, url: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(url).slice(1);
  } catch {
    return undefined;
  }
  if (name === '' || name.endsWith('/')) name += 'index.html';
  return files.has(name) ? name : undefined;
}
