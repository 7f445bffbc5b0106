import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from './web.ts';

/**
 * Delivery of the built UI: the build's .br/.gz twins by Accept-Encoding, a year's immutable
 * caching for fingerprinted /assets/ files, revalidation for the HTML. A dist directory laid out
 * as `vite build` writes it (vite.config.ts writes the twins; tests/web/bundle-budget.test.ts checks that).
 */
const JS = `export const x = ${JSON.stringify('民政'.repeat(2000))};\n`;
const HTML = `<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/staff-Ab12Cd34.js"></script>${' '.repeat(2000)}</body></html>`;

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mz-web-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, 'portal'));
  for (const [file, text] of [
    ['index.html', HTML],
    ['portal/index.html', HTML],
    ['assets/staff-Ab12Cd34.js', JS],
  ] as const) {
    writeFileSync(path.join(dir, file), text);
    writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(text));
    writeFileSync(path.join(dir, `${file}.gz`), gzipSync(text));
  }
  // A file without twins (too small to be worth compressing) is sent as it is.
  writeFileSync(path.join(dir, 'assets/tiny-Zz99Yy88.js'), 'export {};\n');
  app = Fastify();
  await registerWeb(app, dir);
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) => app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('web delivery', () => {
  it('sends brotli when accepted, else gzip, else the plain file, always varying on Accept-Encoding', async () => {
    const br = await get('/assets/staff-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    expect(br.rawPayload.length).toBeLessThan(JS.length / 5);

    const gz = await get('/assets/staff-Ab12Cd34.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(JS);

    const plain = await get('/assets/staff-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(JS);

    const tiny = await get('/assets/tiny-Zz99Yy88.js', 'br, gzip');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('export {};\n');
  });

  it('caches fingerprinted assets for a year without revalidation', async () => {
    for (const enc of ['br', 'gzip', undefined]) {
      const res = await get('/assets/staff-Ab12Cd34.js', enc);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await get('/assets/tiny-Zz99Yy88.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates every HTML page, compressed too: at /, a client-side route and the portal', async () => {
    for (const url of ['/', '/index.html', '/petitions/new', '/login', '/portal/', '/portal/petition']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(HTML);
    }
  });

  it('answers 404 for a missing asset instead of the HTML page', async () => {
    const res = await get('/assets/missing-00000000.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });

  it('sends only files of the build: a path out of it gets the console page, never the file', async () => {
    const outside = `${path.basename(dir)}-outside.txt`; // beside dist, in the temporary directory
    writeFileSync(path.join(dir, '..', outside), 'secret');
    for (const url of [`/../${outside}`, `/%2e%2e/${outside}`, `/..%2f${outside}`]) {
      const res = await get(url);
      expect(res.payload, url).not.toContain('secret');
    }
    rmSync(path.join(dir, '..', outside));
  });
});
