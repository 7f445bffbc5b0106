import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoCatalogue } from './demo/seed-demo.ts';
import { implCodeProblem } from './contracts/codes.ts';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;
let xj: Session, xjLead: Session, pl: Session;
let office: { id: string; uscc: string };

const ok = async (p: Promise<any>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};

function multipart(fileName: string, bytes: Buffer) {
  const boundary = '----mzListImportBoundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (s: Session, officeId: string, bytes: Buffer, fileName = '实施清单.xlsx') => {
  const m = multipart(fileName, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/catalogue/offices/${officeId}/list-import`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...m.headers },
    payload: m.body,
  });
};

/** The office's template as header + row objects. */
async function template(s: Session, officeId: string) {
  const r = await s.get(`/api/catalogue/offices/${officeId}/list-template.xlsx`);
  expect(r.statusCode, r.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as any);
  const ws = wb.getWorksheet('实施清单')!;
  const header = (ws.getRow(1).values as any[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
  });
  return { header, rows };
}
async function workbook(header: string[], rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('实施清单');
  ws.addRow(header);
  for (const r of rows) ws.addRow(header.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const listOf = async () => (await ok(xj.get(`/api/catalogue/offices/${office.id}/list`))).rows;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  await seedDemoCatalogue(t.ctx);
  [xj, xjLead, pl] = await Promise.all(['xj-mzj', 'xj-mzj-lead', 'pl-mzj'].map((u) => t.login(u)));
  office = (await ok(xj.get('/api/catalogue/offices'))).find((o: any) => o.areaCode === '640422');
}, 300_000);
afterAll(async () => t?.close());

describe('实施清单 xlsx import: every row checked, all or nothing, an error workbook', () => {
  it('the template holds the office’s list with valid 31-character codes', async () => {
    const { header, rows } = await template(xj, office.id);
    expect(header).toContain('实施编码');
    expect(rows.length).toBe((await listOf()).filter((r: any) => r.status === 'active').length);
    expect(rows.every((r) => implCodeProblem(r['实施编码']!) === null && r['实施编码']!.startsWith(office.uscc))).toBe(true);
  });

  it('refuses the whole file when any row is bad, naming each row and reason in Chinese', async () => {
    const { header, rows } = await template(xj, office.id);
    const before = await listOf();
    const [a, b, c, d, e, f, g, ...rest] = rows;
    const bad = [
      { ...a!, '承诺时限（工作日）': '3', 办理深度: '全程网办', 跑动次数: '0' }, // row 2: fine
      { ...b!, 实施编码: '12640000MB0000000X' + b!['实施编码']!.slice(18) }, // 3: another USCC (invalid check char too)
      { ...c!, 事项名称: c!['事项名称'] + '(县级)' }, // 4: 错项 name
      { ...d!, 事项类型: d!['事项类型'] === '01' ? '20' : '01' }, // 5: 错项 type
      { ...e!, '法定时限（日）': '5', '承诺时限（工作日）': '10', 办件类型: '承诺件' }, // 6: promise longer than the law
      { ...f!, 办理深度: '全程网办', 跑动次数: '2' }, // 7: fully online with visits
      { ...g!, 是否进驻大厅: '也许' }, // 8
      { ...a! }, // 9: duplicate of row 2
      { ...a!, 基本编码: '99999999999', 实施编码: a!['实施编码']!.slice(0, 19) + '99999999999' }, // 10: 11-character base code
      ...rest,
    ];
    const r = await ok(upload(xj, office.id, await workbook(header, bad)));
    expect(r).toMatchObject({ applied: false, added: 0, updated: 0, rejectedRows: 8 });
    const msg = Object.fromEntries(r.errors.map((x: any) => [x.row, x.message]));
    expect(Object.keys(msg).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(msg[3]).toContain('「实施编码」');
    expect(msg[4]).toContain('「事项名称」与基本目录不一致');
    expect(msg[5]).toContain('「事项类型」与基本目录不一致');
    expect(msg[6]).toContain('不能长于「法定时限」');
    expect(msg[7]).toContain('「跑动次数」应为0');
    expect(msg[8]).toContain('是否进驻大厅');
    expect(msg[9]).toContain('与第 2 行重复');
    expect(msg[10]).toContain('基本编码应为12位');
    // All or nothing: row 2 was valid, yet nothing changed.
    expect(await listOf()).toEqual(before);

    const res = await xj.get(`/api/catalogue/list-imports/${r.batchId}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('错误说明')!;
    expect(ws.rowCount).toBe(9);
    expect(ws.getRow(1).getCell(1).value).toBe('行号');
    expect(ws.getRow(2).getCell(1).value).toBe(3);
    expect(String(ws.getRow(3).getCell(header.length + 2).value)).toContain('事项名称');
    // Only the office's own list keepers see it.
    expect((await pl.get(`/api/catalogue/list-imports/${r.batchId}/errors.xlsx`)).statusCode).toBe(404);
    expect([403, 404]).toContain((await xjLead.get(`/api/catalogue/list-imports/${r.batchId}/errors.xlsx`)).statusCode);
  });

  it('applies a clean file whole: updates the rows it names and adds an item the list lacked', async () => {
    const { header, rows } = await template(xj, office.id);
    const versions = await ok(xj.get('/api/catalogue/versions'));
    const items = (await ok(xj.get(`/api/catalogue/versions/${versions[0].id}`))).items;
    const marriage = items.find((i: any) => i.name === '结婚登记');
    expect(rows.some((r) => r['基本编码'] === marriage.baseCode)).toBe(false); // dropped (revoked) at 西吉县: a 漏项
    const edited = rows.map((r, i) => (i === 0 ? { ...r, '承诺时限（工作日）': '2', 窗口: '综合受理1号窗口', 申请材料: '申请书、身份证明' } : r));
    const added = {
      实施编码: `${office.uscc}4${marriage.baseCode}`,
      基本编码: marriage.baseCode,
      事项名称: marriage.name,
      事项类型: '行政确认',
      设定依据: marriage.legalBasis,
      '法定时限（日）': '',
      '承诺时限（工作日）': '',
      办件类型: '即办件',
      办理深度: '在线预审',
      跑动次数: '1',
      收费: '',
      是否进驻大厅: '是',
    };
    expect(marriage.typeCode).toBe('07');
    const r = await ok(upload(xj, office.id, await workbook(header, [...edited, added])), 201);
    // Only the row that changed is written; the others came back as they were.
    expect(r).toMatchObject({ applied: true, rejectedRows: 0, added: 1, updated: 1 });
    const list = await listOf();
    expect(list.find((m: any) => m.baseCode === rows[0]!['基本编码'])).toMatchObject({
      promiseDays: 2,
      serviceWindow: '综合受理1号窗口',
      materials: ['申请书', '身份证明'],
    });
    expect(list.find((m: any) => m.baseCode === marriage.baseCode)).toMatchObject({ name: '结婚登记', caseKind: '即办件', status: 'active' });
    const diff = await ok(xj.get('/api/catalogue/diff?areaCode=640422'));
    expect(diff.missing.map((m: any) => m.name)).not.toContain('结婚登记');
  });

  it('takes back a row the office has yet to complete as it was, but refuses it once changed and still incomplete', async () => {
    const { rows: now } = await template(xj, office.id);
    const code = now[1]!['基本编码']!;
    // A row as 「按已发布目录生成」 leaves it: 承诺件 without its 承诺时限.
    await t.ctx.db
      .updateTable('catalogue.implementation' as any)
      .set({ case_kind: '承诺件', promise_days: null } as any)
      .where('office_id' as any, '=', office.id)
      .where('base_code' as any, '=', code)
      .execute();
    const { header, rows } = await template(xj, office.id);
    expect(rows.find((r) => r['基本编码'] === code)).toMatchObject({ 办件类型: '承诺件', '承诺时限（工作日）': '' });
    const same = await ok(upload(xj, office.id, await workbook(header, rows)), 201);
    expect(same).toMatchObject({ applied: true, rejectedRows: 0, added: 0, updated: 0 });
    const changed = rows.map((r) => (r['基本编码'] === code ? { ...r, 窗口: '综合受理2号窗口' } : r));
    const refused = await ok(upload(xj, office.id, await workbook(header, changed)));
    expect(refused).toMatchObject({ applied: false });
    const rowNo = changed.findIndex((r) => r['基本编码'] === code) + 2;
    expect(refused.errors.find((e: any) => e.row === rowNo)?.message).toContain('承诺件须填写「承诺时限（工作日）」');
  });

  it('answers 4xx in Chinese for files it cannot take, and 404 for another county’s office', async () => {
    const notXlsx = await upload(xj, office.id, Buffer.from('实施编码,基本编码\n1,2\n'), 'list.csv');
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.body).toContain('不是有效的 xlsx 文件');
    const fewColumns = await upload(xj, office.id, await workbook(['实施编码', '基本编码'], [{ 实施编码: 'x', 基本编码: 'y' }]));
    expect(fewColumns.statusCode).toBe(400);
    expect(fewColumns.body).toContain('缺少列');
    const broken = await upload(xj, office.id, Buffer.from('PK\u0003\u0004garbage'));
    expect(broken.statusCode).toBe(400);
    const plOffice = (await ok(pl.get('/api/catalogue/offices'))).find((o: any) => o.areaCode === '640221');
    const { header, rows } = await template(pl, plOffice.id);
    expect((await upload(xj, plOffice.id, await workbook(header, rows))).statusCode).toBe(404);
    expect((await xj.get(`/api/catalogue/offices/${plOffice.id}/list-template.xlsx`)).statusCode).toBe(404);
    expect([403, 404]).toContain((await upload(xjLead, office.id, await workbook(header, rows))).statusCode);
  });
});
