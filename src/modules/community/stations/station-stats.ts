import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { STATION_TYPE } from '../contract.ts';
import { readableStations } from './list-stations.ts';

export const StationStatsQuery = z.object({ asOf: z.iso.date('「asOf」格式应为 YYYY-MM-DD').optional() });

/**
 * A station counts on a day when it was built by then and not yet 撤销 (closed after that day, or
 * never): the rule of the station figures here and in the annual report.
 */
export const standingOn = (day: string) =>
  sql`s.established_on <= ${day}::date and (c.closed_at is null or (c.closed_at at time zone 'Asia/Shanghai')::date > ${day}::date)`;

/** Counts by kind (城市/农村) and county, with the floor area, within the actor's scope. */
export async function stationStats(ctx: AppContext, actor: Actor, q: z.infer<typeof StationStatsQuery>) {
  const asOf = q.asOf ?? chinaDate(ctx.clock.now());
  const rows = (
    await sql<{ code: string; name: string; urban: number; rural: number; area_m2: number }>`
      select s.county_code as code, a.name, count(*) filter (where s.kind = 'urban')::int as urban,
        count(*) filter (where s.kind = 'rural')::int as rural, coalesce(sum(s.area_m2), 0)::int as area_m2
      from community.station s join core.case c on c.id = s.case_id join core.area a on a.code = s.county_code
      where c.type = ${STATION_TYPE} and c.id in (${readableStations(ctx, actor)}) and ${standingOn(asOf)}
      group by s.county_code, a.name order by s.county_code`.execute(ctx.db)
  ).rows;
  const byCounty = rows.map((r) => ({ code: r.code, name: r.name, urban: r.urban, rural: r.rural, total: r.urban + r.rural, areaM2: r.area_m2 }));
  const sum = (k: 'urban' | 'rural' | 'total' | 'areaM2') => byCounty.reduce((s, r) => s + r[k], 0);
  return { asOf, totals: { urban: sum('urban'), rural: sum('rural'), total: sum('total'), areaM2: sum('areaM2') }, byCounty };
}
