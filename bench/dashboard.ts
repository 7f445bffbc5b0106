/**
 * Dashboard at scale (issue 16): N cases (default 2,000,000) of every registered case type over
 * every org unit of the Ningxia tree, registered over the last two years, 30% open; then the
 * region's dashboard (all types, by state, twelve months, cities) read from the rollups the
 * triggers keep, against the same dashboard counted case by case (GROUP BY over core.case) in the
 * same run. Prints p50/p95 of both and the ratio; goal: ≤ 100 ms and ≥ 10× faster.
 *
 * With --on-generated (or BENCH_ON_GENERATED=1) it opens the database DATABASE_URL names, filled by bench/generate.ts, and
 * times the dashboard of a province (--province, default the one with most cases) instead of loading its own rows.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { dashboard } from '../src/kernel/report/dashboard.ts';
import { CASE_ROLLUP_LOGS, foldCaseRollups } from '../src/kernel/report/case-tree-fold.ts';
import { registeredWorkflows } from '../src/kernel/workflow/define-workflow.ts';
import { actorAt, busiestProvince, fmt, onGenerated, openBench, percentile, result, scaled, unitOf, timeRuns } from './lib.ts';

const { values: args } = parseArgs({ options: { 'on-generated': { type: 'boolean', default: false }, province: { type: 'string' } } });
const N = Number(process.env.BENCH_CASES ?? scaled(2_000_000, 2000));
const RUNS = Number(process.env.BENCH_RUNS ?? scaled(30, 5));
const { ctx, handle, close } = await openBench();
try {
  const kinds = registeredWorkflows().map((d) => {
    const states = Object.entries(d.states);
    return { type: d.type, open: states.find(([, s]) => !s.terminal)![0], closed: (states.find(([, s]) => s.terminal) ?? states[0]!)[0] };
  });
  const t0 = performance.now();
  if (!onGenerated) {
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
  }
  // The job worker folds the triggers' change logs into the rollup tables every minute (case-tree-fold.ts); the dashboard
  // is timed as a reader finds it then, not in the minute after a bulk load, when every row still sits in the logs. The
  // vacuum is what autovacuum (PostgreSQL) or the fold job (PGlite, embedded-vacuum.ts) does soon after.
  const folded = onGenerated ? 0 : await foldCaseRollups(ctx);
  for (const t of ['core.case', 'core.case_rollup', 'core.case_tree_state', 'core.case_tree_month', 'core.case_tree_child', ...CASE_ROLLUP_LOGS])
    await sql`vacuum (analyze) ${sql.table(t)}`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const province = args.province ?? (onGenerated ? await busiestProvince(ctx) : '640000');
  const rows = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(ctx.db)).rows[0]!.n;
  const allCases = await rows(sql`select count(*)::int as n from core.case`);
  const rollupRows = await rows(sql`select count(*)::int as n from core.case_rollup where area_path = ${province} or area_path like ${province + '.%'}`);
  // What the province's dashboard reads from the tree tables: every state row, the months shown and compared (at most 24).
  const treeRows = await rows(sql`select ((select count(*) from core.case_tree_state where area_path = ${province})
  + (select count(*) from core.case_tree_month where area_path = ${province} and month >= date_trunc('year', now()) - interval '1 year')
  + (select count(*) from core.case_tree_child where area_path = ${province} and month >= date_trunc('year', now()) - interval '1 year'))::int as n`);
  const actor = await actorAt(
    ctx,
    await unitOf(ctx, province),
    registeredWorkflows().map((d) => d.readPermission),
  );

  const time = (fn: () => Promise<unknown>, runs: number) => timeRuns(fn, runs, 3);
  const fast = await dashboard(ctx, actor, {});
  const slow = await dashboard(ctx, actor, { source: 'cases' });
  if (JSON.stringify(fast.modules) !== JSON.stringify(slow.modules) || JSON.stringify(fast.areas) !== JSON.stringify(slow.areas))
    throw new Error('the rollup and the case-by-case count disagree');
  const rollup = await time(() => dashboard(ctx, actor, {}), RUNS);
  const naive = await time(() => dashboard(ctx, actor, { source: 'cases' }), Math.max(3, Math.round(RUNS / 5)));
  const r50 = percentile(rollup, 50);
  const n50 = percentile(naive, 50);
  console.log(
    `db=${handle.kind}${onGenerated ? ' (generated)' : ''} cases=${allCases} (${kinds.length} types${onGenerated ? '' : `, loaded in ${fmt(loadS)} s`}); ` +
      `dashboard of ${fast.area.name} (${province}): ${fast.totals.total} cases, ${fast.areas.length} areas below; rows read: ${treeRows} of the tree tables ` +
      `(core.case_rollup holds ${rollupRows} under it)${onGenerated ? '' : `; ${folded} log rows folded after the load`}`,
  );
  console.log(`baseline GROUP BY over core.case: p50 ${fmt(n50, 1)} ms, p95 ${fmt(percentile(naive, 95), 1)} ms`);
  console.log(`dashboard from rollup: p50 ${fmt(r50, 2)} ms, p95 ${fmt(percentile(rollup, 95), 2)} ms; ${fmt(n50 / r50, 1)}× faster`);
  result({
    figure: `province dashboard (${handle.kind}, ${fast.totals.total} of ${allCases} cases)`,
    value: r50,
    unit: 'ms',
    baseline: n50,
    baselineLabel: 'ms GROUP BY',
    ratio: n50 / r50,
    goal: '≤ 100 ms and ≥ 10× faster',
    met: r50 <= 100 && n50 / r50 >= 10,
  });
} finally {
  await close();
}
