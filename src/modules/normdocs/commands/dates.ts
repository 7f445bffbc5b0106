/** ISO-date arithmetic in calendar days / years (UTC, no time of day). */
export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export function addYears(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + n, m - 1, day));
  // 2月29日 + n years on a non-leap year: the last day of February.
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}
/** 有效期至: the day before the anniversary of the effective date, `years` later. */
export const validityEnd = (effectiveOn: string, years: number) => addDays(addYears(effectiveOn, years), -1);
/** Calendar months later (or earlier, n < 0); the 31st falls back to the month's last day. */
export function addMonths(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(day, last));
  return t.toISOString().slice(0, 10);
}
