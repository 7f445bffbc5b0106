import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';
import { figureWords } from './report-wording.ts';
import { computeFigures, type Figure, type FigureSection } from './compute-figures.ts';
import type { ReportArea } from './report-area.ts';

/** A figure's previous-year value beside this year's, with the change (同比). */
export type PreviousYear = {
  year: number;
  /** null: no data for the previous year (「无上年数据」), never shown as 0. */
  value: number | null;
  valueId: string | null;
  change: number | null;
  /** Percentage change; null when there is no previous value or it is 0 (or the unit is already %). */
  changePercent: number | null;
  /** 上年 40 件，同比增加 23 件、增长 57.5% · 与上年持平 · 无上年数据. */
  text: string;
};

export const NO_PREVIOUS = '无上年数据';
const show = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** The 同比 sentence for a value against the previous year's (both present). */
export function changeText(value: number, prev: number, unit: string): Pick<PreviousYear, 'change' | 'changePercent' | 'text'> {
  const change = round1(value - prev);
  const points = unit === '%';
  const changePercent = points || prev === 0 ? null : round1((change / prev) * 100);
  const u = points ? ' 个百分点' : unit;
  const head = `上年 ${figureWords(prev, unit)}，`;
  if (change === 0) return { change, changePercent, text: `${head}与上年持平` };
  const up = change > 0;
  const pct = changePercent === null ? '' : `、${up ? '增长' : '下降'} ${Math.abs(changePercent).toFixed(1)}%`;
  return { change, changePercent, text: `${head}同比${up ? '增加' : '减少'} ${show(Math.abs(change))}${u}${pct}` };
}

/**
 * A section has no data for a year when none of its figures counted a record and all are 0: then
 * the previous year says 「无上年数据」 rather than 0 (the system holds nothing for that year).
 */
const empty = (s: FigureSection) => s.metrics.every((m) => m.value === null || (m.value === 0 && m.recordCount === 0));

/**
 * Each figure's value for year − 1 beside this year's: the metric's own query run for the previous
 * year (stored in core.report_value like any value, so the previous number is traceable too).
 */
export async function withPreviousYear(
  ctx: AppContext,
  actor: Actor,
  q: { year: number; area: ReportArea; section?: string; refresh?: boolean },
  sections: FigureSection[],
): Promise<Array<FigureSection & { metrics: Array<Figure & { previous: PreviousYear | null }> }>> {
  const year = q.year - 1;
  const before = new Map((await computeFigures(ctx, actor, { ...q, year })).map((s) => [s.code, s]));
  return sections.map((s) => {
    const prevSection = before.get(s.code);
    const none = !prevSection || empty(prevSection);
    const prev = new Map(prevSection?.metrics.map((m) => [m.code, m]));
    return {
      ...s,
      metrics: s.metrics.map((m) => {
        if (m.value === null) return { ...m, previous: null };
        const p = prev.get(m.code);
        if (none || !p || p.value === null)
          return { ...m, previous: { year, value: null, valueId: null, change: null, changePercent: null, text: NO_PREVIOUS } };
        return { ...m, previous: { year, value: p.value, valueId: p.valueId, ...changeText(m.value, p.value, m.unit) } };
      }),
    };
  });
}
