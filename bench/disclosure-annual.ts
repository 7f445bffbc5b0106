/**
 * 政务公开 yearly report at scale: N requests (default 100,000) over the 28 offices of the Ningxia
 * tree across two years, every applicant kind and answer kind, plus N/2 proactive items; then the
 * 国办公开办函〔2021〕30号 tables for the region (scope, every cell with its record ids, the
 * 一+二=三+四 check) — annualTables(), what GET /api/disclosure/annual runs. The like-for-like
 * baseline is one plain scan of the same rows (the same joins, no scope, no bucketing) in the same
 * run; the ratio is tables / baseline. Run with DATABASE_URL for PostgreSQL.
 * With --on-generated (or BENCH_ON_GENERATED=1): the requests and items are the generated 政务公开 cases of the province
 * with most cases (up to N of each), their module rows written on top dated by the cases (removed at the end); the
 * tables are that province's for the last full year, the baseline scans the same rows.
 */
import { sql } from 'kysely';
import { annualTables } from '../src/modules/disclosure/report/annual-tables.ts';
import { ANSWER_KEYS, APPLICANT_KINDS, ITEM_TYPE, REQUEST_TYPE } from '../src/modules/disclosure/contracts/labels.ts';
import { actorAt, busiestProvince, fmt, openBench, percentile, unitOf, timeRuns } from './lib.ts';

let N = Number(process.env.BENCH_REQUESTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const { ctx, handle, close, generated } = await openBench();
try {
  const t0 = performance.now();
  let year = 2019;
  let area = { code: '640000', name: '宁夏回族自治区', path: '640000' };
  if (generated) {
    const p = await busiestProvince(ctx);
    area = (await sql<typeof area>`select code, name, path from core.area where code = ${p}`.execute(ctx.db)).rows[0]!;
    year = new Date().getFullYear() - 1;
    // Dated by the case: received when registered, answered 15 days later (the open ones not yet).
    const cases = (type: string) =>
      sql`(select id, created_at::date as d, terminal, row_number() over (order by id) as n from core.case
      where type = ${type} and (area_path = ${p} or area_path like ${p + '.%'}) order by id limit ${N})`;
    await sql`insert into disclosure.request (case_id, channel, applicant_kind, applicant_name, contact, content, form, received_on, year, answer_kind, answered_on, fee_yuan, created_at)
    select c.id, '网上申请', (${sql.val(APPLICANT_KINDS)}::text[])[1 + n % 6], '申请人', '电话', '内容', '电子数据', d, extract(year from d),
      case when terminal then (${sql.val(ANSWER_KEYS)}::text[])[1 + n % ${ANSWER_KEYS.length}] end, case when terminal then d + 15 end, 0, now()
    from ${cases(REQUEST_TYPE)} c`.execute(ctx.db);
    await sql`insert into disclosure.item (case_id, index_no, title, category, office, formed_on, published_on, summary, created_at)
    select c.id, 'B/' || n, '信息', 1 + n % 15, '机关', d, d + 4, '概述', now() from ${cases(ITEM_TYPE)} c`.execute(ctx.db);
    N = (await sql<{ n: number }>`select count(*)::int as n from disclosure.request`.execute(ctx.db)).rows[0]!.n;
  } else {
    const offices = sql`(select row_number() over (order by code) - 1 as i, id, area_code, area_path from core.org_unit where kind in ('department','bureau'))`;
    const nOffices = sql`(select count(*) from core.org_unit where kind in ('department','bureau'))`;
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, terminal, created_at, updated_at)
  select gen_random_uuid(), ${REQUEST_TYPE}, 'XXGK-B-' || g, '基准申请' || g, case when g % 10 = 0 then 'received' else 'answered' end,
         r.area_code, r.area_path, r.id, g % 10 <> 0, now(), now()
  from generate_series(1, ${N}) g join ${offices} r on r.i = g % ${nOffices}`.execute(ctx.db);
    await sql`insert into disclosure.request (case_id, channel, applicant_kind, applicant_name, contact, content, form, received_on, year, answer_kind, answered_on, fee_yuan, created_at)
  select c.id, '网上申请', (${sql.val(APPLICANT_KINDS)}::text[])[1 + n % 6], '申请人', '电话', '内容', '电子数据',
         date '2018-06-01' + (n % 700)::int, extract(year from date '2018-06-01' + (n % 700)::int),
         case when n % 10 <> 0 then (${sql.val(ANSWER_KEYS)}::text[])[1 + n % ${ANSWER_KEYS.length}] end,
         case when n % 10 <> 0 then date '2018-06-01' + (n % 700)::int + 15 end, 0, now()
  from (select id, row_number() over () as n from core.case where type = ${REQUEST_TYPE}) c`.execute(ctx.db);
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, terminal, created_at, updated_at)
  select gen_random_uuid(), ${ITEM_TYPE}, 'ZDGK-B-' || g, '基准信息' || g, 'published', r.area_code, r.area_path, r.id, false, now(), now()
  from generate_series(1, ${N / 2}) g join ${offices} r on r.i = g % ${nOffices}`.execute(ctx.db);
    await sql`insert into disclosure.item (case_id, index_no, title, category, office, formed_on, published_on, summary, created_at)
  select c.id, 'B/' || n, '信息', 1 + n % 15, '机关', date '2018-06-01' + (n % 700)::int, date '2018-06-05' + (n % 700)::int, '概述', now()
  from (select id, row_number() over () as n from core.case where type = ${ITEM_TYPE}) c`.execute(ctx.db);
  }
  for (const t of ['core.case', 'disclosure.request', 'disclosure.item']) await sql`analyze ${sql.table(t)}`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const items = (await sql<{ n: number }>`select count(*)::int as n from disclosure.item`.execute(ctx.db)).rows[0]!.n;
  const region = await actorAt(ctx, generated ? await unitOf(ctx, area.code) : '640000-mzt', ['disclosure.read']);

  const time = (fn: () => Promise<unknown>) => timeRuns(fn, RUNS, 1);
  const base = await time(() =>
    sql`select c.id, r.applicant_kind, r.received_on, r.answered_on, r.answer_kind from core.case c join disclosure.request r on r.case_id = c.id
      union all select c.id, i.category::text, i.published_on, i.withdrawn_on, i.validity from core.case c join disclosure.item i on i.case_id = c.id`.execute(
      ctx.db,
    ),
  );
  let check = '';
  const tables = await time(async () => {
    const t = await annualTables(ctx, region, area, year);
    check = t.crossCheck.text;
  });
  const b50 = percentile(base, 50);
  console.log(`db=${handle.kind}${generated ? ` (generated, ${area.name} ${year})` : ''} requests=${N} items=${items} loaded in ${fmt(loadS)} s`);
  console.log(`baseline plain scan of the same rows: p50 ${fmt(b50)} ms`);
  console.log(
    `30号 tables (scope, cells with ids, cross-check): p50 ${fmt(percentile(tables, 50))} ms, p95 ${fmt(percentile(tables, 95))} ms, ratio p50/baseline ${fmt(percentile(tables, 50) / b50, 1)}`,
  );
  console.log(check);
} finally {
  await close();
}
