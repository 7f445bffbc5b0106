import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { computeFigures, type Figure } from './compute-figures.ts';
import { metricByCode } from './registry.ts';
import { reportArea, type ReportArea } from './report-area.ts';

export type CityRow = { area: { code: string; name: string }; parent: { code: string; name: string } | null; figure: Figure };

/**
 * One metric broken down by 地级市 (level 2, the default) or by 县（市、区） (level 3, the province-wide table of counties,
 * each row naming its city), as this actor may read them: a row for each area its report.read covers (a city user: its
 * own city, or its counties; a county user: no city, its own county), each value
 * computed and stored like any figure, so each cell links to its records
 * (GET /api/report/records?metric=&year=&area=<city>). The region's own figure is given where the
 * actor may read the region, with its aggregation note (a sum of the cities or not).
 */
export async function cityTable(ctx: AppContext, actor: Actor, q: { metric: string; year: number; level?: 2 | 3 }) {
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
  const areas = await ctx.db
    .selectFrom('core.area as a')
    .leftJoin('core.area as p', 'p.code', 'a.parent_code')
    .select(['a.code', 'p.code as parentCode', 'p.name as parentName'])
    .where('a.level', '=', q.level ?? 2)
    .orderBy('a.code')
    .execute();
  const rows: CityRow[] = [];
  for (const c of areas) {
    const area = await readable(c.code);
    const parent = q.level === 3 && c.parentCode ? { code: c.parentCode, name: c.parentName! } : null;
    if (area) rows.push({ area: { code: area.code, name: area.name }, parent, figure: await figureOf(area) });
  }
  const root = await ctx.db.selectFrom('core.area').select('code').where('level', '=', 1).orderBy('code').executeTakeFirst();
  const region = root ? await readable(root.code) : null;
  return {
    year: q.year,
    metric: { code: metric.code, label: metric.label, unit: metric.unit, rule: metric.rule, aggregation: metric.aggregation },
    rows,
    region: region ? { area: { code: region.code, name: region.name }, parent: null, figure: await figureOf(region) } : null,
  };
}
