import type { UsedFigure } from './generate-report.ts';
import { figureWords } from './report-wording.ts';

/**
 * How a document cites a figure so a reader can trace it: the value, the stored value's id (数据编号;
 * its records are at 年度报告 → the figure), the record count, the 口径 and the previous year's value
 * with the change (同比; 「无上年数据」 where there is none). No metric code: the text is Chinese.
 */
export function figureReference(f: UsedFigure): string {
  const value = f.value === null ? '—' : figureWords(f.value, f.unit);
  const yoy = f.previous ? `；${f.previous.year}年：${f.previous.text}` : '';
  return `${f.label}：${value}（数据编号 ${f.valueId ?? '—'}；来源记录 ${f.recordCount} 条${yoy}；口径：${f.rule}）`;
}
