/**
 * 'YYYY-MM-DD' date arithmetic on day numbers (days since 1970-01-01, UTC). No local-time
 * Date is ever made: a `new Date('2019-06-04')` read back with getDate() in UTC-8 is 06-03,
 * which would silently move every deadline by a day.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Years the calendar computes in; outside them a date is refused rather than guessed. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** True for a real calendar date in 'YYYY-MM-DD' form within MIN_YEAR..MAX_YEAR (2019-02-30 is not). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Day number of an ISO date; throws RangeError for anything isIsoDate refuses. */
export function toDayNumber(s: string): number {
  if (!isIsoDate(s)) throw new RangeError(`不是有效日期 / not a valid YYYY-MM-DD date: ${String(s)}`);
  const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDaysIso(s: string, n: number): string {
  return fromDayNumber(toDayNumber(s) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(s: string): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((toDayNumber(s) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(s: string): boolean {
  return isoWeekday(s) >= 6;
}

const WEEKDAY_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export function weekdayZh(s: string): string {
  return WEEKDAY_ZH[isoWeekday(s) - 1]!;
}

export function yearOf(s: string): number {
  return Number(s.slice(0, 4));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The corresponding day n months later; when the end month is shorter, its last day
 * (民法典 第202条: "没有对应日的，月末日为期间的最后一日"). 2019-01-31 + 1 → 2019-02-28.
 */
export function addMonthsIso(s: string, n: number): { date: string; clamped: boolean } {
  toDayNumber(s);
  const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (mo - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = daysInMonth(ty, tm);
  const day = Math.min(d, last);
  const date = `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(date)) throw new RangeError(`日期超出支持范围 / date out of range: ${date}`);
  return { date, clamped: day !== d };
}

/** addMonthsIso's date alone: 2019-01-31 + 1 month → 2019-02-28 (benefit and re-check months). */
export function addMonthsClampedIso(s: string, n: number): string {
  return addMonthsIso(s, n).date;
}

/** The first day of the date's month: 2019-06-04 → 2019-06-01. */
export function firstOfMonthIso(s: string): string {
  toDayNumber(s);
  return `${s.slice(0, 7)}-01`;
}

/** The first day of the following month: 2019-12-15 → 2020-01-01 (a benefit starts the month after approval). */
export function firstOfNextMonthIso(s: string): string {
  return addMonthsIso(firstOfMonthIso(s), 1).date;
}

/** Negative, zero or positive as a is before, on or after b (for sort and range checks on validated dates). */
export function compareIso(a: string, b: string): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/** Calendar days from a to b (negative when b is earlier): 2019-06-04 → 2019-06-06 is 2. */
export function daysBetweenIso(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Every date of a year, in order. */
export function datesOfYear(year: number): string[] {
  const start = toDayNumber(`${year}-01-01`);
  const end = toDayNumber(`${year}-12-31`);
  const out: string[] = [];
  for (let n = start; n <= end; n++) out.push(fromDayNumber(n));
  return out;
}
