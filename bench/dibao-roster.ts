/**
 * Monthly 发放名册 for the whole region: N active households (default 150,000, two insured
 * members each) over every county and sample township of Ningxia, then generateRoster for every
 * county (set-based: lines, persons, totals, changes) and checkRoster for every county (set
 * queries). Baseline in the same run: a plain aggregate over the same rows
 * (county, count(*), sum(benefit_cents) … group by county) over the same households the roster
 * pays (active, paid from a month ≤ 2019-06, not in 渐退). Run with DATABASE_URL (PostgreSQL).
 * With --on-generated (or BENCH_ON_GENERATED=1): the households live in the counties and townships of the generated
 * database's province with most cases, the rosters are its counties' (households and rosters removed at the end).
 */
import { sql } from 'kysely';
import { generateRoster } from '../src/modules/dibao/money/generate-roster.ts';
import { checkRoster } from '../src/modules/dibao/money/check-roster.ts';
import { countiesInScope } from '../src/modules/dibao/money/common.ts';
import { actorAt, benchTablesLike, busiestProvince, fmt, openBench, result, unitOf } from './lib.ts';

const N = Number(process.env.BENCH_HOUSEHOLDS ?? 150_000);
const { ctx, handle, close, generated } = await openBench({
  demo: true,
  // BENCH_SLOW_MS=n prints every statement slower than n ms (to find where the time goes).
  log: process.env.BENCH_SLOW_MS
    ? (e) => {
        if (e.queryDurationMillis > Number(process.env.BENCH_SLOW_MS))
          console.error(`${e.queryDurationMillis.toFixed(0)} ms: ${e.query.sql.slice(0, 90).replace(/\s+/g, ' ')}`);
      }
    : undefined,
});
try {
  const province = generated ? await busiestProvince(ctx) : '640000';
  const t0 = performance.now();
  await sql`insert into dibao.household (id, area_code, area_path, kind, address, status, benefit_cents, insured_persons, benefit_from, source)
  select gen_random_uuid(), a.code, a.path, case when g % 3 = 0 then 'urban' else 'rural' end, '基准地址 ' || g, 'active',
         20000 + (g % 50) * 1000, 2, date '2019-01-01', 'import'
  from generate_series(1, ${N}) g
  join (select code, path, row_number() over (order by code) - 1 as i, count(*) over () as n from core.area where level between 3 and 4 and path like ${province + '.%'}) a
    on a.i = g % a.n`.execute(ctx.db);
  await sql`insert into dibao.member (id, household_id, name, id_number_enc, id_number_masked, id_hash, relation, insured)
  select gen_random_uuid(), h.id, '成员' || r, 'x', '640***********' || r, md5(h.id::text || r), case r when 1 then '申请人' else '配偶' end, true
  from dibao.household h cross join generate_series(1, 2) r`.execute(ctx.db);
  await sql`analyze dibao.household`.execute(ctx.db);
  await sql`analyze dibao.member`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const actor = await actorAt(ctx, generated ? await unitOf(ctx, province) : '640000-mzt', ['dibao.read', 'dibao.roster']);
  const counties = await countiesInScope(ctx, actor, 'dibao.roster');

  const b0 = performance.now();
  const agg = (
    await sql<{
      county: string;
      n: number;
      total: number;
    }>`select split_part(area_path, '.', 3) as county, count(*)::int as n, sum(benefit_cents)::bigint as total
  from dibao.household where status = 'active' and benefit_from <= date '2019-06-01' and gradual_exit_until is null
  group by split_part(area_path, '.', 3)`.execute(ctx.db)
  ).rows;
  const baseS = (performance.now() - b0) / 1000;

  const g0 = performance.now();
  let households = 0,
    persons = 0,
    total = 0;
  for (const c of counties) {
    const r = await generateRoster(ctx, actor, { countyCode: c.code, month: '2019-06' });
    households += r.households;
    persons += r.persons;
    total += r.totalCents;
  }
  const genS = (performance.now() - g0) / 1000;
  const c0 = performance.now();
  let problems = 0;
  const rosters = await sql<{ id: string }>`select id from dibao.roster where month = '2019-06-01'`.execute(ctx.db);
  for (const r of rosters.rows) problems += (await checkRoster(ctx, actor, r.id)).problems;
  const checkS = (performance.now() - c0) / 1000;
  const aggTotal = agg.reduce((s, r) => s + Number(r.total), 0);
  console.log(
    `db=${handle.kind}${generated ? ` (generated, ${province})` : ''} households=${N} (members ${2 * N}) loaded in ${fmt(loadS)} s; ${counties.length} counties`,
  );
  console.log(
    `baseline aggregate (county, count, sum … group by): ${fmt(baseS * 1000, 0)} ms over ${agg.reduce((s, r) => s + r.n, 0)} households, total ${aggTotal}`,
  );
  console.log(
    `generate rosters for the whole region: ${fmt(genS, 2)} s — ${households} lines, ${persons} persons, total ${total} (${total === aggTotal ? 'equals' : 'DIFFERS from'} the baseline); ratio ${fmt(genS / baseS, 1)}×`,
  );
  // The issue's baseline: an INSERT … SELECT writing the same rows (every county's lines and
  // persons) into tables with the same columns, defaults, indexes and foreign keys (benchTablesLike).
  await benchTablesLike(ctx.db, 'dibao', ['roster_line', 'roster_person']);
  const w0 = performance.now();
  for (const t of ['roster_line', 'roster_person']) await sql.raw(`insert into public.bench_${t} select * from dibao.${t}`).execute(ctx.db);
  const writeS = (performance.now() - w0) / 1000;
  console.log(`baseline INSERT … SELECT of the same ${households} lines and ${persons} persons into the same indexed tables: ${fmt(writeS, 2)} s`);
  result({
    figure: `monthly roster, ${N} households (${handle.kind})`,
    value: genS,
    unit: 's',
    baseline: writeS,
    baselineLabel: 's INSERT … SELECT of the same rows (indexes, foreign keys)',
    ratio: genS / writeS,
    goal: '≤ 2 s and ≤ 3×',
    met: genS <= 2 && genS / writeS <= 3,
  });
  console.log(`check all rosters (5 set queries each): ${fmt(checkS, 2)} s, ${problems} problems; ratio ${fmt(checkS / baseS, 1)}×`);
} finally {
  await close();
}
