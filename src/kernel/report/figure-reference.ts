import type { UsedFigure } from './generate-report.ts';

const show = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/**
 * How a document cites a figure so a reader can trace it: the value, the metric code (its records
 * are at 年度报告 → the metric), the stored value's id (数据编号), the record count, the 口径 and
 * the previous year's value with the change (同比; 「无上年数据」 where there is none).
 */
export function figureReference(f: UsedFigure): string {
  const value = f.value === null ? '—' : `${show(f.value)}${f.unit}`;
  const yoy = f.previous ? `；${f.previous.year}年：${f.previous.text}` : '';
  return `${f.label}：${value}（指标 ${f.code}；数据编号 ${f.valueId ?? '—'}；来源记录 ${f.recordCount} 条${yoy}；口径：${f.rule}）`;
}
