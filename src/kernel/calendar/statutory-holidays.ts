import { addDaysIso, yearOf } from './dates.ts';

/**
 * The holidays every citizen has by 《全国年节及纪念日放假办法》第二条, for a year whose State
 * Council notice (国务院办公厅关于某年部分节假日安排的通知) is not in the calendar yet. Only the
 * festival days themselves: no 调休 (moved rest days, make-up working days), which only the notice sets.
 *
 * 2024 revision (国务院令第 795 号, in force 2025-01-01): 元旦 1 日; 春节 4 日(农历除夕、正月初一至初三);
 * 清明节 1 日; 劳动节 2 日(5 月 1 日、2 日); 端午节 1 日; 中秋节 1 日; 国庆节 3 日(10 月 1 日至 3 日).
 * 2013 revision (2014–2024): 春节 3 日(正月初一至初三), 劳动节 1 日; the rest the same.
 */
export const STATUTORY_SOURCE = '《全国年节及纪念日放假办法》第二条';

/**
 * Gregorian dates of 正月初一, 端午 (五月初五), 中秋 (八月十五) and 清明 (the solar term), 2020–2050.
 * Computed with chinese-days' lunar tables and checked against the notices of 2020–2026 in the
 * calendar data (statutory-holidays.test.ts).
 */
const LUNAR: Readonly<Record<number, readonly [string, string, string, string]>> = {
  2020: ['01-25', '06-25', '10-01', '04-04'],
  2021: ['02-12', '06-14', '09-21', '04-04'],
  2022: ['02-01', '06-03', '09-10', '04-05'],
  2023: ['01-22', '06-22', '09-29', '04-05'],
  2024: ['02-10', '06-10', '09-17', '04-04'],
  2025: ['01-29', '05-31', '10-06', '04-04'],
  2026: ['02-17', '06-19', '09-25', '04-05'],
  2027: ['02-06', '06-09', '09-15', '04-05'],
  2028: ['01-26', '05-28', '10-03', '04-04'],
  2029: ['02-13', '06-16', '09-22', '04-04'],
  2030: ['02-03', '06-05', '09-12', '04-05'],
  2031: ['01-23', '06-24', '10-01', '04-05'],
  2032: ['02-11', '06-12', '09-19', '04-04'],
  2033: ['01-31', '06-01', '09-08', '04-04'],
  2034: ['02-19', '06-20', '09-27', '04-05'],
  2035: ['02-08', '06-10', '09-16', '04-05'],
  2036: ['01-28', '05-30', '10-04', '04-04'],
  2037: ['02-15', '06-18', '09-24', '04-04'],
  2038: ['02-04', '06-07', '09-13', '04-05'],
  2039: ['01-24', '05-27', '10-02', '04-05'],
  2040: ['02-12', '06-14', '09-20', '04-04'],
  2041: ['02-01', '06-03', '09-10', '04-04'],
  2042: ['01-22', '06-22', '09-28', '04-04'],
  2043: ['02-10', '06-11', '09-17', '04-05'],
  2044: ['01-30', '05-31', '10-05', '04-04'],
  2045: ['02-17', '06-19', '09-25', '04-04'],
  2046: ['02-06', '06-08', '09-15', '04-04'],
  2047: ['01-26', '05-29', '10-04', '04-05'],
  2048: ['02-14', '06-15', '09-22', '04-04'],
  2049: ['02-02', '06-04', '09-11', '04-04'],
  2050: ['01-23', '06-23', '09-30', '04-04'],
};

export const STATUTORY_YEARS = { from: 2020, to: 2050 } as const;

const cache = new Map<number, ReadonlyMap<string, string>>();

/**
 * date → festival name for the year's statutory holidays, or null for a year outside the table.
 * 正月初一 is never before 01-21, so 除夕 always lies in the same Gregorian year.
 */
export function statutoryHolidays(year: number): ReadonlyMap<string, string> | null {
  const hit = cache.get(year);
  if (hit) return hit;
  const l = LUNAR[year];
  if (!l) return null;
  const d = (md: string) => `${year}-${md}`;
  const m = new Map<string, string>();
  const since2025 = year >= 2025;
  m.set(d('01-01'), '元旦');
  const chunjie = d(l[0]);
  for (let i = since2025 ? -1 : 0; i <= 2; i++) m.set(addDaysIso(chunjie, i), '春节');
  m.set(d(l[3]), '清明节');
  m.set(d('05-01'), '劳动节');
  if (since2025) m.set(d('05-02'), '劳动节');
  m.set(d(l[1]), '端午节');
  m.set(d(l[2]), '中秋节');
  // 中秋 can fall on 10-01..10-03 (2020, 2031): the day is a holiday once; the name says both.
  for (const md of ['10-01', '10-02', '10-03']) m.set(d(md), m.get(d(md)) === '中秋节' ? '中秋节、国庆节' : '国庆节');
  cache.set(year, m);
  return m;
}

/** The festival a date is by statute (null if none or the year is outside the table). */
export function statutoryHoliday(date: string): string | null {
  return statutoryHolidays(yearOf(date))?.get(date) ?? null;
}
