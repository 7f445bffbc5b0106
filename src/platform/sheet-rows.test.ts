import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvRows } from './csv.ts';
import { readSheet, sheetHeader, SheetUnreadable, xlsxRows, type SheetRow } from './sheet-rows.ts';

const text = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? '' : String(v));

async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['姓名', '身份证号', '起始月份']);
  for (let i = 1; i <= rows; i++) ws.addRow([`居民${i}`, `64010219800101${String(i % 10000).padStart(4, '0')}`, new Date(Date.UTC(2019, 2, 1))]);
  ws.getColumn(3).numFmt = 'yyyy-mm';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Counts the rows a reader actually pulled from the source. */
async function* counted<T>(source: AsyncIterable<T> | Iterable<T>, seen: { n: number }) {
  for await (const r of source) {
    seen.n++;
    yield r;
  }
}

describe('uploaded sheets are read row by row and stop at the limit', () => {
  it('reads an xlsx workbook: header, text cells, date cells as dates', async () => {
    const sheet = await readSheet(xlsxRows(await workbook(3), text), 10);
    expect(sheet.header).toEqual(['姓名', '身份证号', '起始月份']);
    expect(sheet.overLimit).toBe(false);
    expect(sheet.records).toHaveLength(3);
    expect(sheet.records[0]).toEqual({ line: 2, values: { 姓名: '居民1', 身份证号: '640102198001010001', 起始月份: '2019-03-01' } });
  });

  it('keeps every Chinese character whole where the unzipped stream splits it between chunks', async () => {
    // Distinct names of 3-byte characters: the shared strings run over many 16 KB chunks, so some
    // character is cut in two (exceljs decoded each chunk alone: scripts/patch-deps.mjs).
    const names = Array.from({ length: 3000 }, (_, i) => `民办非企业单位印章备案${'宁夏回族自治区民政厅'.slice(0, (i % 9) + 1)}${i}`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['名称']);
    for (const n of names) ws.addRow([n]);
    const sheet = await readSheet(xlsxRows(Buffer.from(await wb.xlsx.writeBuffer()), text), 5000);
    expect(sheet.records.map((r) => r.values['名称'])).toEqual(names);
  });

  it('stops pulling xlsx rows once the limit is passed', async () => {
    const seen = { n: 0 };
    const sheet = await readSheet(counted<SheetRow>(xlsxRows(await workbook(5000), text), seen), 100);
    expect(sheet.overLimit).toBe(true);
    expect(sheet.records).toHaveLength(100);
    expect(seen.n).toBe(102); // the header, 100 rows and the one that passed the limit: no more was parsed
  });

  it('stops pulling csv lines once the limit is passed', async () => {
    const csv = ['姓名,身份证号', ...Array.from({ length: 50_000 }, (_, i) => `居民${i},6401021980010${i}`)].join('\n');
    const seen = { n: 0 };
    const sheet = await readSheet(counted(csvRows(csv), seen), 10);
    expect(sheet).toMatchObject({ overLimit: true, header: ['姓名', '身份证号'] });
    expect(sheet.records).toHaveLength(10);
    expect(seen.n).toBe(12);
  });

  it('skips blank rows and refuses a file that is not a workbook', async () => {
    const sheet = await readSheet(csvRows('\uFEFFa,b\n\n1,2\n,\n3,4\n'), 10);
    expect(sheet.records.map((r) => r.values)).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    await expect(readSheet(xlsxRows(Buffer.from('PK\u0003\u0004 not really a zip'), text), 10)).rejects.toBeInstanceOf(SheetUnreadable);
  });

  it('refuses an empty file at once (the streaming reader would wait for ever: fuzzed 「xlsxBase64」 of no base64 text)', async () => {
    await expect(readSheet(xlsxRows(Buffer.from('ޣ', 'base64'), text), 10)).rejects.toBeInstanceOf(SheetUnreadable);
  });
});

describe('column headers', () => {
  it('match whatever the parentheses and spaces: an old half-width header reads as the full-width one', async () => {
    for (const h of ['月保障金额(元)', ' 月保障金额 (元) ', '月保障金额（ 元 ）', '月保障金额\u3000(元)', '月保障金额（元）'])
      expect(sheetHeader(h)).toBe('月保障金额（元）');
    expect(sheetHeader(' 户主  姓名 ')).toBe('户主 姓名');
    const sheet = await readSheet(csvRows('姓名,月保障金额(元)\n张三,300\n'), 10);
    expect(sheet.header).toEqual(['姓名', '月保障金额（元）']);
    expect(sheet.records[0]!.values).toEqual({ 姓名: '张三', '月保障金额（元）': '300' });
  });
});
