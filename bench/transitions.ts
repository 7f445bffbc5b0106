/**
 * Transition throughput of the workflow kernel: cases are registered and pushed through
 * accept → draft → approve → close (each: lock, check, effect, event, audit chain, clocks,
 * pg-boss timers) against a baseline of single-row insert transactions on the same database
 * in the same run. Run: `node bench/transitions.ts` (PGlite) or with DATABASE_URL (PostgreSQL); BENCH_CASES,
 * BENCH_WORKERS (8), BENCH_ORGS (8 units; 1 puts every worker in one unit). On PostgreSQL it prints the share of the
 * workers' in-transaction time spent waiting on locks (pg_stat_activity sampled every 0.1 s), and on which statements.
 * With --on-generated (or BENCH_ON_GENERATED=1): in the generated database's BENCH_ORGS county bureaus with most cases,
 * beside their cases; its cases, events, timers and the baseline's table are removed at the end.
 */
import { sql } from 'kysely';
import { withTx } from '../src/platform/context.ts';
import { createCase } from '../src/kernel/workflow/create-case.ts';
import { applyTransition } from '../src/kernel/workflow/apply-transition.ts';
import { SAMPLE_TYPE } from '../tests/helpers/sample-workflow.ts';
import { actorAt, busiestCountyBureaus, fmt, openBench, result, scaled } from './lib.ts';

const CASES = Number(process.env.BENCH_CASES ?? scaled(200, 20));
const WORKERS = process.env.DATABASE_URL ? Number(process.env.BENCH_WORKERS ?? 8) : 1;
let statements = 0;
let counting = false;
const { ctx, handle, close, generated } = await openBench({
  pool: WORKERS + 2,
  log: (e) => {
    if (counting && e.level === 'query' && !e.query.sql.includes('pg_stat_activity')) statements++;
  },
});
try {
  // BENCH_ORGS=1: every worker in one unit (its cases share the unit's rollup rows and reference counter).
  const ORGS = Number(process.env.BENCH_ORGS ?? 8);
  const orgs = generated
    ? (await busiestCountyBureaus(ctx, ORGS)).map((b) => b.code)
    : ['640104-mzj', '640423-mzj', '640221-mzj', '640105-mzj', '640422-mzj', '640302-mzj', '640502-mzj', '640181-mzj'].slice(0, ORGS);
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
  let cpu0 = process.cpuUsage();
  await parallel(baseN, (i) =>
    withTx(ctx, async (tx) => {
      await sql`insert into public.bench_row values (${i}, now(), ${'x'.repeat(200)})`.execute(tx.db);
    }),
  );
  const baseRate = baseN / ((performance.now() - t0) / 1000);
  // This process's CPU (JS, the driver, its socket calls) per unit of work, beside the wall time: the rest is the database and the machine.
  const nodeMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const baseCpu = nodeMs(cpu0) / baseN;

  // On PostgreSQL, what the workers' backends inside a transaction wait on, sampled every 0.1 s during the workload.
  const waits = new Map<string, number>();
  let sampling = handle.kind === 'postgres';
  const sampler = (async () => {
    while (sampling) {
      const r = await sql<{ k: string }>`select case when wait_event_type = 'Lock' then 'lock in ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 40)
        else coalesce(wait_event_type || ':' || wait_event, 'running') end as k
      from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')
        and query not like '%pgboss%'`.execute(ctx.db);
      for (const { k } of r.rows) waits.set(k, (waits.get(k) ?? 0) + 1);
      await new Promise((res) => setTimeout(res, 100));
    }
  })();

  // Workload: 1 create + 4 transitions per case.
  counting = true;
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  await parallel(CASES, async (i) => {
    const actor = actors[i % actors.length]!;
    const c = await createCase(ctx, actor, { type: SAMPLE_TYPE, title: `基准案件 ${i}`, orgUnitId: actor.orgUnitId, input: { summary: '基准' } });
    await applyTransition(ctx, actor, { caseId: c.id, transition: 'accept' });
    await applyTransition(ctx, actor, { caseId: c.id, transition: 'draft', input: { opinion: '支持' } });
    await applyTransition(ctx, actor, { caseId: c.id, transition: 'approve' });
    await applyTransition(ctx, actor, { caseId: c.id, transition: 'close' });
  });
  const secs = (performance.now() - t0) / 1000;
  const moveCpu = nodeMs(cpu0) / (CASES * 5);
  counting = false;
  sampling = false;
  await sampler;
  const rate = (CASES * 5) / secs;
  const events = (await sql<{ n: number }>`select count(*)::int as n from core.case_event`.execute(ctx.db)).rows[0]!.n;
  const cases = (await sql<{ n: number }>`select count(*)::int as n from core.case`.execute(ctx.db)).rows[0]!.n;
  const jobs = (await sql<{ n: number }>`select count(*)::int as n from pgboss.job`.execute(ctx.db)).rows[0]!.n;
  console.log(
    `db=${handle.kind}${generated ? ' (generated)' : ''} workers=${WORKERS} orgs=${orgs.length} (${orgs.join(', ')}) cases=${CASES} (in the database ${cases}) events=${events} jobs=${jobs}`,
  );
  console.log(`baseline single-row insert tx: ${fmt(baseRate, 0)} tx/s`);
  const perMove = statements / (CASES * 5);
  console.log(
    `transitions (create+4 moves, each with event, audit, clocks, timers): ${fmt(rate, 0)} transitions/s, ${fmt(perMove, 1)} statements per transition`,
  );
  console.log(`ratio to baseline: ${fmt(rate / baseRate, 3)}`);
  console.log(
    `node CPU per unit (this process, user + system): baseline tx ${fmt(baseCpu, 2)} ms of ${fmt(1000 / baseRate, 2)} ms wall, transition ${fmt(moveCpu, 2)} ms of ${fmt(1000 / rate, 2)} ms wall`,
  );
  if (waits.size) {
    const all = [...waits.values()].reduce((a, b) => a + b, 0);
    const locks = [...waits].filter(([k]) => k.startsWith('lock in ')).sort((a, b) => b[1] - a[1]);
    const share = (n: number) => `${fmt((100 * n) / all, 1)}%`;
    console.log(
      `lock waits: ${share(locks.reduce((a, [, n]) => a + n, 0))} of ${all} in-transaction samples; waiting for the client: ${share(waits.get('Client:ClientRead') ?? 0)}`,
    );
    for (const [k, n] of locks.slice(0, 3)) console.log(`  ${share(n)} ${k}`);
  }
  result({
    figure: `workflow transition, ${WORKERS} worker(s), ${fmt(perMove, 1)} statements each (${handle.kind}${generated ? `, ${cases} cases` : ''})`,
    value: rate,
    unit: 'transitions/s',
    baseline: baseRate,
    baselineLabel: 'single-row insert tx/s',
    ratio: rate / baseRate,
    goal: '≥ 0.5',
    met: rate / baseRate >= 0.5,
  });
} finally {
  await close();
}
