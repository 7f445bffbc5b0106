import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TestContext } from '../../../tests/helpers/test-context.ts';
import { problemHandler } from '../../platform/http/problem.ts';
import { testActor } from '../audit/testing/audit-fixtures.ts';
import type { Actor } from '../identity/actor.ts';
import '../identity/http/request-actor.ts';
import { registerCalendarRoutes } from './routes.ts';
import { openTestContext } from '../../../tests/helpers/test-context.ts';

let t: TestContext;
let app: FastifyInstance;
const actors: Record<string, Actor> = {
  clerk: testActor({ areaPath: '640000.640400.640423' }),
  admin: testActor({ areaPath: '640000', permissions: ['calendar.manage'] }),
};

beforeAll(async () => {
  t = await openTestContext();
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
  await app.register(swagger, { openapi: { info: { title: 't', version: '0' } }, transform: jsonSchemaTransform });
  await registerCalendarRoutes(app, t.ctx);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const get = (url: string, who = 'clerk') => app.inject({ method: 'GET', url, headers: { 'x-test-actor': who } });
const send = (method: 'PUT' | 'DELETE', body: object, who = 'admin') =>
  app.inject({ method, url: '/api/calendar/days', headers: { 'x-test-actor': who }, payload: body });

describe('OpenAPI', () => {
  it('documents the calendar routes', () => {
    const doc = (app as unknown as { swagger(): { paths: Record<string, object> } }).swagger();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/calendar/year', '/api/calendar/compute', '/api/calendar/days', '/api/calendar/versions']),
    );
  });
});

describe('GET /api/calendar/year', () => {
  it('gives every day of 2019 with its reason; 宁夏 rests only where the area lies in 宁夏', async () => {
    const r = await get('/api/calendar/year?year=2019&area=640423');
    expect(r.statusCode).toBe(200);
    const y = r.json();
    expect(y).toMatchObject({ year: 2019, areaCode: '640423', areaPath: '640000.640400.640423', nationalSource: 'chinese-days@1.5.7', warnings: [] });
    expect(y.days).toHaveLength(365);
    const day = (d: string) => y.days.find((x: { date: string }) => x.date === d);
    expect(day('2019-02-02')).toMatchObject({ workday: true, category: 'makeup_workday', reason: '周六，调休上班（春节）' });
    expect(day('2019-06-05')).toMatchObject({ workday: false, category: 'regional_holiday', reason: '宁夏开斋节' });
    expect(day('2019-06-05').decisions).toEqual([{ layer: 'regional', areaCode: '640000', kind: 'rest', name: '开斋节', source: '宁政办发〔2018〕137号' }]);
    expect(day('2019-10-01')).toMatchObject({ workday: false, category: 'holiday', reason: '法定节假日：国庆节' });
    // 365 − 104 weekend days − 17 weekday holidays + 6 调休 working weekend days = 250; 宁夏 −4.
    expect([y.workdays, y.restDays]).toEqual([246, 119]);
    const national = (await get('/api/calendar/year?year=2019')).json();
    expect([national.areaCode, national.workdays]).toEqual([null, 250]);
  });

  it('refuses anonymous callers, bad years and unknown areas', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/calendar/year?year=2019' })).statusCode).toBe(401);
    const bad = await get('/api/calendar/year?year=abc');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await get('/api/calendar/year?year=2019&area=649999');
    expect([unknown.statusCode, unknown.json().code, unknown.json().details.field]).toEqual([400, 'CALENDAR_AREA_UNKNOWN', 'area']);
  });
});

describe('GET /api/calendar/compute', () => {
  it('returns the due date and the explanation', async () => {
    const r = await get('/api/calendar/compute?from=2019-06-04&workdays=3&area=640423');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.dueDate).toBe('2019-06-12');
    expect(body.explanation).toMatchObject({ areaCode: '640423', countedDays: 3, skippedRestDays: 5, rule: { unit: 'workdays', n: 3 } });
    expect(body.explanation.text).toContain('适用地区：宁夏（640000）› 固原市（640400）› 隆德县（640423）');
    expect((await get('/api/calendar/compute?from=2019-06-04&workdays=3')).json().dueDate).toBe('2019-06-10');
    expect((await get('/api/calendar/compute?from=2019-09-21&days=10')).json().dueDate).toBe('2019-10-08');
    expect((await get('/api/calendar/compute?from=2019-09-21&days=10&rollForward=false')).json().dueDate).toBe('2019-10-01');
    expect((await get('/api/calendar/compute?from=2019-01-31&months=1')).json().dueDate).toBe('2019-02-28');
  });

  it.each([
    ['from=2019-02-30&workdays=3', 'from'],
    ['from=tomorrow&workdays=3', 'from'],
    ['from=2019-06-04&workdays=-1', 'workdays'],
    ['from=2019-06-04&workdays=1.5', 'workdays'],
    ['from=2019-06-04&workdays=3&days=3', 'workdays'],
    ['from=2019-06-04', 'workdays'],
  ])('400 for %s', async (q, field) => {
    const r = await get(`/api/calendar/compute?${q}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('VALIDATION_FAILED');
    expect(r.json().details.fields[0].field).toBe(field);
  });
});

describe('PUT / DELETE /api/calendar/days', () => {
  it('needs calendar.manage', async () => {
    const r = await send('PUT', { date: '2019-06-12', areaCode: '640000', kind: 'rest', name: '测试', reason: '测试' }, 'clerk');
    expect(r.statusCode).toBe(403);
  });

  it('sets a day, shows it in the next read (new version), and clears it', async () => {
    const put = await send('PUT', {
      date: '2019-06-12',
      areaCode: '640000',
      kind: 'rest',
      name: '临时',
      source: '宁政办发明电〔2019〕1号',
      reason: '自治区通知',
    });
    expect(put.statusCode).toBe(200);
    const v = put.json().version;
    expect(put.json()).toMatchObject({
      changed: true,
      changes: [{ date: '2019-06-12', areaCode: '640000', before: null, after: { kind: 'rest', name: '临时' } }],
    });
    const c = (await get('/api/calendar/compute?from=2019-06-04&workdays=3&area=640423')).json();
    expect([c.dueDate, c.explanation.calendarVersion]).toEqual(['2019-06-13', v]);
    const again = await send('PUT', { date: '2019-06-12', areaCode: '640000', kind: 'rest', name: '临时', source: '宁政办发明电〔2019〕1号', reason: '重复' });
    expect(again.json()).toEqual({ changed: false, version: v, changes: [] });
    expect((await get('/api/calendar/versions?limit=1')).statusCode).toBe(403);
    const versions = (await get('/api/calendar/versions?limit=1', 'admin')).json().items;
    expect(versions[0]).toMatchObject({ version: v, reason: '自治区通知' });
    const del = await send('DELETE', { date: '2019-06-12', areaCode: '640000', reason: '撤销' });
    expect([del.statusCode, del.json().version]).toEqual([200, v + 1]);
    expect((await get('/api/calendar/compute?from=2019-06-04&workdays=3&area=640423')).json().dueDate).toBe('2019-06-12');
    expect((await send('DELETE', { date: '2019-06-12', areaCode: '640000', reason: '撤销' })).statusCode).toBe(404);
  });

  it('validates the body with Chinese messages', async () => {
    const r = await send('PUT', { date: '2019-06-12', areaCode: null, kind: 'holiday', name: '', reason: '' });
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toMatch(/请求内容中/);
    const fields = r.json().details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'name', 'reason']));
    expect((await send('PUT', { date: '2019-06-12', kind: 'rest', name: 'x', reason: 'x' })).statusCode).toBe(400);
  });
});
