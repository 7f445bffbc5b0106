import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../context.ts';
import type { JobRegistry } from '../jobs.ts';

export type RunDueOptions = {
  /** Only these queues (default: every queue of the registry with a handler). */
  names?: string[];
  /** Also run jobs whose startAfter is still ahead (a test's way to fast-forward a timer). */
  includeFuture?: boolean;
  /**
   * Fetch each queue once (up to 100 jobs) instead of until empty. With includeFuture, jobs a
   * handler puts back for later (a timer not yet due by the app clock) are not run again.
   */
  singlePass?: boolean;
};

const MAX_RUNS = 10_000;

/**
 * Fetch and run due jobs in this call, one queue after another, until none is left. Each job is
 * claimed like a worker claims it (SKIP LOCKED), so it is safe beside a running worker. A failing
 * handler marks its job failed (retried later, as with a worker) and its error is thrown.
 */
export async function runDue(boss: PgBoss, ctx: AppContext, registry: JobRegistry, opts: RunDueOptions = {}): Promise<number> {
  if (ctx.db.isTransaction) throw new Error('runDue needs the root context, not a transaction');
  const names = opts.names ?? [...registry.values()].filter((d) => d.handler).map((d) => d.name);
  let ran = 0;
  for (const name of names) {
    const def = registry.get(name);
    if (!def?.handler) throw new Error(`no handler registered for job queue ${name}`);
    for (;;) {
      const batch = await boss.fetch<Record<string, unknown>>(name, { batchSize: opts.singlePass ? 100 : 20, ignoreStartAfter: opts.includeFuture ?? false });
      if (!batch.length) break;
      // A handler that keeps queueing its own successor would loop forever here.
      if (ran > MAX_RUNS) throw new Error(`runDue: more than ${MAX_RUNS} jobs, a handler keeps requeueing`);
      for (const job of batch) {
        try {
          await def.handler(ctx, job.data ?? {}, { id: job.id, name });
        } catch (err) {
          await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
          throw err;
        }
        await boss.complete(name, job.id);
        ran++;
      }
      if (opts.singlePass) break;
    }
  }
  return ran;
}
