import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoCatalogue } from './demo/seed-demo.ts';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;
let fgc: Session, xj: Session;

const upload = (s: Session, bytes: Buffer, query = '') => {
  const boundary = '----mzCatalogueImportBoundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="基本目录.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/catalogue/catalogue-import${query}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
};
async function sheet(bytes: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  const ws = wb.getWorksheet(name)!;
  const header = (ws.getRow(1).values as any[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
  });
  return { header, rows };
}
async function workbook(header: string[], rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('基本目录');
  ws.addRow(header);
  for (const r of rows) ws.addRow(header.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDemoCatalogue(t.ctx);
  [fgc, xj] = await Promise.all(['nx-fgc', 'xj-mzj'].map((u) => t.login(u)));
}, 300_000);
afterAll(async () => t?.close());

describe('基本目录 xlsx import: every row checked, a draft version or an error workbook', () => {
  it('makes a draft from a clean file, refuses a bad one whole naming row and column, and is the region’s only', async () => {
    const tpl = await fgc.get('/api/catalogue/catalogue-template.xlsx');
    expect(tpl.statusCode, tpl.body).toBe(200);
    const { header, rows } = await sheet(tpl.rawPayload, '基本目录');
    const published = (await fgc.get('/api/catalogue/versions')).json();
    expect(rows.length).toBe(published.find((v: any) => v.status === 'published').itemCount);

    const renamed = rows.map((r, i) => (i === 0 ? { ...r, 事项名称: `${r['事项名称']}（导入）`, 事项类型: '行政许可', 行使层级: '市级、县级' } : r));
    const ok = await upload(fgc, await workbook(header, renamed), '?title=2027年基本目录&effectiveOn=2027-01-01');
    expect(ok.statusCode, ok.body).toBe(201);
    const r = ok.json();
    expect(r).toMatchObject({ applied: true, rows: rows.length, rejectedRows: 0 });
    const draft = (await fgc.get(`/api/catalogue/versions/${r.versionId}`)).json();
    expect(draft).toMatchObject({ status: 'draft', title: '2027年基本目录', effectiveOn: '2027-01-01' });
    expect(draft.items).toHaveLength(rows.length);
    expect(draft.items.find((i: any) => i.baseCode === rows[0]!['基本编码'])).toMatchObject({
      name: `${rows[0]!['事项名称']}（导入）`,
      typeCode: '01',
      levels: ['3', '4'],
    });

    const versionsBefore = (await fgc.get('/api/catalogue/versions')).json().length;
    const main = rows.find((x) => x['事项层次'] === '主项')!;
    const bad = [
      { ...main }, // row 2: fine
      { ...main, 基本编码: '99999999999' }, // 3: 11 characters
      { ...main, 基本编码: '990000000101', 事项类型: '30' }, // 4: no such type
      { ...main, 基本编码: '990000000102', 事项层次: '子项', 上级编码: '' }, // 5: 子项 without parent
      { ...main, 基本编码: '990000000103', 设定依据: '' }, // 6: no legal basis
      { ...main }, // 7: duplicate of row 2
      { ...main, 基本编码: '990000000104', 事项层次: '业务办理项', 上级编码: '990000000199' }, // 8: parent not in the file
    ];
    const refused = await upload(fgc, await workbook(header, bad));
    expect(refused.statusCode, refused.body).toBe(200);
    const rep = refused.json();
    expect(rep).toMatchObject({ applied: false, versionId: null, rows: 7, rejectedRows: 6 });
    const msg = Object.fromEntries(rep.errors.map((x: any) => [x.row, x.message]));
    expect(Object.keys(msg).map(Number)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(msg[3]).toContain('「基本编码」基本编码应为12位');
    expect(msg[4]).toContain('「事项类型」');
    expect(msg[5]).toContain('「上级编码」子项必须填写上级编码');
    expect(msg[6]).toContain('「设定依据」');
    expect(msg[7]).toContain('与第 2 行重复');
    expect(msg[8]).toContain('「上级编码」990000000199 不在本文件中');
    expect((await fgc.get('/api/catalogue/versions')).json()).toHaveLength(versionsBefore); // nothing half-written

    const errs = await fgc.get(`/api/catalogue/catalogue-imports/${rep.batchId}/errors.xlsx`);
    expect(errs.statusCode).toBe(200);
    const e = await sheet(errs.rawPayload, '错误说明');
    expect(e.header[0]).toBe('行号');
    expect(e.header.at(-1)).toBe('错误说明');
    expect(e.rows.map((x) => x['行号'])).toEqual(['3', '4', '5', '6', '7', '8']);
    expect(e.rows[2]!['错误说明']).toContain('上级编码');

    // A county clerk holds catalogue.draft only in the county: neither the template, the import nor the errors.
    expect((await xj.get('/api/catalogue/catalogue-template.xlsx')).statusCode).toBe(403);
    expect((await upload(xj, await workbook(header, rows))).statusCode).toBe(403);
    expect((await xj.get(`/api/catalogue/catalogue-imports/${rep.batchId}/errors.xlsx`)).statusCode).toBe(403);
  });
});
