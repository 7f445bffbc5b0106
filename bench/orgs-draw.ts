/**
 * 双随机 spot-check draw at national scale: N organizations (default 900,000) registered by one
 * registrar, a 5% plan (the region's minimum ratio), a pool of 40 inspectors with 回避 conflicts.
 * Times the module's two steps as the console runs them — commit (freeze the population as rows numbered
 * in drawn order by SHA-256(seed:USCC), publish the SM3 commitment) and draw (algorithm v2: the list is the first k
 * positions; the teams with 回避 stored as a plan, reading only the drawn organizations someone must 回避) — against a plain
 * `order by random() limit k` over the same rows, which is neither reproducible nor verifiable; and the commit against
 * the like-for-like copy: a plain `insert … select` of the same USCCs into an index-less table (a fresh one per run, in
 * its own transaction, as the commit is). Runs alternate commit and baseline copy, so both meet the same load.
 * Prints medians and the ratios. Run with DATABASE_URL (PostgreSQL): the issue asks for < 1 s (draw).
 * With --on-generated (or BENCH_ON_GENERATED=1): the plans are drawn by the generated database's registration authority
 * with most organizations, from its generated organizations; plans, inspectors and the copies are removed at the end.
 */
import { sql } from 'kysely';
import { commitSpotCheck, runSpotCheckDraw } from '../src/modules/orgs/spot-check/spot-check-plan.ts';
import { actorAt, benchOfficers, busiestRegistrar, fmt, openBench, percentile } from './lib.ts';

let N = Number(process.env.BENCH_ORGS ?? 900_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RATIO = 0.05;
const { ctx, handle, close, generated } = await openBench();
try {
  const registrar = generated ? await busiestRegistrar(ctx) : null;
  const region = await actorAt(ctx, registrar?.code ?? '640000-mzt', ['orgs.read', 'orgs.register']);
  const t0 = performance.now();
  if (registrar) N = registrar.orgs;
  else
    await sql`insert into orgs.organization (id, kind, name, name_key, uscc, authority_org_unit_id, authority_area_code, authority_area_path,
    domicile, legal_representative, business_scope, capital_cents, registered_on)
  select gen_random_uuid(), 'social_group', '基准社会组织' || g || '协会', 'k' || g, '51640000MJ' || lpad(g::text, 7, '0') || '0',
         ${region.orgUnitId}, '640000', '640000', '住所', '法定代表人', '业务范围', 3000000, date '1995-01-01' + (g % 9000)::int
  from generate_series(1, ${N}) g`.execute(ctx.db);
  if (!registrar) await sql`analyze orgs.organization`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const sample = (
    await sql<{ uscc: string }>`select uscc from orgs.organization where authority_org_unit_id = ${region.orgUnitId} order by uscc limit 40`.execute(ctx.db)
  ).rows.map((r) => r.uscc);
  const inspectors = (await benchOfficers(ctx, region.orgUnitId, 40)).map((officerId, i) => ({ officerId, conflicts: i % 4 === 0 ? [sample[i]!] : [] }));

  const commitMs: number[] = [];
  const drawMs: number[] = [];
  const totalMs: number[] = [];
  const copyMs: number[] = [];
  let k = 0;
  for (let run = 0; run < RUNS; run++) {
    const c0 = performance.now();
    await ctx.db.transaction().execute(async (tx) => {
      await sql.raw(`create table public.bench_copy_${run} (uscc text not null)`).execute(tx);
      await sql`insert into ${sql.table(`public.bench_copy_${run}`)} (uscc) select uscc from orgs.organization
      where authority_org_unit_id = ${region.orgUnitId} and status = 'normal' and registered_on <= current_date`.execute(tx);
    });
    copyMs.push(performance.now() - c0);
    const a = performance.now();
    const c = await commitSpotCheck(ctx, region, { kind: 'plan', year: 2026, title: `基准抽查${run}`, ratio: RATIO, count: null, perTeam: 2, inspectors });
    const b = performance.now();
    const d = await runSpotCheckDraw(ctx, region, c.id);
    const e = performance.now();
    k = d.drawn;
    commitMs.push(b - a);
    drawMs.push(e - b);
    totalMs.push(e - a);
  }
  const baseMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const a = performance.now();
    await sql`select id, uscc from orgs.organization where authority_org_unit_id = ${region.orgUnitId} and status = 'normal' order by random() limit ${k}`.execute(
      ctx.db,
    );
    baseMs.push(performance.now() - a);
  }
  const med = (xs: number[]) => percentile(xs, 50);
  const all = (await sql<{ n: number }>`select count(*)::int as n from orgs.organization`.execute(ctx.db)).rows[0]!.n;
  console.log(
    `db=${handle.kind}${registrar ? ` (generated: ${all} organizations, the registrar ${registrar.code} holding the most)` : ''} organizations=${N} drawn=${k} (${RATIO * 100}%) inspectors=40 loaded in ${fmt(loadS)} s, ${RUNS} runs`,
  );
  console.log(`baseline order by random() limit ${k}: median ${fmt(med(baseMs), 0)} ms`);
  console.log(
    `baseline insert … select of the ${N} USCCs into an index-less table: median ${fmt(med(copyMs), 0)} ms; commit/copy ${fmt(med(commitMs) / med(copyMs), 2)} (runs: commit ${commitMs.map((x) => fmt(x, 0)).join(', ')}; copy ${copyMs.map((x) => fmt(x, 0)).join(', ')})`,
  );
  console.log(
    `spot check commit (population frozen, commitment) median ${fmt(med(commitMs), 0)} ms + draw (teams with 回避 stored as a plan) ${fmt(med(drawMs), 0)} ms = ${fmt(med(totalMs), 0)} ms; ratio total/baseline ${fmt(med(totalMs) / med(baseMs), 1)}, draw/baseline ${fmt(med(drawMs) / med(baseMs), 2)}`,
  );
} finally {
  await close();
}
