import { chinaDate } from '../../platform/china-time.ts';
import { dateLine } from '../documents/content.ts';

/**
 * A figure as a 公文 prints it: a percentage with one decimal (91.7%, 100.0%), a count as a whole
 * number, any other fraction with one decimal; the unit follows unless the text already gives it.
 */
export function figureWords(value: number, unit: string, withUnit = true): string {
  const n = unit === '%' || !Number.isInteger(value) ? value.toFixed(1) : String(value);
  return withUnit ? `${n}${unit}` : n;
}

/** An instant as Beijing time in words: 2026年12月7日10时05分. */
export function momentWords(at: string | Date): string {
  const d = new Date(at);
  const bj = new Date(d.getTime() + 8 * 3_600_000);
  const hh = String(bj.getUTCHours()).padStart(2, '0');
  const mm = String(bj.getUTCMinutes()).padStart(2, '0');
  return `${dateLine(chinaDate(d))}${hh}时${mm}分`;
}
