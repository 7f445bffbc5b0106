import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { makeUscc } from '../orgs-test-data.ts';
import { IMPORT_COLUMNS } from '../contract.ts';

let t: TestApp;
let pl: Session;
const row = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
const file = (rows: string[][]) => [IMPORT_COLUMNS.join(','), ...rows.map(row)].join('\n');
/** The rows as an xlsx workbook (base64), 成立登记日期 as a date cell as Excel keeps it. */
async function workbook(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记信息');
  ws.addRow([...IMPORT_COLUMNS]);
  for (const r of rows) ws.addRow(r.map((c, i) => (IMPORT_COLUMNS[i] === '成立登记日期' ? new Date(`${c}T00:00:00Z`) : c)));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const good = (name: string, seq: number, kind = '社会团体', code = '51') => [
  kind,
  name,
  makeUscc(code === '53' ? 'foundation' : code === '52' ? 'social_service' : 'social_group', '640221', seq),
  '平罗县文化旅游广电局',
  '平罗县城关镇鼓楼街1号',
  '王文华',
  '交流、培训',
  '30,000.00',
  '2012-05-04',
  '平罗社证字〔2012〕第3号',
  '否',
  '否',
];

beforeAll(async () => {
  t = await createTestApp();
  pl = await t.login('pl-mzj');
});
afterAll(async () => t?.close());

describe('导入已有登记信息', () => {
  it('checks every row and writes nothing while any is wrong, returning the bad rows with their problems', async () => {
    const bad = good('平罗县集邮协会', 61);
    bad[2] = bad[2]!.slice(0, 17) + (bad[2]![17] === '0' ? '1' : '0');
    const rows = [
      good('平罗县书法家协会', 60),
      bad,
      good('平罗书法研究会', 62),
      ['协会', '平罗县围棋协会', makeUscc('social_group', '640221', 63), '', '住所', '李', '围棋', 'abc', '2012-13-01', '', '', ''],
    ];
    const r = await pl.post('/api/orgs/import', { csv: file(rows) });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b.imported).toBe(0);
    const by = (line: number) => b.errors.filter((e: any) => e.line === line).map((e: any) => `${e.column}:${e.message}`);
    expect(by(2)).toEqual([]);
    expect(by(3).join()).toContain('统一社会信用代码:统一社会信用代码');
    expect(by(4).join()).toContain('近似');
    expect(by(5).join()).toMatch(/类型.*注册资金/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(b.errorsXlsxBase64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(IMPORT_COLUMNS.length + 1).value).toBe('错误说明');
    expect(ws.actualRowCount).toBe(4); // header + three bad rows
    expect(ws.getRow(2).getCell(3).value).toBe(bad[2]);
    expect(String(ws.getRow(2).getCell(IMPORT_COLUMNS.length + 1).value)).toContain('第3行「统一社会信用代码」');
    expect((await pl.get('/api/orgs')).json().total).toBe(0);
  });

  it('imports a clean xlsx workbook in one go, each with its 成立登记 history', async () => {
    const r = await pl.post('/api/orgs/import', {
      xlsxBase64: await workbook([
        good('平罗县书法家协会', 70),
        good('平罗县阳光养老服务中心', 71, '社会服务机构(民办非企业单位)', '52'),
        good('平罗县教育发展基金会', 72, '基金会', '53'),
      ]),
    });
    expect(r.json()).toMatchObject({ imported: 3, rows: 3, errors: [], errorsXlsxBase64: null });
    const list = (await pl.get('/api/orgs')).json();
    expect(list.total).toBe(3);
    const d = (await pl.get(`/api/orgs/${list.items[0].id}`)).json();
    expect(d).toMatchObject({ capitalCents: 3_000_000, registeredOn: '2012-05-04', authorityName: '平罗县民政局' });
    expect(d.history[0].act).toBe('成立登记');
    const dup = (await pl.post('/api/orgs/import', { csv: file([good('平罗县书法家协会', 73)]) })).json();
    expect(dup.errors[0]).toMatchObject({ line: 2, column: '名称' });
  });

  it('refuses a file without the columns, and another authority', async () => {
    const r = await pl.post('/api/orgs/import', { csv: '名称\n平罗县书法家协会' });
    expect(r.json()).toMatchObject({ status: 400, code: 'ORG_IMPORT_COLUMNS' });
    const junk = await pl.post('/api/orgs/import', { xlsxBase64: Buffer.from('not a workbook').toString('base64') });
    expect(junk.json()).toMatchObject({ status: 400, code: 'ORG_IMPORT_FILE' });
    const xq = await t.ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow();
    expect((await pl.post('/api/orgs/import', { csv: file([good('兴庆区书法家协会', 80)]), authorityOrgUnitId: xq.id })).statusCode).toBe(404);
  });

  it('gives registrars the template, which imports as it is once filled; others get 403', async () => {
    const r = await pl.get('/api/orgs/import-template.xlsx');
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...IMPORT_COLUMNS]);
    expect(wb.worksheets[1]!.name).toBe('填写说明');
    ws.addRow(good('平罗县集邮协会', 90));
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect((await pl.post('/api/orgs/import', { xlsxBase64: filled })).json()).toMatchObject({ imported: 1, errors: [] });
    expect((await (await t.login('xq-mzj-lead')).get('/api/orgs/import-template.xlsx')).statusCode).toBe(403);
  });
});
