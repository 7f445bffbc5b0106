/**
 * Dashboard at scale (issue 16): N cases (default 2,000,000) of every registered case type over
 * every org unit of the Ningxia tree, registered over the last two years, 30% open; then the
 * region's dashboard (all types, by state, twelve months, cities) read from the rollup the
 * triggers keep, against the same dashboard counted case by case (GROUP BY over core.case) in the
 * same run. Prints p50/p95 of both and the ratio; goal: ≤ 100 ms and ≥ 10× faster.
 */
import { sql } from 'kysely';
import { dashboard } from '../src/kernel/report/dashboard.ts';
import { registeredWorkflows } from '../src/kernel/workflow/define-workflow.ts';
import { actorAt, fmt, openBenchDb, percentile, result, scaled } from './lib.ts';

const N = Number(process.env.BENCH_CASES ?? scaled(2_000_000, 2000));
const RUNS = Number(process.env.BENCH_RUNS ?? scaled(30, 5));
const { ctx, handle, close } = await openBenchDb();
const kinds = registeredWorkflows().map((d) => {
  const states = Object.entries(d.states);
  return { type: d.type, open: states.find(([, s]) => !s.terminal)![0], closed: (states.find(([, s]) => s.terminal) ?? states[0]!)[0] };
});
const t0 = performance.now();
// One statement per type: the rollup triggers aggregate each statement once.
const per = Math.ceil(N / kinds.length);
for (const k of kinds) {
  await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, terminal, created_at, updated_at)
    select gen_random_uuid(), ${k.type}, ${`BD-${k.type}-`} || g, '基准案件', case when g % 10 < 3 then ${k.open} else ${k.closed} end,
           o.area_code, o.area_path, o.id, g % 10 >= 3, now() - (g % 730) * interval '1 day', now()
    from generate_series(1, ${per}) g
    join (select row_number() over (order by id) - 1 as i, id, area_code, area_path from core.org_unit) o
      on o.i = g % (select count(*) from core.org_unit)`.execute(ctx.db);
}
await sql`analyze core.case`.execute(ctx.db);
await sql`analyze core.case_rollup`.execute(ctx.db);
const loadS = (performance.now() - t0) / 1000;
const rollupRows = (await sql<{ n: number }>`select count(*)::int as n from core.case_rollup`.execute(ctx.db)).rows[0]!.n;
const actor = await actorAt(
  ctx,
  '640000-mzt',
  registeredWorkflows().map((d) => d.readPermission),
);

async function time(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn(); // warm
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    xs.push(performance.now() - s);
  }
  return xs;
}
const fast = await dashboard(ctx, actor, {});
const slow = await dashboard(ctx, actor, { source: 'cases' });
if (JSON.stringify(fast.modules) !== JSON.stringify(slow.modules) || JSON.stringify(fast.areas) !== JSON.stringify(slow.areas))
  throw new Error('the rollup and the case-by-case count disagree');
const rollup = await time(() => dashboard(ctx, actor, {}), RUNS);
const naive = await time(() => dashboard(ctx, actor, { source: 'cases' }), Math.max(3, Math.round(RUNS / 5)));
const r50 = percentile(rollup, 50);
const n50 = percentile(naive, 50);
console.log(`db=${handle.kind} cases=${fast.totals.total} (${kinds.length} types) loaded in ${fmt(loadS)} s; rollup rows ${rollupRows}`);
console.log(`baseline GROUP BY over core.case: p50 ${fmt(n50, 1)} ms, p95 ${fmt(percentile(naive, 95), 1)} ms`);
console.log(`dashboard from rollup: p50 ${fmt(r50, 2)} ms, p95 ${fmt(percentile(rollup, 95), 2)} ms; ${fmt(n50 / r50, 1)}× faster`);
result({
  figure: `region dashboard (${handle.kind}, ${fast.totals.total} cases)`,
  value: r50,
  unit: 'ms',
  baseline: n50,
  baselineLabel: 'ms GROUP BY',
  ratio: n50 / r50,
  goal: '≤ 100 ms and ≥ 10× faster',
  met: r50 <= 100 && n50 / r50 >= 10,
});
await close();
