import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import type { AppContext } from '../../platform/context.ts';
import { problemHandler } from '../../platform/http/problem.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../identity/actor.ts';
import '../identity/http/request-actor.ts';
import { ensureAuditChains } from './ensure-audit-chains.ts';
import { recordAudit } from './record-audit.ts';
import { registerAuditRoutes } from './routes.ts';
import { testActor } from './testing/audit-fixtures.ts';

let t: TestContext;
let ctx: AppContext;
let app: FastifyInstance;
const type = `route_thing_${Math.random().toString(36).slice(2, 8)}`;
const READ = ['audit.read'];
const actors: Record<string, Actor> = {
  clerk: testActor({ areaPath: '640000.640100.640104' }),
  yinchuan: testActor({ areaPath: '640000.640100', permissions: READ }),
  guyuan: testActor({ areaPath: '640000.640400', permissions: READ }),
  region: testActor({ areaPath: '640000', permissions: [...READ, 'audit.verify'] }),
  self: testActor({ areaPath: '640000.640400', scope: 'self', permissions: READ }),
};
actors.sameOrg = testActor({ areaPath: '640000.640100', scope: 'org', permissions: READ, orgUnitId: actors.clerk!.orgUnitId });
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestContext();
  ctx = t.ctx;
  await ensureAuditChains(ctx);
  const at = (iso: string) => ({ ...ctx, clock: { now: () => new Date(iso) } });
  ids.a1 = (await recordAudit(at('2026-03-01T02:00:00Z'), { actor: actors.clerk!, action: 'x.create', entityType: type, entityId: 'a', after: { v: 1 } })).id;
  ids.a2 = (
    await recordAudit(at('2026-03-02T02:00:00Z'), {
      actor: actors.clerk!,
      action: 'x.update',
      entityType: type,
      entityId: 'a',
      before: { v: 1 },
      after: { v: 2 },
      reason: '更正',
    })
  ).id;
  ids.a3 = (await recordAudit(at('2026-03-03T02:00:00Z'), { actor: actors.clerk!, action: 'x.update', entityType: type, entityId: 'b' })).id;
  ids.g1 = (
    await recordAudit(at('2026-03-04T02:00:00Z'), {
      actor: actors.self!,
      action: 'x.create',
      entityType: type,
      entityId: 'g',
      areaPath: '640000.640100.640104',
    })
  ).id;

  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  // Stands in for the identity plugin: the test names the signed-in actor in a header.
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-actor'];
    req.actor = typeof who === 'string' ? (actors[who] ?? null) : null;
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 't', version: '0' },
      // as in server/app.ts
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await registerAuditRoutes(app, ctx);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const get = (url: string, who?: string) => app.inject({ method: 'GET', url, headers: who ? { 'x-test-actor': who } : {} });
const list = async (who: string, q = '') => {
  const res = await get(`/api/audit/events?entityType=${type}${q}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<Record<string, unknown>>; total: number; totalCapped: boolean; page: number; pageSize: number };
};

describe('GET /api/audit/events', () => {
  it('needs a signed-in actor with audit.read', async () => {
    expect((await get(`/api/audit/events`)).statusCode).toBe(401);
    const res = await get(`/api/audit/events`, 'clerk');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("lists the events in the actor's area, newest first, in camelCase", async () => {
    const page = await list('yinchuan');
    expect(page.items.map((i) => i.id)).toEqual([ids.g1, ids.a3, ids.a2, ids.a1]);
    expect(page).toMatchObject({ total: 4, totalCapped: false, page: 1, pageSize: 20 });
    expect(page.items[1]).toEqual({
      id: ids.a3,
      chainId: expect.any(Number),
      seq: expect.any(Number),
      at: '2026-03-03T02:00:00.000Z',
      actorId: actors.clerk!.userId,
      actorName: `测试员(${actors.clerk!.username})`,
      orgUnitId: actors.clerk!.orgUnitId,
      areaCode: '640104',
      areaPath: '640000.640100.640104',
      action: 'x.update',
      entityType: type,
      entityId: 'b',
      reason: null,
      clientIp: '192.0.2.10',
    });
  });

  it('filters by scope: another city sees nothing, 本人 sees own actions, 本级 sees its unit', async () => {
    expect((await list('guyuan')).items).toEqual([]);
    expect((await list('self')).items.map((i) => i.id)).toEqual([ids.g1]);
    expect((await list('sameOrg')).items.map((i) => i.id)).toEqual([ids.a3, ids.a2, ids.a1]);
    expect((await list('region')).total).toBe(4);
  });

  it('filters by action, entity, actor and time, and pages', async () => {
    expect((await list('region', '&action=x.update')).items.map((i) => i.id)).toEqual([ids.a3, ids.a2]);
    expect((await list('region', '&entityId=a')).items.map((i) => i.id)).toEqual([ids.a2, ids.a1]);
    expect((await list('region', `&actorId=${actors.self!.userId}`)).items.map((i) => i.id)).toEqual([ids.g1]);
    expect((await list('region', '&from=2026-03-02T02:00:00Z&to=2026-03-04T02:00:00Z')).items.map((i) => i.id)).toEqual([ids.a3, ids.a2]);
    // date-only bounds are Beijing days; `to` includes its whole day
    expect((await list('region', '&from=2026-03-02&to=2026-03-03')).items.map((i) => i.id)).toEqual([ids.a3, ids.a2]);
    const p2 = await list('region', '&pageSize=3&page=2');
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.items.map((i) => i.id)).toEqual([ids.a1]);
  });

  it('answers 400 naming the field for bad query values', async () => {
    for (const q of ['&pageSize=101', '&page=0', '&actorId=nope', '&from=yesterday']) {
      const res = await get(`/api/audit/events?entityType=${type}${q}`, 'region');
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});

describe('GET /api/audit/events/:id', () => {
  it('shows values and hashes of an event in scope', async () => {
    const res = await get(`/api/audit/events/${ids.a2}`, 'yinchuan');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.a2,
      before: { v: 1 },
      after: { v: 2 },
      reason: '更正',
      prevId: ids.a1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('answers 404 out of scope and for unknown ids, 400 for a malformed id', async () => {
    expect((await get(`/api/audit/events/${ids.a2}`, 'guyuan')).statusCode).toBe(404);
    const missing = await get(`/api/audit/events/${uuidv7()}`, 'region');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'AUDIT_EVENT_NOT_FOUND', title: '审计事件不存在或无权查看' });
    expect((await get(`/api/audit/events/not-a-uuid`, 'region')).statusCode).toBe(400);
  });
});

describe('POST /api/audit/verify', () => {
  it('needs audit.verify and returns the verification result', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/audit/verify', headers: { 'x-test-actor': 'yinchuan' } })).statusCode).toBe(403);
    const res = await app.inject({ method: 'POST', url: '/api/audit/verify', headers: { 'x-test-actor': 'region' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, problems: [], chains: ctx.config.auditChains, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('OpenAPI', () => {
  it('documents the routes under the audit tag with Chinese summaries', () => {
    const doc = (app as unknown as { swagger(): { paths: Record<string, Record<string, { tags: string[]; summary: string }>> } }).swagger();
    expect(doc.paths['/api/audit/events']!.get!.tags).toEqual(['audit']);
    expect(doc.paths['/api/audit/events/{id}']!.get!.summary).toMatch(/审计事件/);
    expect(doc.paths['/api/audit/verify']!.post!.summary).toMatch(/校验/);
  });
});
