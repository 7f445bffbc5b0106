import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { dateProblem, INT_MAX, MAX_DATE, MIN_DATE, monthsBetween, textProblem, type TextKind } from './input-rules.ts';

/**
 * The shared zod pieces for per-field bounds; the request hook (input-guard.ts) already refuses
 * hostile characters, impossible dates and out-of-range integers everywhere, these add the bounds
 * a field needs and put the field's title in the message.
 */

/** A real calendar date 'YYYY-MM-DD' within min..max (default the platform's range, 1900–2099). */
export const isoDate = (title: string, range: { min?: string; max?: string } = {}) =>
  z.iso
    .date({ message: `「${title}」日期格式应为 YYYY-MM-DD 的真实日期（a real calendar date YYYY-MM-DD）` })
    .superRefine((s, c) => {
      const p = dateProblem(s, range.min ?? MIN_DATE, range.max ?? MAX_DATE);
      if (p) c.addIssue({ code: 'custom', message: `「${title}」${p}` });
    })
    .meta({ title });

/** Plain text: trimmed, min..max characters, no control characters (line breaks only when multi-line). */
export const plainText = (title: string, max: number, opts: { min?: number; kind?: TextKind } = {}) =>
  z
    .string({ message: `请填写「${title}」` })
    .trim()
    .min(opts.min ?? 1, `请填写「${title}」`)
    .max(max, `「${title}」不超过 ${max} 字`)
    .superRefine((s, c) => {
      const p = textProblem(s, opts.kind ?? 'multiline');
      if (p) c.addIssue({ code: 'custom', message: `「${title}」${p}` });
    })
    .meta({ title });

/** An integer a PostgreSQL integer column holds, within min..max. */
export const int32 = (title: string, min = -INT_MAX, max = INT_MAX) =>
  z
    .number({ message: `「${title}」应为整数` })
    .int(`「${title}」应为整数`)
    .min(min, `「${title}」不小于 ${min}`)
    .max(max, `「${title}」不大于 ${max}`)
    .meta({ title });

/** Statistics periods: from 1949-10-01, at most this many years long. */
export const STATS_MIN_DATE = '1949-10-01';
export const STATS_MAX_YEARS = 10;

/**
 * A statistics period [from, to] after defaults: from ≤ to and at most STATS_MAX_YEARS long
 * (compared as dates), so no loop over its months or days runs away. Throws the 400 otherwise.
 */
export function checkStatsPeriod(from: string, to: string, fields = { from: 'from', to: 'to' }): void {
  for (const [f, v] of [
    [fields.from, from],
    [fields.to, to],
  ] as const) {
    const p = dateProblem(v, STATS_MIN_DATE, MAX_DATE);
    if (p) throw badRequest('PERIOD_INVALID', `「${f}」${p}`, { field: f });
  }
  if (from > to)
    throw badRequest('PERIOD_INVALID', `「${fields.from}」开始日期不能晚于「${fields.to}」结束日期（from must not be after to）`, { field: fields.from });
  if (monthsBetween(from, to) >= STATS_MAX_YEARS * 12)
    throw badRequest('PERIOD_TOO_LONG', `「${fields.from}」统计区间不能超过 ${STATS_MAX_YEARS} 年（the period may span at most ${STATS_MAX_YEARS} years）`, {
      field: fields.from,
    });
}
