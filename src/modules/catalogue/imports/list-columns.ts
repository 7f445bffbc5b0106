import type ExcelJS from 'exceljs';

/** The columns of an implementation-list (实施清单) workbook, in template order, with the notes sheet's text. */
export const LIST_COLUMNS = [
  { header: '实施编码', note: '31位：实施主体统一社会信用代码（18位）+行使层级（1位）+基本编码（12位）' },
  { header: '基本编码', note: '12位，须为现行基本目录中本级行使的事项' },
  { header: '事项名称', note: '与基本目录一致（四级四同）' },
  { header: '事项类型', note: '代码01–10、20，或名称（如“行政许可”“公共服务”），与基本目录一致' },
  { header: '设定依据', note: '与基本目录一致' },
  { header: '受理条件', note: '可空' },
  { header: '申请材料', note: '多项用顿号（、）或换行分隔；可空' },
  { header: '法定时限（日）', note: '整数；法律未规定的留空' },
  { header: '承诺时限（工作日）', note: '整数；承诺件必填，不得长于法定时限' },
  { header: '办件类型', note: '即办件 或 承诺件' },
  { header: '办理深度', note: '信息公开、在线预审、在线受理 或 全程网办' },
  { header: '跑动次数', note: '0–5；全程网办为0' },
  { header: '收费', note: '空为“不收费”' },
  { header: '窗口', note: '可空' },
  { header: '是否进驻大厅', note: '是 或 否' },
] as const;
export const LIST_HEADERS = LIST_COLUMNS.map((c) => c.header);
export type ListHeader = (typeof LIST_HEADERS)[number];
/** One office's list holds at most as many rows as the catalogue has items; this bounds a file. */
export const MAX_LIST_ROWS = 2000;

/** A cell as the text the user sees (numbers without grouping, formulas by their result). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}
