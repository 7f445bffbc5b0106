/**
 * Lists the SQL one registration and one transition run, with time per statement (for tuning).
 * With --on-generated (or BENCH_ON_GENERATED=1): in the generated database's county bureau with most cases, among its
 * cases; the three cases it registers are removed at the end.
 */
import { createCase } from '../src/kernel/workflow/create-case.ts';
import { applyTransition } from '../src/kernel/workflow/apply-transition.ts';
import { SAMPLE_TYPE } from '../tests/helpers/sample-workflow.ts';
import { actorAt, busiestCountyBureaus, openBench, result } from './lib.ts';

let trace: Array<{ sql: string; ms: number }> | null = null;
const { ctx, close, generated } = await openBench({
  log: (e) => {
    if (trace && e.level === 'query') trace.push({ sql: e.query.sql.replace(/\s+/g, ' ').slice(0, 110), ms: e.queryDurationMillis });
  },
});
try {
  const actor = await actorAt(ctx, generated ? (await busiestCountyBureaus(ctx))[0]!.code : '640104-mzj', ['org.read', 'area.read', 'audit.read']);
  const warm = await createCase(ctx, actor, { type: SAMPLE_TYPE, title: '预热', orgUnitId: actor.orgUnitId, input: { summary: 'x' } });
  await applyTransition(ctx, actor, { caseId: warm.id, transition: 'accept' });
  for (const step of ['create', 'accept'] as const) {
    trace = [];
    const t0 = performance.now();
    if (step === 'create') await createCase(ctx, actor, { type: SAMPLE_TYPE, title: '剖析', orgUnitId: actor.orgUnitId, input: { summary: 'x' } });
    else {
      const c = await createCase(ctx, actor, { type: SAMPLE_TYPE, title: '剖析2', orgUnitId: actor.orgUnitId, input: { summary: 'x' } });
      trace = [];
      await applyTransition(ctx, actor, { caseId: c.id, transition: 'accept' });
    }
    const total = performance.now() - t0;
    console.log(`\n== ${step}: ${trace.length} statements, ${total.toFixed(1)} ms wall, ${trace.reduce((a, b) => a + b.ms, 0).toFixed(1)} ms in SQL`);
    for (const q of trace) console.log(`${q.ms.toFixed(2).padStart(7)}  ${q.sql}`);
    if (step === 'accept')
      result({
        figure: `statements per transition (accept, ${ctx.dbKind}${generated ? ', generated' : ''})`,
        value: trace.length,
        unit: 'statements',
        baseline: 15,
        baselineLabel: 'statements before issue 18',
        ratio: trace.length / 15,
        goal: '≤ 8 (a handful)',
        met: trace.length <= 8,
      });
  }
} finally {
  await close();
}
