/**
 * Transition throughput of the workflow kernel: cases are registered and pushed through
 * accept → draft → approve → close (each: lock, check, effect, event, audit chain, clocks,
 * pg-boss timers) against a baseline of single-row insert transactions on the same database
 * in the same run. Run: `node bench/transitions.ts` (PGlite) or with DATABASE_URL (PostgreSQL).
 */
import { sql } from 'kysely';
import { withTx } from '../src/platform/context.ts';
import { createCase } from '../src/kernel/workflow/create-case.ts';
import { applyTransition } from '../src/kernel/workflow/apply-transition.ts';
import { SAMPLE_TYPE } from '../tests/helpers/sample-workflow.ts';
import { actorAt, fmt, openBenchDb, result, scaled } from './lib.ts';

const CASES = Number(process.env.BENCH_CASES ?? scaled(200, 20));
const WORKERS = process.env.DATABASE_URL ? Number(process.env.BENCH_WORKERS ?? 8) : 1;
let statements = 0;
let counting = false;
const { ctx, handle, close } = await openBenchDb({
  pool: WORKERS + 2,
  log: (e) => {
    if (counting && e.level === 'query') statements++;
  },
});
// BENCH_ORGS=1: every worker in one unit (its cases share the unit's rollup rows and reference counter).
const orgs = ['640104-mzj', '640423-mzj', '640221-mzj', '640105-mzj', '640422-mzj', '640302-mzj', '640502-mzj', '640181-mzj'].slice(
  0,
  Number(process.env.BENCH_ORGS ?? 8),
);
const perms = ['org.read', 'area.read', 'audit.read'];
const actors = await Promise.all(orgs.map((o) => actorAt(ctx, o, perms)));

async function parallel(n: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
}

// Baseline: one single-row insert per transaction, same concurrency.
await sql`create table public.bench_row (id bigint primary key, at timestamptz not null, body text not null)`.execute(ctx.db);
const baseN = CASES * 5;
let t0 = performance.now();
await parallel(baseN, (i) =>
  withTx(ctx, async (tx) => {
    await sql`insert into public.bench_row values (${i}, now(), ${'x'.repeat(200)})`.execute(tx.db);
  }),
);
const baseRate = baseN / ((performance.now() - t0) / 1000);

// Workload: 1 create + 4 transitions per case.
counting = true;
t0 = performance.now();
await parallel(CASES, async (i) => {
  const actor = actors[i % actors.length]!;
  const c = await createCase(ctx, actor, { type: SAMPLE_TYPE, title: `基准案件 ${i}`, orgUnitId: actor.orgUnitId, input: { summary: '基准' } });
  await applyTransition(ctx, actor, { caseId: c.id, transition: 'accept' });
  await applyTransition(ctx, actor, { caseId: c.id, transition: 'draft', input: { opinion: '支持' } });
  await applyTransition(ctx, actor, { caseId: c.id, transition: 'approve' });
  await applyTransition(ctx, actor, { caseId: c.id, transition: 'close' });
});
const secs = (performance.now() - t0) / 1000;
counting = false;
const rate = (CASES * 5) / secs;
const events = (await sql<{ n: number }>`select count(*)::int as n from core.case_event`.execute(ctx.db)).rows[0]!.n;
const jobs = (await sql<{ n: number }>`select count(*)::int as n from pgboss.job`.execute(ctx.db)).rows[0]!.n;
console.log(`db=${handle.kind} workers=${WORKERS} orgs=${orgs.length} cases=${CASES} events=${events} jobs=${jobs}`);
console.log(`baseline single-row insert tx: ${fmt(baseRate, 0)} tx/s`);
const perMove = statements / (CASES * 5);
console.log(
  `transitions (create+4 moves, each with event, audit, clocks, timers): ${fmt(rate, 0)} transitions/s, ${fmt(perMove, 1)} statements per transition`,
);
console.log(`ratio to baseline: ${fmt(rate / baseRate, 3)}`);
result({
  figure: `workflow transition, ${WORKERS} worker(s), ${fmt(perMove, 1)} statements each (${handle.kind})`,
  value: rate,
  unit: 'transitions/s',
  baseline: baseRate,
  baselineLabel: 'single-row insert tx/s',
  ratio: rate / baseRate,
  goal: '≥ 0.5',
  met: rate / baseRate >= 0.5,
});
await close();
