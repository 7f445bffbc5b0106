/**
 * 行政执法 持证执法 check at scale: N officers (default 200,000: every certificate a province's
 * governments issue, many times over) on the Ningxia units; then the check every investigative act
 * makes — `certifiedOfficers` (two named officers: found, same unit, status and validity on the day)
 * — and the portal's lookup by certificate number, for random officers. Prints p50/p95 and the ratio
 * to a plain primary-key lookup of one officer measured in the same run.
 * Run: `node bench/enforcement-certification.ts` (PGlite) or with DATABASE_URL (PostgreSQL).
 * With --on-generated (or BENCH_ON_GENERATED=1): the officers are spread over the units of the generated database's
 * province with most cases (removed at the end).
 */
import { sql } from 'kysely';
import { certifiedOfficers } from '../src/modules/enforcement/officers/certified.ts';
import { publicOfficer } from '../src/modules/enforcement/officers/officer-queries.ts';
import { busiestProvince, fmt, openBench, percentile } from './lib.ts';

const N = Number(process.env.BENCH_OFFICERS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const { ctx, handle, close, generated } = await openBench();
try {
  const province = generated ? await busiestProvince(ctx) : null;
  // On the generated tree: the units of one province (every unit there, from the 厅 to the townships).
  const units = province
    ? sql`(select row_number() over (order by code) - 1 as i, id, area_path from core.org_unit where kind <> 'division' and (area_path = ${province} or area_path like ${province + '.%'}))`
    : sql`(select row_number() over (order by code) - 1 as i, id, area_path from core.org_unit)`;
  const t0 = performance.now();
  await sql`insert into enforcement.officer (id, name, cert_no, org_unit_id, area_path, valid_from, valid_to, status, training_hours, created_at)
  select gen_random_uuid(), '执法人员' || g, lpad(g::text, 11, '0'), r.id, r.area_path, date '2020-01-01', date '2030-12-31',
         case when g % 50 = 0 then 'suspended' else 'valid' end, 40, now()
  from generate_series(1, ${N}) g
  join ${units} r on r.i = g % (select count(*) from ${units} u)`.execute(ctx.db);
  await sql`analyze enforcement.officer`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const sample = (
    await sql<{
      id: string;
      cert_no: string;
      org_unit_id: string;
    }>`select id, cert_no, org_unit_id from enforcement.officer where status = 'valid' order by cert_no limit 400`.execute(ctx.db)
  ).rows;
  // Pairs of valid officers of the same unit (consecutive certificate numbers are spread over the units, so pair by unit).
  const pairs = (
    await sql<{ unit: string; ids: string[] }>`select org_unit_id as unit, (array_agg(id order by cert_no))[1:2] as ids from enforcement.officer
    where status = 'valid' group by org_unit_id having count(*) >= 2 order by min(cert_no) limit 400`.execute(ctx.db)
  ).rows;

  async function time(fn: (i: number) => Promise<unknown>): Promise<number[]> {
    for (let i = 0; i < 10; i++) await fn(i); // warm
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await fn(i * 7919);
      xs.push(performance.now() - s);
    }
    return xs;
  }
  const base = await time((i) => sql`select * from enforcement.officer where id = ${sample[i % sample.length]!.id}`.execute(ctx.db));
  const check = await time((i) => {
    const p = pairs[i % pairs.length]!;
    return certifiedOfficers(ctx, p.ids, p.unit, '2026-12-06');
  });
  const lookup = await time((i) => publicOfficer(ctx, sample[i % sample.length]!.cert_no));
  const b50 = percentile(base, 50);
  console.log(`db=${handle.kind}${province ? ` (generated, units of ${province})` : ''} officers=${N} loaded in ${fmt(loadS)} s`);
  console.log(`baseline primary-key lookup: p50 ${fmt(b50, 2)} ms, p95 ${fmt(percentile(base, 95), 2)} ms`);
  console.log(
    `持证执法 check (2 officers): p50 ${fmt(percentile(check, 50), 2)} ms, p95 ${fmt(percentile(check, 95), 2)} ms, ratio p50/baseline ${fmt(percentile(check, 50) / b50, 1)}`,
  );
  console.log(
    `portal lookup by certificate no.: p50 ${fmt(percentile(lookup, 50), 2)} ms, p95 ${fmt(percentile(lookup, 95), 2)} ms, ratio p50/baseline ${fmt(percentile(lookup, 50) / b50, 1)}`,
  );
} finally {
  await close();
}
