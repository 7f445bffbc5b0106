/**
 * 城乡社区 station figures at national scale: N stations (default 100,000; China has about 600,000
 * 城乡社区, Ningxia about 3,000) as cases over the 22 county 民政局 of the Ningxia tree; then the
 * staff statistics page's query (scope by the kernel's case read rule, counts by county and kind,
 * standing on a day) as the region and as a city. Prints p50/p95 and the ratio to a plain GROUP BY
 * of the same stations without scope, measured in the same run. Also the import's coordinate check
 * (point in the 22 county polygons) per row. Run with DATABASE_URL for PostgreSQL figures.
 * With --on-generated (or BENCH_ON_GENERATED=1): the stations are the generated 城乡社区 cases of the province with most
 * cases, their station rows written on top (removed at the end); the statistics as that province and its first city.
 */
import { sql } from 'kysely';
import { coordinateProblem } from '../src/modules/community/geo/ningxia-geo.ts';
import { stationStats } from '../src/modules/community/stations/station-stats.ts';
import { actorAt, busiestProvince, firstCity, fmt, openBench, percentile, unitOf, timeRuns } from './lib.ts';

let N = Number(process.env.BENCH_STATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const { ctx, handle, close, generated } = await openBench();
try {
  const province = generated ? await busiestProvince(ctx) : '640000';
  const t0 = performance.now();
  if (!generated)
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, data, created_at, updated_at)
  select gen_random_uuid(), 'community_station', 'SQZ-B-' || g, '基准服务站' || g, case when g % 50 = 0 then 'suspended' else 'in_service' end,
    r.area_code, r.area_path, r.id, '{}', now(), now()
  from generate_series(1, ${N}) g
  join (select row_number() over (order by code) - 1 as i, id, area_code, area_path from core.org_unit where kind = 'bureau' and length(area_code) = 6
        and area_code not like '%00') r on r.i = g % 22`.execute(ctx.db);
  // The county of a generated station is the third step of its path (a station registered at a city or the 厅 has none: left out).
  N = Number(
    (
      await sql`insert into community.station (case_id, name, kind, county_code, area_code, township, community, address, lng, lat, area_m2, staff, hours,
    services, established_on, created_at)
  select id, title, case when random() < 0.13 then 'urban' else 'rural' end, ${generated ? sql`split_part(area_path, '.', 3)` : sql`area_code`}, area_code,
    '某镇', '某村', '地址', 106.2, 37.5, 300, 5, '工作日', array['便民代办'], date '2012-01-01' + (random() * 2900)::int, now()
  from core.case where type = 'community_station'
    ${generated ? sql`and area_path like ${province + '.%.%'} limit ${N}` : sql``}`.execute(ctx.db)
    ).numAffectedRows,
  );
  await sql`analyze core.case`.execute(ctx.db);
  await sql`analyze community.station`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const region = await actorAt(ctx, generated ? await unitOf(ctx, province) : '640000-mzt', ['community.read']);
  const city = await actorAt(ctx, generated ? await unitOf(ctx, await firstCity(ctx, province)) : '640100-mzj', ['community.read']);

  const time = (fn: () => Promise<unknown>) => timeRuns(fn, RUNS, 3);
  const base = await time(() => sql`select county_code, kind, count(*) from community.station group by county_code, kind`.execute(ctx.db));
  const all = await time(() => stationStats(ctx, region, { asOf: '2019-12-31' }));
  const yc = await time(() => stationStats(ctx, city, { asOf: '2019-12-31' }));
  const total = (await stationStats(ctx, region, { asOf: '2030-01-01' })).totals.total;

  const P = 20_000;
  const pts = Array.from({ length: P }, (_, i) => [104.3 + ((i * 7919) % 3000) / 1000, 35.2 + ((i * 104729) % 4400) / 1000] as const);
  const c0 = performance.now();
  let outside = 0;
  for (const [lng, lat] of pts) if (coordinateProblem('640104', lng, lat) === 'outside_ningxia') outside++;
  const perRow = ((performance.now() - c0) / P) * 1000;

  const b50 = percentile(base, 50);
  console.log(
    `db=${handle.kind}${generated ? ` (generated, ${region.grants[0]!.orgUnitName})` : ''} stations=${N} (standing on 2030-01-01: ${total}) loaded in ${fmt(loadS)} s`,
  );
  console.log(`baseline GROUP BY without scope: p50 ${fmt(b50, 2)} ms, p95 ${fmt(percentile(base, 95), 2)} ms`);
  console.log(
    `stats as the region: p50 ${fmt(percentile(all, 50), 2)} ms, p95 ${fmt(percentile(all, 95), 2)} ms, ratio p50/baseline ${fmt(percentile(all, 50) / b50, 1)}`,
  );
  console.log(
    `stats as ${city.grants[0]!.orgUnitName}: p50 ${fmt(percentile(yc, 50), 2)} ms, p95 ${fmt(percentile(yc, 95), 2)} ms, ratio p50/baseline ${fmt(percentile(yc, 50) / b50, 1)}`,
  );
  console.log(`coordinate check (22 county polygons): ${fmt(perRow, 1)} µs per row; ${outside}/${P} grid points outside Ningxia`);
} finally {
  await close();
}
