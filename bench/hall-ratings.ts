/**
 * 好差评 statistics at provincial scale: N finished applications (default 300,000) with one rating
 * each over every county bureau of the Ningxia tree, 6% of them 差评 with a 差评整改 case. Then
 * GET /api/hall/ratings/stats's query (scope, five levels, average, 差评整改率, ratings left out on
 * appeal) by office for the region and for a city, against a plain aggregate of the same rows
 * (count and average by office over hall.rating alone, no scope, no joins) in the same run.
 * Run with DATABASE_URL (PostgreSQL) for the figure that matters; without it, PGlite.
 * With --on-generated (or BENCH_ON_GENERATED=1): the applications are up to N generated 政务服务 cases of the province
 * with most cases and the 差评整改 its generated complaints, application and rating rows written on top (removed at the
 * end); the statistics as that province and its first city.
 */
import { sql } from 'kysely';
import { ratingStats } from '../src/modules/hall/queries/rating-stats.ts';
import { actorAt, busiestProvince, firstCity, fmt, openBench, percentile, unitOf, timeRuns } from './lib.ts';

let N = Number(process.env.BENCH_RATINGS ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const { ctx, handle, close, generated } = await openBench();
try {
  const province = generated ? await busiestProvince(ctx) : '640000';
  const inProvince = sql`(area_path = ${province} or area_path like ${province + '.%'})`;
  const t0 = performance.now();
  let orgs = 0;
  if (!generated) {
    await sql`create temp table bench_org as
  select row_number() over (order by code) - 1 as i, id, area_code, area_path from core.org_unit where kind = 'bureau'`.execute(ctx.db);
    orgs = (await sql<{ n: number }>`select count(*)::int as n from bench_org`.execute(ctx.db)).rows[0]!.n;
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, data, terminal, created_at, updated_at, closed_at)
  select gen_random_uuid(), case when g % 16 = 0 then 'hall.complaint' else 'hall.application' end, 'B-' || g, '基准办件' || g,
         case when g % 16 = 0 then 'closed' else 'delivered' end, o.area_code, o.area_path, o.id, '{}', true, now(), now(), now()
  from generate_series(1, ${N + Math.ceil(N / 15)}) g join bench_org o on o.i = g % ${orgs}`.execute(ctx.db);
  }
  await sql`insert into hall.application (case_id, item_code, item_name, promise_workdays, depth, item_source, channel, applicant, phone, form, materials,
    service_window, visits, delivered_on, created_at)
  select id, '51201100100' || (n % 6), '事项' || (n % 6), 5, '全程网办', 'hall', case when n % 3 = 0 then '窗口' else '网上' end, '申请人', '13900000000',
    '{}', '[]', '综合窗口' || (n % 3), (n % 3 = 0)::int, date '2026-01-01' + (n % 300)::int, now()
  from (select id, row_number() over (order by id) as n from core.case where type = 'hall.application'
    ${generated ? sql`and ${inProvince} order by id limit ${N}` : sql``}) c`.execute(ctx.db);
  if (generated) {
    N = (await sql<{ n: number }>`select count(*)::int as n from hall.application`.execute(ctx.db)).rows[0]!.n;
    orgs = (await sql<{ n: number }>`select count(distinct org_unit_id)::int as n from core.case c join hall.application a on a.case_id = c.id`.execute(ctx.db))
      .rows[0]!.n;
  }
  await sql`insert into hall.rating (id, application_id, level, stars, negative, indicators, channel, rated_at, rated_on, item_code, org_unit_id, area_path,
    service_window, handler_name)
  select gen_random_uuid(), a.case_id, (array['非常满意','满意','基本满意','不满意','非常不满意'])[l], 6 - l, l >= 4, '{}', a.channel, now(),
    a.delivered_on, a.item_code, c.org_unit_id, c.area_path, a.service_window, '办理人' || (n % 40)
  from (select case_id, item_code, channel, service_window, delivered_on, row_number() over (order by case_id) as n from hall.application) a
  join core.case c on c.id = a.case_id
  cross join lateral (select case when a.n % 17 = 0 then 4 when a.n % 50 = 0 then 5 else 1 + (a.n % 3)::int end as l) x`.execute(ctx.db);
  await sql`with neg as (select id, row_number() over (order by id) as n from hall.rating where negative),
  k as (select id, row_number() over (order by id) as n from core.case where type = 'hall.complaint' ${generated ? sql`and ${inProvince}` : sql``})
  update hall.rating r set complaint_case_id = k.id from neg join k on k.n = neg.n where r.id = neg.id`.execute(ctx.db);
  for (const t of generated ? ['hall.application', 'hall.rating'] : ['core.case', 'hall.application', 'hall.rating'])
    await sql`analyze ${sql.table(t)}`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const neg = (await sql<{ n: number }>`select count(*)::int as n from hall.rating where negative`.execute(ctx.db)).rows[0]!.n;
  const region = await actorAt(ctx, generated ? await unitOf(ctx, province) : '640000-mzt', ['hall.read']);
  const city = await actorAt(ctx, generated ? await unitOf(ctx, await firstCity(ctx, province)) : '640100-mzj', ['hall.read']);

  const time = (fn: () => Promise<unknown>) => timeRuns(fn, RUNS, 3);
  const q = { by: 'office' as const, from: '2026-01-01', to: '2026-12-31' };
  const plain = await time(() =>
    sql`select org_unit_id, count(*), avg(stars) from hall.rating where rated_on between ${q.from} and ${q.to} group by org_unit_id`.execute(ctx.db),
  );
  const stats = await time(() => ratingStats(ctx, region, q));
  const cityStats = await time(() => ratingStats(ctx, city, q));
  const check = await ratingStats(ctx, region, q);
  const b = percentile(plain, 50);
  console.log(
    `db=${handle.kind}${generated ? ` (generated, ${region.grants[0]!.orgUnitName})` : ''} ratings=${N} (差评 ${neg}) over ${orgs} offices, loaded in ${fmt(loadS)} s; stats total ${check.total}, 差评整改率 ${check.rectifyRate}%`,
  );
  console.log(`baseline plain aggregate by office: p50 ${fmt(b, 1)} ms, p95 ${fmt(percentile(plain, 95), 1)} ms`);
  console.log(
    `rating stats, region: p50 ${fmt(percentile(stats, 50), 1)} ms, p95 ${fmt(percentile(stats, 95), 1)} ms, ratio p50/baseline ${fmt(percentile(stats, 50) / b, 1)}`,
  );
  console.log(
    `rating stats, city:   p50 ${fmt(percentile(cityStats, 50), 1)} ms, p95 ${fmt(percentile(cityStats, 95), 1)} ms, ratio p50/baseline ${fmt(percentile(cityStats, 50) / b, 1)}`,
  );
} finally {
  await close();
}
