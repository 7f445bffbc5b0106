/**
 * China time (UTC+8, no daylight saving). Deadlines end with the Chinese calendar day and
 * reference numbers use the Chinese year, whatever time zone the server runs in.
 */
const OFFSET = 8 * 3_600_000;

/** The date in China of an instant, as 'YYYY-MM-DD'. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET).toISOString().slice(0, 10);
}

/** The calendar year in China of an instant. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + OFFSET).getUTCFullYear();
}

/** 00:00 China time of a date, as an instant. */
export function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
