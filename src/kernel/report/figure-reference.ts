import type { UsedFigure } from './generate-report.ts';

const show = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/**
 * How a document cites a figure so a reader can trace it: the value, the metric code (its records
 * are at 年度报告 → the metric), the stored value's id (数据编号), the record count and the 口径.
 */
export function figureReference(f: UsedFigure): string {
  const value = f.value === null ? '—' : `${show(f.value)}${f.unit}`;
  return `${f.label}：${value}（指标 ${f.code}；数据编号 ${f.valueId ?? '—'}；来源记录 ${f.recordCount} 条；口径：${f.rule}）`;
}
