import { changeText } from './previous-year.ts';

/** One headline figure this year beside the same months of last year (同比). */
export type YearOnYear = { current: number; previous: number; change: number; changePercent: number | null; text: string };

/** The role view a dashboard opens with: the level of the reader's area (自治区、市、县、乡镇). */
export type DashboardView = 'region' | 'city' | 'county' | 'township';
export const viewOfLevel = (level: number): DashboardView => (['region', 'city', 'county'] as const)[level - 1] ?? 'township';

/**
 * The compared period: January to `through` of `year` against the same months of `year − 1`.
 * A past year is compared whole; the current year up to this month (同期), as the rollup counts by month.
 */
export function comparedPeriod(year: number | undefined, today: string) {
  const thisYear = Number(today.slice(0, 4));
  const y = year ?? thisYear;
  const through = y === thisYear ? Number(today.slice(5, 7)) : 12;
  const mm = (m: number) => String(m).padStart(2, '0');
  return {
    year: y,
    through,
    /** Inclusive month bounds ('YYYY-MM') of this year's and last year's period. */
    current: [`${y}-01`, `${y}-${mm(through)}`] as const,
    previous: [`${y - 1}-01`, `${y - 1}-${mm(through)}`] as const,
    label: through === 12 ? `${y} 年全年与 ${y - 1} 年全年比较` : `${y} 年 1–${through} 月与 ${y - 1} 年同期比较`,
  };
}

export function yearOnYear(current: number, previous: number): YearOnYear {
  const c = changeText(current, previous, '件');
  return { current, previous, change: c.change ?? current - previous, changePercent: c.changePercent, text: c.text };
}
