/**
 * Worklist at scale: N cases (default 1,000,000) spread over every org unit of the Ningxia
 * tree, most of them closed, the open ones with due dates around today; then the worklist
 * query of one county org, first page, repeated. Prints p50/p95 per tab and the ratio to a
 * primary-key lookup of one case measured in the same run. Run with DATABASE_URL (PostgreSQL).
 * With --on-generated (or BENCH_ON_GENERATED=1) it opens the database DATABASE_URL names, filled by bench/generate.ts,
 * and times the worklist of the county bureau with most cases (or BENCH_ORG) instead of loading its own rows.
 */
import { sql } from 'kysely';
import { registeredWorkflows } from '../src/kernel/workflow/define-workflow.ts';
import { listWorklist, WORKLIST_TABS } from '../src/kernel/workflow/worklist.ts';
import { SAMPLE_TYPE } from '../tests/helpers/sample-workflow.ts';
import { actorAt, busiestCountyBureaus, fmt, onGenerated, openBench, percentile, result, scaled, timeRuns } from './lib.ts';

let N = Number(process.env.BENCH_CASES ?? scaled(1_000_000, 1000));
const RUNS = Number(process.env.BENCH_RUNS ?? scaled(200, 20));
const { ctx, handle, close } = await openBench({ demo: true });
try {
  const t0 = performance.now();
  if (onGenerated) N = (await sql<{ n: number }>`select count(*)::int as n from core.case`.execute(ctx.db)).rows[0]!.n;
  // One statement: cases over all org units (sample townships included), 30% open.
  else
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, data, terminal, pending_handoff, due_date, clock_state, version, created_at, updated_at)
  select gen_random_uuid(), ${SAMPLE_TYPE}, 'BN-' || g, '基准案件 ' || g, case when g % 10 < 3 then 'accepted' else 'closed' end,
         o.area_code, o.area_path, o.id, '{}', g % 10 >= 3, g % 97 = 0,
         case when g % 10 < 3 then (date '2026-11-29' + ((g::bigint * 7919) % 90 - 30)::int)::date end,
         case when g % 10 < 3 then (array['running','due_soon','overdue','paused'])[1 + g % 4] end,
         1, now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day'
  from generate_series(1, ${N}) g
  join lateral (select id, area_code, area_path from core.org_unit order by id offset (g % (select count(*) from core.org_unit)) limit 1) o on true`.execute(
      ctx.db,
    );
  if (!onGenerated) await sql`analyze core.case`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const orgCode = process.env.BENCH_ORG ?? (onGenerated ? (await busiestCountyBureaus(ctx))[0]!.code : '640104-mzj');
  // On generated data the cases are of every module's types: the actor reads them all (as the region's clerks' roles do).
  const readPermissions = onGenerated ? registeredWorkflows().map((d) => d.readPermission) : [];
  const actor = await actorAt(ctx, orgCode, [...new Set(['area.read', 'org.read', ...readPermissions])]);
  const mine = (
    await sql<{
      n: number;
      open: number;
    }>`select count(*)::int as n, count(*) filter (where not terminal)::int as open from core.case where org_unit_id = ${actor.orgUnitId}`.execute(ctx.db)
  ).rows[0]!;
  const anyId = (await sql<{ id: string }>`select id from core.case limit 1`.execute(ctx.db)).rows[0]!.id;

  const time = (fn: () => Promise<unknown>) => timeRuns(fn, RUNS, 10);
  const base = await time(() => ctx.db.selectFrom('core.case').selectAll().where('id', '=', anyId).executeTakeFirst());
  const b50 = percentile(base, 50);
  console.log(
    `db=${handle.kind}${onGenerated ? ' (generated)' : ''} cases=${N} ${onGenerated ? 'counted' : 'loaded'} in ${fmt(loadS)} s; org ${orgCode}: ${mine.n} cases, ${mine.open} open`,
  );
  console.log(`baseline primary-key lookup: p50 ${fmt(b50, 2)} ms, p95 ${fmt(percentile(base, 95), 2)} ms`);
  for (const tab of WORKLIST_TABS) {
    let total = 0;
    const xs = await time(async () => {
      total = (await listWorklist(ctx, actor, { tab, page: 1, pageSize: 20 })).total;
    });
    console.log(
      `worklist ${tab.padEnd(14)} first page (total ${String(total).padStart(5)}): p50 ${fmt(percentile(xs, 50), 2)} ms, p95 ${fmt(percentile(xs, 95), 2)} ms, ratio p50/baseline ${fmt(percentile(xs, 50) / b50, 1)}`,
    );
    result({
      figure: `worklist ${tab} p50 at ${N} cases (${handle.kind})`,
      value: percentile(xs, 50),
      unit: 'ms',
      baseline: b50,
      baselineLabel: 'primary-key lookup p50 ms',
      ratio: percentile(xs, 50) / b50,
      goal: '—',
      met: null,
    });
  }
} finally {
  await close();
}
