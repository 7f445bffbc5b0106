import type ExcelJS from 'exceljs';
import { chinaDate } from '../../platform/china-time.ts';
import type { AppContext } from '../../platform/context.ts';
import { yuanNumber } from '../../platform/money.ts';
import type { Actor } from '../identity/index.ts';
import { dateLine } from './content.ts';

/**
 * Every statistical table the platform exports as xlsx has the layout of a 统计报表: a title row
 * (merged, bold), a row with 填报单位 and 填报日期, then the header row; figures are numbers with a
 * number format (rates as 0.0%, amounts as #,##0.00, dates as dates, times in Beijing time), never text.
 */
export type FiledBy = { unit: string; date: string };
export type SheetHead = FiledBy & { title: string };

/** A cell: text, a count, or a typed value written as a number with its format. */
export type StatCell =
  | string
  | number
  | null
  | undefined
  | { rate: number | null }
  | { date: string | null }
  | { month: string }
  | { time: string | Date | null }
  | { yuan: number };

export const rateCell = (rate: number | null): StatCell => ({ rate });
export const dateCell = (date: string | null): StatCell => ({ date });
/** A month (YYYY-MM, or its first day) shown as 2019年3月. */
export const monthCell = (month: string): StatCell => ({ month });
/** An instant shown in Beijing time. */
export const timeCell = (time: string | Date | null): StatCell => ({ time });
export const yuanCell = (cents: number): StatCell => ({ yuan: cents });

const HEAD_ROW = 3;
const OFFSET = 8 * 3_600_000;
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * 填报单位 and 填报日期 (today in China) of an export made by the actor: the actor's org unit, an
 * internal division named with its organ (宁夏回族自治区民政厅政策法规处).
 */
export async function filedBy(ctx: AppContext, actor: Actor): Promise<FiledBy> {
  const unit = await ctx.db
    .selectFrom('core.org_unit as u')
    .leftJoin('core.org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.name', 'u.kind', 'p.name as parent'])
    .where('u.id', '=', actor.orgUnitId)
    .executeTakeFirst();
  const name = !unit ? actor.displayName : unit.kind === 'division' && unit.parent ? `${unit.parent}${unit.name}` : unit.name;
  return { unit: name, date: chinaDate(ctx.clock.now()) };
}

/** 2019年度 for a calendar year, else 2019年1月1日至2019年6月30日. */
export function periodText(from: string, to: string): string {
  if (from.slice(0, 4) === to.slice(0, 4) && from.slice(5) === '01-01' && to.slice(5) === '12-31') return `${from.slice(0, 4)}年度`;
  return `${dateLine(from)}至${dateLine(to)}`;
}

function put(cell: ExcelJS.Cell, v: StatCell): void {
  if (v === null || v === undefined) return;
  if (typeof v !== 'object') {
    cell.value = v;
    return;
  }
  if ('rate' in v) {
    cell.value = v.rate ?? '—';
    if (v.rate !== null) cell.numFmt = '0.0%';
  } else if ('date' in v) {
    if (v.date) {
      cell.value = utcDate(v.date);
      cell.numFmt = 'yyyy-mm-dd';
    }
  } else if ('month' in v) {
    cell.value = utcDate(`${v.month.slice(0, 7)}-01`);
    cell.numFmt = 'yyyy"年"m"月"';
  } else if ('time' in v) {
    if (v.time) {
      cell.value = new Date(new Date(v.time).getTime() + OFFSET);
      cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
    }
  } else {
    cell.value = yuanNumber(v.yuan);
    cell.numFmt = '#,##0.00';
  }
}

export type StatSheet = {
  sheet: ExcelJS.Worksheet;
  /** Appends a data row below the header. */
  add(cells: StatCell[]): ExcelJS.Row;
};

/** A worksheet with the title, 填报单位/填报日期 and header rows; the header stays frozen. */
export function addStatSheet(wb: ExcelJS.Workbook, name: string, head: SheetHead, columns: Array<[header: string, width?: number]>): StatSheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEAD_ROW }] });
  const n = Math.max(columns.length, 2);
  columns.forEach(([, width], i) => (ws.getColumn(i + 1).width = width ?? 14));
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = head.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 30;
  const split = Math.max(1, Math.ceil(n / 2));
  if (split > 1) ws.mergeCells(2, 1, 2, split);
  ws.getCell(2, 1).value = `填报单位：${head.unit}`;
  if (n - split > 1) ws.mergeCells(2, split + 1, 2, n);
  const date = ws.getCell(2, split + 1);
  date.value = `填报日期：${dateLine(head.date)}`;
  date.alignment = { horizontal: 'right' };
  const header = ws.getRow(HEAD_ROW);
  header.values = columns.map(([h]) => h);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  return {
    sheet: ws,
    add(cells) {
      const row = ws.addRow([]);
      cells.forEach((v, i) => put(row.getCell(i + 1), v));
      return row;
    },
  };
}
