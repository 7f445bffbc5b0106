import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';

let t: TestApp;
let admin: Session;
let ld: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  ld = await t.login('ld-mzj');
});
afterAll(() => t?.close());

const codes = (nodes: Array<{ code: string; children: any[] }>): string[] => nodes.flatMap((n) => [n.code, ...codes(n.children)]);

describe('area tree and scope', () => {
  it('admin sees the whole region with 5 cities and 22 counties', async () => {
    const res = await admin.get('/api/areas/tree?maxLevel=3');
    expect(res.statusCode).toBe(200);
    const { roots } = res.json();
    expect(roots.map((r: any) => r.code)).toEqual(['640000']);
    expect(roots[0].children).toHaveLength(5);
    expect(roots[0].children.flatMap((c: any) => c.children)).toHaveLength(22);
  });

  it('a county clerk sees only the county subtree and gets 404 elsewhere', async () => {
    const { roots } = (await ld.get('/api/areas/tree')).json();
    expect(roots.map((r: any) => r.code)).toEqual(['640423']);
    expect(codes(roots).every((c) => c.startsWith('640423'))).toBe(true);
    expect(codes(roots)).toContain('640423100');
    expect((await ld.get('/api/areas/640104')).statusCode).toBe(404);
    expect((await ld.get('/api/areas/640423100')).json().parentName).toBe('隆德县');
  });

  it("org units are filtered by scope; another county's unit is 404", async () => {
    const mine = (await ld.get('/api/org-units?pageSize=200')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((o: any) => o.areaCode.startsWith('640423'))).toBe(true);
    const all = (await admin.get('/api/org-units?q=兴庆区民政局')).json();
    expect(all.items).toHaveLength(1);
    expect((await ld.get(`/api/org-units/${all.items[0].id}`)).statusCode).toBe(404);
  });
});

describe('area CSV import', () => {
  it('rejects a bad file whole, naming every bad line, and writes nothing', async () => {
    const csv = [
      'code,name,name_en,level,parent_code',
      '640423300,新区乡,,4,640423', // fine on its own
      '640105300,错挂乡,,4,640423', // wrong parent prefix
      '6404,短码,,3,640400',
      '640423301,,,4,640423',
    ].join('\n');
    const res = await admin.post('/api/areas/import', { csv });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.details.errors.map((e: any) => e.line)).toEqual([3, 4, 5]);
    expect(body.details.errors[0].message).toMatch(/应以 640423 开头/);
    expect((await admin.get('/api/areas/640423300')).statusCode).toBe(404);
  });

  it('imports, then re-importing the same file changes nothing', async () => {
    const csv = 'code,name,name_en,level,parent_code\n640423310,测试乡,Test Township,4,640423\n640423310001,测试社区,,5,640423310\n';
    const first = (await admin.post('/api/areas/import', { csv })).json();
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const again = (await admin.post('/api/areas/import', { csv })).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const area = (await admin.get('/api/areas/640423310001')).json();
    expect(area.path).toBe('640000.640400.640423.640423310.640423310001');
    const audit = (await admin.get('/api/audit/events?entityType=area&entityId=640423310')).json();
    expect(audit.items.map((e: any) => e.action)).toEqual(['area.create']);
  });

  it('a county clerk cannot import outside the county', async () => {
    const csv = 'code,name,name_en,level,parent_code\n640104320,越权乡,,4,640104\n';
    const res = await ld.post('/api/areas/import', { csv });
    // ld-mzj may or may not hold area.manage; either way nothing may be written outside its county.
    expect([403, 422]).toContain(res.statusCode);
    expect((await admin.get('/api/areas/640104320')).statusCode).toBe(404);
  });
});

describe('area and org-unit edits', () => {
  it('creates and renames an area with audit, rejects duplicates and bad parents', async () => {
    const created = await admin.post('/api/areas', { code: '640423330', name: '新设镇', parentCode: '640423' });
    expect(created.statusCode).toBe(201);
    expect(created.json().level).toBe(4);
    const dup = await admin.post('/api/areas', { code: '640423330', name: '重复', parentCode: '640423' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('AREA_CODE_TAKEN');
    const wrong = await admin.post('/api/areas', { code: '640105331', name: '错挂', parentCode: '640423' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().title).toMatch(/应以 640423 开头/);
    const renamed = await admin.patch('/api/areas/640423330', { name: '新设镇(更名)', reason: '区划调整' });
    expect(renamed.json().name).toBe('新设镇(更名)');
    const ev = (await admin.get('/api/audit/events?entityType=area&entityId=640423330')).json().items;
    expect(ev.map((e: any) => e.action)).toEqual(['area.update', 'area.create']);
  });

  it('validates org-unit input with a Chinese message naming the field', async () => {
    const res = await admin.post('/api/org-units', { code: 'x', name: '', kind: 'bureau', areaCode: '640423' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().title).toMatch(/「(code|name)」/);
  });

  it('creates an org unit and imports org units idempotently', async () => {
    const res = await admin.post('/api/org-units', { code: '640423-mzj-jzg', name: '隆德县民政局社会救助股', kind: 'division', areaCode: '640423' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ areaName: '隆德县', kindName: '内设处室' });
    const csv = 'code,name,name_en,kind,area_code,parent_code\n640423-mzj-ylg,隆德县民政局养老服务股,,division,640423,640423-mzj\n';
    expect((await admin.post('/api/org-units/import', { csv })).json()).toMatchObject({ inserted: 1 });
    expect((await admin.post('/api/org-units/import', { csv })).json()).toMatchObject({ inserted: 0, unchanged: 1 });
    const bad = await admin.post('/api/org-units/import', { csv: 'code,name,kind,area_code\nabc-1,某机构,nonsense,999999\n' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.errors.map((e: any) => e.field)).toEqual(['kind', 'area_code']);
  });
});
