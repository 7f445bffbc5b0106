import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { csvCell, csvRows } from '../../../platform/csv.ts';
import { readSheet, SheetUnreadable, xlsxRows } from '../../../platform/sheet-rows.ts';
import { AppError } from '../../../platform/errors.ts';
import { issuesToFields } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { recordInScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { ImportInput, StationInput, type ImportResult } from '../contracts/http.ts';
import { insertStation, stationPlace } from './register-station.ts';
import { STATION_COLUMNS } from '../contracts/station-columns.ts';

/** Rows one import may hold; a longer file is refused before the rest of it is read. */
const MAX_ROWS = 5_000;

const FIELD_COLUMN: Record<string, string> = {
  name: '名称',
  kind: '类别',
  areaCode: '行政区划代码',
  township: '乡镇（街道）',
  community: '社区（村）',
  address: '地址',
  lng: '经度',
  lat: '纬度',
  areaM2: '面积（平方米）',
  staff: '工作人员',
  hours: '开放时间',
  services: '服务项目',
  brand: '服务品牌',
  establishedOn: '建成日期',
};
const KIND: Record<string, string> = { 城市: 'urban', 城市社区: 'urban', 农村: 'rural', 农村社区: 'rural', urban: 'urban', rural: 'rural' };
const num = (s: string | undefined) => (s && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);

/** The rows of an xlsx workbook's first sheet, as the CSV reader gives them (line = row number). */
/** A cell as the import reads it: dates as YYYY-MM-DD, formulas by their result. */
function stationCell(v: ExcelJS.CellValue): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? '' : String(typeof v === 'object' && 'result' in v ? v.result : v).trim();
}

/** Header and rows of the upload, read row by row and stopped past the limit (nothing more is parsed). */
async function readStations(input: { xlsxBase64?: string; csv?: string }) {
  if (!input.xlsxBase64) return readSheet(csvRows(input.csv!.replace(/^\uFEFF/, '')), MAX_ROWS);
  try {
    return await readSheet(xlsxRows(Buffer.from(input.xlsxBase64, 'base64'), stationCell), MAX_ROWS);
  } catch (e) {
    if (e instanceof SheetUnreadable) throw new AppError('COMMUNITY_IMPORT_FILE', 400, '文件不是有效的 xlsx 工作簿');
    throw e;
  }
}

async function errorWorkbook(rows: string[][]): Promise<string> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('错误行');
  ws.addRow([...STATION_COLUMNS, '错误说明']).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.getColumn(STATION_COLUMNS.length + 1).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/**
 * Imports a station registry (CSV or xlsx): every row is checked — the schema, a Ningxia county or
 * township code within the importer's scope, coordinates inside Ningxia and near the county — and
 * nothing is written unless every row is right (one transaction). Otherwise the problems come back
 * by line and column, with the bad rows as CSV and as an xlsx workbook to correct.
 */
export async function importStations(ctx: AppContext, actor: Actor, input: z.infer<typeof ImportInput>): Promise<z.infer<typeof ImportResult>> {
  requirePermission(actor, 'community.register');
  if (!input.csv && !input.xlsxBase64) throw new AppError('COMMUNITY_IMPORT_EMPTY', 400, '请上传服务站登记表（CSV 或 xlsx）', { field: 'csv' });
  const { header, records, overLimit } = await readStations(input);
  if (overLimit) throw new AppError('COMMUNITY_IMPORT_TOO_BIG', 400, `一次最多导入${MAX_ROWS}行，请分批导入。`);
  const missing = STATION_COLUMNS.filter((c) => c !== '服务品牌' && !header.includes(c));
  if (missing.length) throw new AppError('COMMUNITY_IMPORT_COLUMNS', 400, `导入文件缺少列：${missing.join('、')}。第一行应为：${STATION_COLUMNS.join('，')}。`);
  if (!records.length) throw new AppError('COMMUNITY_IMPORT_EMPTY', 400, '导入文件没有数据行。');
  const errors: Array<{ line: number; column: string; message: string }> = [];
  const good: Array<{ input: StationInput; place: Awaited<ReturnType<typeof stationPlace>> }> = [];
  for (const r of records) {
    const v = r.values;
    const err = (column: string, message: string) => errors.push({ line: r.line, column, message });
    const parsed = StationInput.safeParse({
      name: v['名称'],
      kind: KIND[(v['类别'] ?? '').trim()] ?? v['类别'],
      areaCode: (v['行政区划代码'] ?? '').trim(),
      township: v['乡镇（街道）'],
      community: v['社区（村）'],
      address: v['地址'],
      lng: num(v['经度']),
      lat: num(v['纬度']),
      areaM2: num(v['面积（平方米）']),
      staff: num(v['工作人员']),
      hours: v['开放时间'],
      services: (v['服务项目'] ?? '')
        .split(/[；;、]/)
        .map((s) => s.trim())
        .filter(Boolean),
      brand: v['服务品牌']?.trim() || null,
      establishedOn: (v['建成日期'] ?? '').trim(),
    });
    if (!parsed.success) {
      for (const f of issuesToFields(parsed.error.issues)) err(FIELD_COLUMN[f.field.split('.')[0]!] ?? f.field, f.message);
      continue;
    }
    try {
      const place = await stationPlace(ctx, parsed.data);
      if (!recordInScope(actor, 'community.register', { areaPath: place.office.area_path })) err('行政区划代码', `${place.office.name}不在本单位管辖范围内`);
      else good.push({ input: parsed.data, place });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      err(e.details?.field === 'lng' ? '经度' : '行政区划代码', e.userMessage);
    }
  }
  if (errors.length) {
    const bad = new Set(errors.map((e) => e.line));
    const rows = records
      .filter((r) => bad.has(r.line))
      .map((r) => [
        ...STATION_COLUMNS.map((c) => r.values[c] ?? ''),
        errors
          .filter((e) => e.line === r.line)
          .map((e) => `第${e.line}行「${e.column}」${e.message}`)
          .join('；'),
      ]);
    const errorsCsv = '\uFEFF' + [[...STATION_COLUMNS, '错误说明'].join(','), ...rows.map((l) => l.map(csvCell).join(','))].join('\r\n') + '\r\n';
    return { imported: 0, rows: records.length, errors, errorsCsv, errorsXlsxBase64: await errorWorkbook(rows) };
  }
  await withTx(ctx, async (tx) => {
    for (const g of good) await insertStation(tx, actor, g.input, g.place);
    await recordAudit(tx, { actor, action: 'community.import', entityType: 'community_station', areaPath: actor.areaPath, after: { rows: good.length } });
  });
  return { imported: good.length, rows: records.length, errors: [], errorsCsv: null, errorsXlsxBase64: null };
}
