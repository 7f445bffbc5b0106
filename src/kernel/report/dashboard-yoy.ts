import { changeText } from './previous-year.ts';

/** One headline figure this year beside the same months of last year (同比). */
export type YearOnYear = {
  current: number;
  previous: number;
  change: number;
  changePercent: number | null;
  text: string;
  /** Last year's period holds nothing (no registration): there is no base to compare with. */
  noBase: boolean;
};

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
    // The current year is never whole, even in December.
    label: y < thisYear ? `${y} 年全年与 ${y - 1} 年全年比较` : `${y} 年 1–${through} 月与 ${y - 1} 年同期比较`,
  };
}

/** Below this many cases last year a percentage says nothing (2 → 492 is +24,500%): the change is shown in cases only. */
export const YOY_MIN_BASE = 10;
/** Nor beyond ±1000%. */
export const YOY_MAX_PERCENT = 1000;
/** Said instead of a change when last year's period holds nothing (an empty base is no base: not 「增加 N 件」). */
export const YOY_NO_BASE = '上年同期无数据';
/**
 * The change against last year's period; over a base below YOY_MIN_BASE or beyond ±YOY_MAX_PERCENT, in cases only, the text saying why;
 * over an empty base, YOY_NO_BASE (the console shows these words, not an arrow). `base` is what last year's period
 * registered, when `previous` is a part of it (of which closed, of which open: 0 open last year is a figure, not an empty base).
 */
export function yearOnYear(current: number, previous: number, base = previous): YearOnYear {
  if (base === 0) return { current, previous, change: current - previous, changePercent: null, text: YOY_NO_BASE, noBase: true };
  const c = changeText(current, previous, '件');
  const change = c.change ?? current - previous;
  const why =
    change === 0 || c.changePercent === null
      ? null
      : previous < YOY_MIN_BASE
        ? `上年同期不足 ${YOY_MIN_BASE} 件`
        : Math.abs(c.changePercent) > YOY_MAX_PERCENT
          ? `增减超过 ${YOY_MAX_PERCENT}%`
          : null;
  if (!why) return { current, previous, change, changePercent: c.changePercent, text: c.text, noBase: false };
  const text = `上年 ${previous}件，同比${change > 0 ? '增加' : '减少'} ${Math.abs(change)}件（${why}，不列百分比）`;
  return { current, previous, change, changePercent: null, text, noBase: false };
}
