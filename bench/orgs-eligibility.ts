/**
 * 社会组织 credit-consequence query at national scale: N organizations (default 900,000, the size of
 * the national registry) over the 28 registrars of the Ningxia tree, 5% of them with credit listings;
 * then GET /api/orgs/:id/eligibility's query (scope check, listings, rules) for random organizations,
 * as the region. Prints p50/p95 and the ratio to a plain primary-key lookup of one organization
 * measured in the same run. Run with DATABASE_URL (PostgreSQL): the issue asks for < 50 ms.
 * With --on-generated (or BENCH_ON_GENERATED=1): the generated database's organizations, as the 民政厅 of the province
 * with most cases, looking up that province's organizations; the listings (5% of them) are removed at the end.
 */
import { sql } from 'kysely';
import { orgEligibility } from '../src/modules/orgs/credit/credit-queries.ts';
import { actorAt, busiestProvince, fmt, openBench, percentile, unitOf } from './lib.ts';

let N = Number(process.env.BENCH_ORGS ?? 900_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const { ctx, handle, close, generated } = await openBench();
try {
  const province = generated ? await busiestProvince(ctx) : '640000';
  const inProvince = sql`(o.authority_area_path = ${province} or o.authority_area_path like ${province + '.%'})`;
  const t0 = performance.now();
  if (generated) N = (await sql<{ n: number }>`select count(*)::int as n from orgs.organization`.execute(ctx.db)).rows[0]!.n;
  else
    await sql`insert into orgs.organization (id, kind, name, name_key, uscc, authority_org_unit_id, authority_area_code, authority_area_path,
    domicile, legal_representative, business_scope, capital_cents, registered_on, rating, rating_from, rating_until)
  select gen_random_uuid(), (array['social_group','social_service','foundation'])[1 + g % 3], '基准社会组织' || g || '协会', 'k' || g,
         '5' || (1 + g % 3) || r.area_code || 'MJ' || lpad(g::text, 7, '0') || '0', r.id, r.area_code, r.area_path,
         '住所', '法定代表人', '业务范围', 3000000, date '1995-01-01' + (g % 9000)::int,
         case when g % 4 = 0 then (array['1A','2A','3A','4A','5A'])[1 + g % 5] end,
         case when g % 4 = 0 then date '2018-01-01' end, case when g % 4 = 0 then date '2030-12-31' end
  from generate_series(1, ${N}) g
  join (select row_number() over (order by code) - 1 as i, id, area_code, area_path from core.org_unit where kind in ('department','bureau')) r
    on r.i = g % (select count(*) from core.org_unit where kind in ('department','bureau'))`.execute(ctx.db);
  await sql`insert into orgs.credit_listing (id, organization_id, list, reason, obligation, listed_on, removed_on)
  select gen_random_uuid(), id, case when n % 3 = 0 then 'serious' else 'abnormal' end, case when n % 3 = 0 then 'major_fine' else 'annual_report' end,
         n % 3 <> 0, date '2019-01-01' + (n % 2000)::int, case when n % 5 = 0 then date '2026-01-01' end
  from (select id, row_number() over () as n from orgs.organization o tablesample system (5) where ${inProvince}) s`.execute(ctx.db);
  if (!generated) await sql`analyze orgs.organization`.execute(ctx.db);
  await sql`analyze orgs.credit_listing`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const listed = (await sql<{ n: number }>`select count(*)::int as n from orgs.credit_listing`.execute(ctx.db)).rows[0]!.n;
  const region = await actorAt(ctx, generated ? await unitOf(ctx, province) : '640000-mzt', ['orgs.read']);
  const ids = (
    await sql<{ id: string }>`(select id from orgs.organization o tablesample system (1) where ${inProvince} limit 200)
  union all (select organization_id from orgs.credit_listing limit 100)`.execute(ctx.db)
  ).rows.map((r) => r.id);

  async function time(fn: (id: string) => Promise<unknown>): Promise<number[]> {
    for (let i = 0; i < 10; i++) await fn(ids[i % ids.length]!); // warm
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const id = ids[(i * 7919) % ids.length]!;
      const s = performance.now();
      await fn(id);
      xs.push(performance.now() - s);
    }
    return xs;
  }
  const base = await time((id) =>
    ctx.db
      .selectFrom('orgs.organization' as any)
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  let barred = 0;
  const elig = await time(async (id) => {
    const e = await orgEligibility(ctx, region, id, { for: 'purchase', date: '2025-06-01' });
    if (!e.eligible) barred++;
  });
  const b50 = percentile(base, 50);
  console.log(
    `db=${handle.kind}${generated ? ` (generated, as ${region.grants[0]!.orgUnitName})` : ''} organizations=${N} listings=${listed} loaded in ${fmt(loadS)} s`,
  );
  console.log(`baseline primary-key lookup: p50 ${fmt(b50, 2)} ms, p95 ${fmt(percentile(base, 95), 2)} ms`);
  console.log(
    `eligibility (scope + listings + rules): p50 ${fmt(percentile(elig, 50), 2)} ms, p95 ${fmt(percentile(elig, 95), 2)} ms, ratio p50/baseline ${fmt(percentile(elig, 50) / b50, 1)}; barred answers ${barred}/${RUNS + 10}`,
  );
} finally {
  await close();
}
