import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs.ts';

/** One row of an uploaded sheet: its 1-based row (xlsx) or line (csv) number and its cells as text. */
export type SheetRow = { line: number; cells: string[] };

/** The sheet is not a readable xlsx workbook. */
export class SheetUnreadable extends Error {}

/**
 * The rows of the first worksheet of an xlsx workbook, read as a stream: rows are parsed as the
 * file is unzipped and nothing of the workbook's model is kept, so a caller that stops after its
 * row limit never holds more than that many rows (the whole workbook is never loaded).
 */
export async function* xlsxRows(bytes: Buffer, cellText: (v: ExcelJS.CellValue) => string): AsyncGenerator<SheetRow> {
  // exceljs's reader never settles on an empty stream (e.g. base64 text with no base64 in it).
  if (bytes.length === 0) throw new SheetUnreadable('empty file');
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // date cells are told apart by their number format
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const ws of reader) {
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (c, col) => {
          cells[col - 1] = cellText(c.value);
        });
        yield { line: row.number, cells: Array.from(cells, (c) => c ?? '') };
      }
      return; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof SheetUnreadable) throw e;
    throw new SheetUnreadable(e instanceof Error ? e.message : String(e));
  }
}

/**
 * A column header as the importers match it: surrounding and doubled spaces (full-width ones too) dropped,
 * parentheses full-width with no space inside or before them — 「月保障金额 (元)」, 「月保障金额( 元 )」 and
 * 「月保障金额（元）」 are one column, so templates handed out before the headers became full-width still import.
 */
export function sheetHeader(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?[(（] ?/g, '（')
    .replace(/ ?[)）] ?/g, '）');
}

/**
 * Header and records of a sheet (xlsx rows or csv lines), stopping as soon as more than `limit`
 * non-empty records were read: `overLimit` then says so and the rest of the file is not parsed.
 * The header comes through sheetHeader, so records are keyed by the templates' full-width headers.
 */
export async function readSheet(
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>,
  limit: number,
): Promise<{ header: string[]; records: Array<{ line: number; values: Record<string, string> }>; overLimit: boolean }> {
  let header: string[] | null = null;
  const records: Array<{ line: number; values: Record<string, string> }> = [];
  /** One row in; true once the limit is passed. */
  const take = (r: SheetRow): boolean => {
    if (!header) {
      header = r.cells.map(sheetHeader);
      return false;
    }
    const values: Record<string, string> = {};
    for (let j = 0; j < header.length; j++) {
      const h = header[j]!;
      const v = (r.cells[j] ?? '').trim();
      // An own property even for a header named __proto__ (as Object.fromEntries made it).
      if (h === '__proto__') Object.defineProperty(values, h, { value: v, enumerable: true, writable: true, configurable: true });
      else values[h] = v;
    }
    let filled = false;
    for (const k in values) if (values[k] !== '') filled = true;
    if (!filled) return false;
    if (records.length >= limit) return true;
    records.push({ line: r.line, values });
    return false;
  };
  // A CSV's rows come synchronously: no await per row for them.
  if (Symbol.iterator in rows) {
    for (const r of rows) if (take(r)) return { header: header ?? [], records, overLimit: true };
  } else {
    for await (const r of rows) if (take(r)) return { header: header ?? [], records, overLimit: true };
  }
  return { header: header ?? [], records, overLimit: false };
}
