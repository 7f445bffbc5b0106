/**
 * The scope predicate at scale: N cases (default 1,000,000) spread over every org unit, then
 * EXPLAIN ANALYZE of a scoped list's first page (caseReadable of a county clerk, newest first)
 * — the plan should reach the rows through case_area_idx (area_path text_pattern_ops), not a
 * sequential scan of core.case. Prints the plan and a RESULT line with the time against a
 * primary-key lookup. Run: `node bench/scope-explain.ts` (PGlite) or with DATABASE_URL.
 * With --on-generated (or BENCH_ON_GENERATED=1): on the generated database's cases, as the county bureau with most
 * cases (or BENCH_ORG), listing the type with most cases in its county; it writes nothing.
 */
import { sql } from 'kysely';
import { caseReadable } from '../src/kernel/workflow/case-access.ts';
import { SAMPLE_TYPE } from '../tests/helpers/sample-workflow.ts';
import { actorAt, busiestCountyBureaus, commonestType, fmt, openBench, result, scaled } from './lib.ts';

let N = Number(process.env.BENCH_CASES ?? scaled(1_000_000, 2000));
// BENCH_ORG of a township (e.g. 640423100-gov) needs the demo org tree: BENCH_DEMO=1.
const { ctx, handle, close, generated } = await openBench({ demo: !!process.env.BENCH_DEMO });
try {
  let org = process.env.BENCH_ORG ?? '640423-mzj';
  let type = SAMPLE_TYPE;
  if (generated) {
    N = (await sql<{ n: number }>`select count(*)::int as n from core.case`.execute(ctx.db)).rows[0]!.n;
    const bureau = (await busiestCountyBureaus(ctx))[0]!;
    org = process.env.BENCH_ORG ?? bureau.code;
    type = await commonestType(ctx, bureau.areaPath);
  } else {
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, data, terminal, pending_handoff, version, created_at, updated_at)
  select gen_random_uuid(), ${SAMPLE_TYPE}, 'BN-' || g, '基准案件 ' || g, 'accepted', o.area_code, o.area_path, o.id, '{}', false, false, 1,
         now() - (g % 365) * interval '1 day', now()
  from generate_series(1, ${N}) g
  join (select id, area_code, area_path, row_number() over (order by id) - 1 as k, count(*) over () as n from core.org_unit) o
    on o.k = g % o.n`.execute(ctx.db);
    await sql`analyze core.case`.execute(ctx.db);
  }
  const actor = await actorAt(ctx, org, ['area.read', 'org.read']);
  const query = ctx.db
    .selectFrom('core.case as c')
    .select(['c.id', 'c.ref_no', 'c.title', 'c.created_at'])
    .where('c.type', '=', type)
    .where(caseReadable(actor, 'area.read'))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(20);
  const c = query.compile();
  const plan = (await sql.raw<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${inline(c.sql, c.parameters)}`).execute(ctx.db)).rows.map(
    (r) => r['QUERY PLAN'],
  );
  const usesIndex = plan.some((l) => /case_area_idx/.test(l)) && !plan.some((l) => /Seq Scan on "?case"? c\b/.test(l));
  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await fn();
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await fn();
    return (performance.now() - t0) / 20;
  };
  const anyId = (await sql<{ id: string }>`select id from core.case limit 1`.execute(ctx.db)).rows[0]!.id;
  const pk = await time(() => ctx.db.selectFrom('core.case').selectAll().where('id', '=', anyId).executeTakeFirst());
  const list = await time(() => query.execute());
  console.log(`db=${handle.kind}${generated ? ' (generated)' : ''} cases=${N} actor ${org} at ${actor.areaPath}, type ${type}\n${plan.join('\n')}`);
  console.log(`scoped first page ${fmt(list, 2)} ms, primary-key lookup ${fmt(pk, 2)} ms, area-path index used: ${usesIndex}`);
  result({
    figure: `scoped list first page at ${N} cases, case_area_idx ${usesIndex ? 'used' : 'NOT used'} (${handle.kind})`,
    value: list,
    unit: 'ms',
    baseline: pk,
    baselineLabel: 'primary-key lookup ms',
    ratio: list / pk,
    goal: 'area-path index used',
    met: usesIndex,
  });
} finally {
  await close();
}

/** EXPLAIN takes no bind parameters here: inline them as literals. */
function inline(text: string, params: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, i) => {
    const v = params[Number(i) - 1];
    return Array.isArray(v) ? `array[${v.map((x) => `'${String(x).replace(/'/g, "''")}'`).join(',')}]` : `'${String(v).replace(/'/g, "''")}'`;
  });
}
