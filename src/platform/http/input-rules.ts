/**
 * The platform's rules for hostile input, shared by the request hook (input-guard.ts) and the
 * zod schema pieces (input-schemas.ts): what a text, a file name, a date and an integer may be.
 * Every message is Chinese first, English second.
 */

/** Control characters other than \t \n \r (those are allowed in multi-line text only). */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Every control character, line breaks included: for single-line values (query strings, paths, file names). */
export const CONTROL_ANY = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional embedding, override and isolate characters: they make 'exe.txt' display as 'txt.exe'. */
/** A UTF-16 surrogate without its pair (not a character; PostgreSQL refuses it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Dates the platform accepts anywhere (birth dates of the oldest residents included). */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2099-12-31';
/** The largest value of a PostgreSQL integer column. */
export const INT_MAX = 2_147_483_647;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time as clients send it: the date part is checked like a date. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** True for a real calendar date 'YYYY-MM-DD' (2019-02-30 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The problem with a date string, or null: not a real date, or outside min..max (compared as dates). */
export function dateProblem(s: string, min = MIN_DATE, max = MAX_DATE): string | null {
  if (!isCalendarDate(s)) return '不是有效日期，应为 YYYY-MM-DD 格式的真实日期（not a valid calendar date YYYY-MM-DD）';
  if (s < min || s > max) return `须在 ${min} 至 ${max} 之间（date must be between ${min} and ${max}）`;
  return null;
}

/** Months from one date to another (whole calendar months, 2019-01-31 → 2019-02-01 is 1). */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

export type TextKind = 'multiline' | 'line' | 'filename';

/** The problem with a text value, or null. */
export function textProblem(s: string, kind: TextKind = 'multiline'): string | null {
  if (LONE_SURROGATE.test(s)) return '含有无效的 Unicode 字符（lone surrogate）';
  if ((kind === 'multiline' ? CONTROL : CONTROL_ANY).test(s)) return '含有不可见的控制字符，请只填写文字（control characters are not allowed）';
  if (kind === 'filename' && BIDI.test(s)) return '文件名含有文字方向控制字符（bidirectional override characters are not allowed in file names）';
  return null;
}

/**
 * The problem with a string that looks like a date or date-time, or null for anything else:
 * PostgreSQL must never be the one to find that 2019-02-30 does not exist.
 */
export function dateLikeProblem(s: string): string | null {
  if (s.length < 10 || s.length > 40 || s.charCodeAt(4) !== 45 /* - */) return null;
  if (ISO_DATE.test(s)) return dateProblem(s);
  const m = ISO_DATE_TIME.exec(s);
  return m ? dateProblem(m[1]!) : null;
}

export const INT_PROBLEM = `超出允许的范围（整数须在 ±${INT_MAX} 之内 / integer out of range）`;
export const NUMBER_PROBLEM = '不是有效的数字（not a finite number）';
