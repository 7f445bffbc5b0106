import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PUBLIC_CACHE_TTL_MS, registerPublicCache } from './public-cache.ts';

/** The public micro-cache on a bare Fastify app: what is reused, for how long, and what drops it. */
let app: FastifyInstance;
let calls: Record<string, number>;
let version: number;
/** /slow answers once this settles (the version it read when it began). */
let gate: Promise<void>;
let open: () => void;

beforeEach(async () => {
  calls = {};
  version = 1;
  gate = new Promise((r) => (open = r));
  app = Fastify();
  await app.register(rateLimit, { global: false });
  registerPublicCache(app);
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  app.get('/stations', { config: { publicCache: true, rateLimit: { max: 3, timeWindow: '1 minute' } } }, async (req) => {
    count('stations');
    return { version, q: (req.query as { q?: string }).q ?? null, filler: 'x'.repeat(2000) };
  });
  app.get('/small', { config: { publicCache: true } }, async (_req, reply) => {
    count('small');
    return reply.header('cache-control', 'public, max-age=600').send({ version });
  });
  app.get('/slow', { config: { publicCache: true } }, async () => {
    count('slow');
    const seen = version;
    await gate;
    return { version: seen };
  });
  app.get('/private', async () => {
    count('private');
    return { version };
  });
  app.post('/change', async (req, reply) => {
    if ((req.body as { ok?: boolean }).ok !== true) return reply.status(400).send({ error: 'bad' });
    version += 1;
    return { version };
  });
  await app.ready();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await app.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('public cache', () => {
  it('answers a repeated read from the cache, with the same body and headers', async () => {
    const first = await get('/small');
    version = 2; // a change the cache cannot know of (another process): hidden until the TTL ends
    const second = await get('/small');
    expect(calls.small).toBe(1);
    expect(second.json()).toEqual({ version: 1 });
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['cache-control']).toBe('public, max-age=600');
  });

  it('keeps each URL (query string included) apart, and never caches a route that did not ask', async () => {
    await get('/stations?q=a');
    await get('/stations?q=b');
    expect((await get('/stations?q=a')).json().q).toBe('a');
    expect(calls.stations).toBe(2);
    await get('/private');
    await get('/private');
    expect(calls.private).toBe(2);
  });

  it('reads again after the TTL', async () => {
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    await get('/small');
    version = 2;
    clock.mockReturnValue(now + PUBLIC_CACHE_TTL_MS - 1);
    expect((await get('/small')).json()).toEqual({ version: 1 });
    clock.mockReturnValue(now + PUBLIC_CACHE_TTL_MS);
    expect((await get('/small')).json()).toEqual({ version: 2 });
    expect(calls.small).toBe(2);
  });

  it('drops everything after a successful write on this process, not after a refused one', async () => {
    await get('/small');
    expect((await app.inject({ method: 'POST', url: '/change', payload: { ok: false } })).statusCode).toBe(400);
    expect((await get('/small')).json()).toEqual({ version: 1 });
    expect((await app.inject({ method: 'POST', url: '/change', payload: { ok: true } })).statusCode).toBe(200);
    expect((await get('/small')).json()).toEqual({ version: 2 });
    expect(calls.small).toBe(2);
  });

  it('sends a large cached answer gzipped to a client that accepts it, plain to one that does not', async () => {
    const plain = await get('/stations');
    const zipped = await get('/stations', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    const again = await get('/stations');
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.body).toBe(plain.body);
    expect(calls.stations).toBe(1);
  });

  it('tags each answer by its body and answers 304 to a revisit naming the tag, until a write changes the body', async () => {
    const first = await get('/small');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    // A revisit: from the cache, and on a fresh read after the TTL too (the tag is the body's).
    const cached = await get('/small', { 'if-none-match': etag });
    expect([cached.statusCode, cached.body, cached.headers.etag]).toEqual([304, '', etag]);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + PUBLIC_CACHE_TTL_MS);
    const fresh = await get('/small', { 'if-none-match': `W/"other", ${etag}` });
    expect([fresh.statusCode, fresh.body, fresh.headers['cache-control']]).toEqual([304, '', 'public, max-age=600']);
    expect(calls.small).toBe(2);
    // A write drops the entry; the new body has a new tag, so the old one gets the full answer.
    await app.inject({ method: 'POST', url: '/change', payload: { ok: true } });
    const changed = await get('/small', { 'if-none-match': etag });
    expect([changed.statusCode, changed.json()]).toEqual([200, { version: 2 }]);
    expect(changed.headers.etag).not.toBe(etag);
    expect((await get('/small', { 'if-none-match': changed.headers.etag as string })).statusCode).toBe(304);
    // Gzip or not, one body, one tag.
    const plain = await get('/stations');
    expect((await get('/stations', { 'accept-encoding': 'gzip' })).headers.etag).toBe(plain.headers.etag);
  });

  it('reads an expired URL once for the visitors asking at the same time, and keeps no read begun before a write', async () => {
    const many = Promise.all([get('/slow'), get('/slow'), get('/slow')]);
    await new Promise((r) => setTimeout(r, 20));
    open();
    expect((await many).map((r) => r.json())).toEqual([{ version: 1 }, { version: 1 }, { version: 1 }]);
    expect(calls.slow).toBe(1);
    // A write lands while a read of the old rows is under way: that answer is not kept.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + PUBLIC_CACHE_TTL_MS);
    gate = new Promise((r) => (open = r));
    const before = get('/slow');
    await new Promise((r) => setTimeout(r, 20));
    await app.inject({ method: 'POST', url: '/change', payload: { ok: true } });
    open();
    expect((await before).json()).toEqual({ version: 1 });
    expect((await get('/slow')).json()).toEqual({ version: 2 });
    expect(calls.slow).toBe(3);
  });

  it('still lets the rate limit count answers served from the cache', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await get('/stations')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect(calls.stations).toBe(1);
  });
});
