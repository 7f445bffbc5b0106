import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { badRequest } from '../../../platform/errors.ts';
import { readSheet, SheetUnreadable, xlsxRows } from '../../../platform/sheet-rows.ts';
import { cellText } from './list-columns.ts';

export type ImportRow = { rowNo: number; values: Record<string, string> };
export type RefusedRow = ImportRow & { errors: string[] };

/** The first worksheet as header + rows; 400 in Chinese when it is no xlsx, lacks columns, is empty or too long. */
export async function readImportFile(bytes: Buffer, headers: readonly string[], maxRows: number): Promise<{ header: string[]; rows: ImportRow[] }> {
  if (!(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) throw badRequest('IMPORT_FILE_INVALID', '「file」不是有效的 xlsx 文件', { field: 'file' });
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(xlsxRows(bytes, cellText), maxRows);
  } catch (e) {
    if (e instanceof SheetUnreadable) throw badRequest('IMPORT_FILE_INVALID', '「file」xlsx 文件无法读取', { field: 'file', reason: e.message });
    throw e;
  }
  if (sheet.overLimit) throw badRequest('IMPORT_TOO_MANY_ROWS', `「file」一次最多导入 ${maxRows} 行`, { field: 'file' });
  const missing = headers.filter((h) => !sheet.header.includes(h));
  if (missing.length) throw badRequest('IMPORT_COLUMNS_MISSING', `「file」缺少列：${missing.join('、')}（请使用导入模板）`, { field: 'file', missing });
  if (!sheet.records.length) throw badRequest('IMPORT_FILE_EMPTY', '「file」文件中没有数据行', { field: 'file' });
  return { header: sheet.header, rows: sheet.records.map((r) => ({ rowNo: r.line, values: r.values })) };
}

/** The error workbook: every refused row with its row number, its cells, and the reasons in Chinese (错误说明). */
export async function errorWorkbook(header: string[], bad: RefusedRow[]): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('错误说明');
  ws.columns = [
    { header: '行号', key: '#', width: 8 },
    ...header.map((h) => ({ header: h, key: h, width: Math.max(12, h.length * 2 + 4), style: { numFmt: '@' } })),
    { header: '错误说明', key: '!', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of bad) {
    const row = ws.addRow({ '#': r.rowNo, ...r.values, '!': r.errors.join('；') });
    row.getCell(header.length + 2).font = { color: { argb: 'FFC00000' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A template workbook: the data sheet with the columns (text cells) and rows, and a 填写说明 sheet. */
export async function templateWorkbook(
  sheetName: string,
  columns: ReadonlyArray<{ header: string; note: string }>,
  rows: Array<Record<string, string | number | null>>,
  rule: string,
): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.header, width: Math.max(12, c.header.length * 2 + 4), style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])));
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'h', width: 20 },
    { header: '说明', key: 'n', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow({ h: c.header, n: c.note });
  notes.addRow({});
  notes.addRow({ h: '导入规则', n: rule });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
