import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An anonymous read, the same for every caller: its answer is kept briefly (public-cache.ts). */
    publicCache?: boolean;
  }
}

/** How long an answer is reused at most, for changes made by another process or by a timer. */
export const PUBLIC_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 500;
const READS = new Set(['GET', 'HEAD']);

type Entry = { body: string; gzip: Buffer | null; etag: string; type: string; cacheControl: string | null; until: number };

/** A strong tag from the body itself, so every process gives the same answer the same tag. */
const tagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;
/** If-None-Match names the tag (a list, or `*`). */
const matches = (req: FastifyRequest, etag: string) => {
  const h = req.headers['if-none-match'];
  return !!h && (h === '*' || h.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));
};

/**
 * The portal's reference reads (stations, standards, the Q&A library…) are asked for by every
 * visitor and change a few times a day, yet each answer cost queries, row mapping and schema
 * serialization; under load they held the pool that signed-in staff wait on. A route that sets
 * `config: { publicCache: true }` has its 200 answer kept per URL for PUBLIC_CACHE_TTL_MS and sent
 * as is (gzip when the client accepts it) after the rate limit has counted the request. Each
 * answer carries an ETag from its body; a revisit naming it (If-None-Match) gets 304 and no body.
 * Any write that succeeds on this process drops every entry at once, so a change is visible on
 * the very next read here; another process sees it within the TTL. A read that began before
 * such a write is not kept (it may have read the old rows).
 * When an entry is missing or expired, one request per URL reads it again and the others that
 * arrive meanwhile wait for its answer rather than each running the same queries: otherwise
 * every expiry sent a burst of identical reads to the pool (one per visitor in flight).
 */
export function registerPublicCache(app: FastifyInstance) {
  const entries = new Map<string, Entry>();
  const hits = new WeakSet<FastifyRequest>();
  /** The read under way per URL, settled when its request ends (stored or not). */
  const reading = new Map<string, { done: Promise<void>; settle: () => void }>();
  /** The requests reading for the cache, with the generation they began in. */
  const readers = new WeakMap<FastifyRequest, number>();
  /** Moves with each write that drops the entries: a read begun before it is not kept. */
  let generation = 0;
  const fresh = (url: string) => {
    const hit = entries.get(url);
    return hit && Date.now() < hit.until ? hit : undefined;
  };

  app.addHook('preHandler', async (req, reply) => {
    if (!req.routeOptions.config.publicCache || !READS.has(req.method)) return;
    let hit = fresh(req.url);
    const under = hit ? undefined : reading.get(req.url);
    if (under) {
      await under.done;
      hit = fresh(req.url);
    }
    if (!hit) {
      if (req.method === 'GET' && !reading.has(req.url)) {
        let settle!: () => void;
        const done = new Promise<void>((r) => (settle = r));
        reading.set(req.url, { done, settle });
        readers.set(req, generation);
      }
      return;
    }
    hits.add(req);
    send(req, reply, hit);
    return reply;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (
      !req.routeOptions.config.publicCache ||
      hits.has(req) ||
      req.method !== 'GET' ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      readers.get(req) !== generation
    )
      return payload;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    const cacheControl = reply.getHeader('cache-control');
    if (payload.length >= 1024) reply.header('vary', 'accept-encoding');
    const etag = tagOf(payload);
    entries.set(req.url, {
      body: payload,
      gzip: payload.length >= 1024 ? gzipSync(payload) : null,
      etag,
      type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      cacheControl: typeof cacheControl === 'string' ? cacheControl : null,
      until: Date.now() + PUBLIC_CACHE_TTL_MS,
    });
    reply.header('etag', etag);
    if (!matches(req, etag)) return payload;
    reply.code(304);
    return '';
  });

  // Before the answer is sent: an aborted request never reaches onResponse, and its waiters
  // must not wait for ever.
  const release = async (req: FastifyRequest) => {
    if (!readers.has(req)) return;
    readers.delete(req);
    const r = reading.get(req.url);
    reading.delete(req.url);
    r?.settle();
  };
  app.addHook('onSend', async (req, _reply, payload) => {
    await release(req);
    return payload;
  });
  app.addHook('onRequestAbort', release);
  app.addHook('onResponse', async (req, reply) => {
    await release(req);
    if (READS.has(req.method) || reply.statusCode >= 400) return;
    generation += 1;
    entries.clear();
  });
}

function send(req: FastifyRequest, reply: FastifyReply, hit: Entry) {
  reply.type(hit.type).header('etag', hit.etag);
  if (hit.cacheControl) reply.header('cache-control', hit.cacheControl);
  if (hit.gzip) reply.header('vary', 'accept-encoding');
  if (matches(req, hit.etag)) return reply.code(304).send();
  if (!hit.gzip) return reply.send(hit.body);
  if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.send(hit.body);
  return reply.header('content-encoding', 'gzip').send(hit.gzip);
}
