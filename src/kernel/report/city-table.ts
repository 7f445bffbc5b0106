import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { computeFigures, type Figure } from './compute-figures.ts';
import { metricByCode } from './registry.ts';
import { reportArea, type ReportArea } from './report-area.ts';

export type CityRow = { area: { code: string; name: string }; figure: Figure };

/**
 * One metric broken down by 地级市 (level-2 areas), as this actor may read them: a row for each
 * city its report.read covers (a city user: its own row only; a county user: none), each value
 * computed and stored like any figure, so each cell links to its records
 * (GET /api/report/records?metric=&year=&area=<city>). The region's own figure is given where the
 * actor may read the region, with its aggregation note (a sum of the cities or not).
 */
export async function cityTable(ctx: AppContext, actor: Actor, q: { metric: string; year: number }) {
  await reportArea(ctx, actor, undefined); // 403 without report.read
  const { section, metric } = metricByCode(q.metric);
  const figureOf = async (area: ReportArea) =>
    (await computeFigures(ctx, actor, { year: q.year, area, section: section.code })).flatMap((s) => s.metrics).find((m) => m.code === metric.code)!;
  const readable = async (code: string): Promise<ReportArea | null> => {
    try {
      return await reportArea(ctx, actor, code);
    } catch (e) {
      if (e instanceof AppError && e.status === 403) return null;
      throw e;
    }
  };
  const cities = await ctx.db.selectFrom('core.area').select('code').where('level', '=', 2).orderBy('code').execute();
  const rows: CityRow[] = [];
  for (const c of cities) {
    const area = await readable(c.code);
    if (area) rows.push({ area: { code: area.code, name: area.name }, figure: await figureOf(area) });
  }
  const root = await ctx.db.selectFrom('core.area').select('code').where('level', '=', 1).orderBy('code').executeTakeFirst();
  const region = root ? await readable(root.code) : null;
  return {
    year: q.year,
    metric: { code: metric.code, label: metric.label, unit: metric.unit, rule: metric.rule, aggregation: metric.aggregation },
    rows,
    region: region ? { area: { code: region.code, name: region.name }, figure: await figureOf(region) } : null,
  };
}
