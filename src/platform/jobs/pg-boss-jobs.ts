import { sql, type Transaction } from 'kysely';
import { PgBoss, fromKysely, type Job } from 'pg-boss';
import type { AppContext } from '../context.ts';
import type { DbHandle } from '../db/create-db.ts';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import type { JobDefinition, JobQueueOptions, JobRegistry, Jobs } from '../jobs.ts';
import { jobRegistry } from './registry.ts';
import { JOBS_SCHEMA, bossOptions, jobsSchemaState, watchBoss } from './install.ts';
import { runDue, type RunDueOptions } from './run-due.ts';
import { DAILY_TZ, dailyCron, dailyJobsDue } from './daily.ts';
import { chinaDate } from '../china-time.ts';

export type JobsRuntime = {
  /** What goes on AppContext.jobs. */
  jobs: Jobs;
  /** Work every queue of the registry that has a handler, with `ctx` (the root context), until stop(). */
  start(ctx: AppContext, registry?: JobRegistry): Promise<void>;
  /** Run the due jobs now, in this call (tests, CLI); returns how many ran. Throws a handler's error. */
  runDue(ctx: AppContext, opts?: RunDueOptions): Promise<number>;
  /** Stop working and release connections. `graceful: false` abandons running jobs (they are retried after expiry). */
  stop(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
  /** Milliseconds spent creating or upgrading the pg-boss schema at open (0 when it was current). */
  installMs: number;
  /** The sending pg-boss instance, for tooling and tests. */
  readonly boss: PgBoss;
};

export type CreateJobsOptions = {
  /** PostgreSQL: the database pg-boss connects to (defaults to config.databaseUrl). */
  databaseUrl?: string;
  registry?: JobRegistry;
  /** How often each worker asks for due jobs (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  logger?: AppContext['logger'];
};

/** Timers for business deadlines can sit far ahead; a job is dropped only if still unrun this long after it fell due. */
const RETENTION_SECONDS = 90 * 24 * 3600;

const queueOptions = (o: JobQueueOptions) => ({
  policy: 'standard' as const,
  retryLimit: o.retryLimit ?? 3,
  retryDelay: o.retryDelaySeconds ?? 30,
  retryBackoff: true,
  expireInSeconds: o.expireInSeconds ?? 900,
  retentionSeconds: RETENTION_SECONDS,
});

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * Open the job queue on the application's database: installs or upgrades the pg-boss schema
 * when needed (measured in `installMs`), starts a sender and creates the registry's queues.
 * Workers start only with `start()`.
 */
export async function createJobs(handle: DbHandle, config: Config, opts: CreateJobsOptions = {}): Promise<JobsRuntime> {
  const logger = opts.logger ?? silent;
  const registry = opts.registry ?? jobRegistry;
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 1;

  const t0 = performance.now();
  const state = await jobsSchemaState(handle.db);
  const sender = watchBoss(new PgBoss(bossOptions(handle, 'sender', { databaseUrl, migrate: state !== 'current', max: 3 })), logger, 'sender');
  // Queues this sender has created or seen; its own cache then holds them, so a send inside a
  // transaction never has to look a queue up on the root connection (which on PGlite would wait
  // for that very transaction).
  const known = new Set<string>();
  const ensureQueues = async (defs: Iterable<JobDefinition>) => {
    for (const d of defs) {
      if (known.has(d.name)) continue;
      await sender.createQueue(d.name, queueOptions(d.options));
      known.add(d.name);
    }
  };
  let installMs = 0;
  try {
    await sender.start();
    installMs = state === 'current' ? 0 : Math.round(performance.now() - t0);
    if (installMs) logger.info({ installMs, state }, `任务队列表已${state === 'missing' ? '创建' : '升级'} / pg-boss schema ready`);
    for (const q of await sender.getQueues()) known.add(q.name);
    await ensureQueues(registry.values());
  } catch (err) {
    await sender.stop({ graceful: false, close: true }).catch(() => {});
    throw err;
  }

  const through = (ctx: AppContext) => (ctx.db.isTransaction ? { db: fromKysely(ctx.db as Transaction<DB>) } : {});
  const ensureQueue = async (ctx: AppContext, name: string) => {
    if (known.has(name)) return;
    if (ctx.db.isTransaction) {
      throw new Error(
        `任务队列「${name}」尚未创建，事务内不能创建 / job queue ${name} not created: declare it with registerJobHandler/registerQueue at module level so it exists before any transaction sends to it`,
      );
    }
    await ensureQueues([registry.get(name) ?? { name, options: {} }]);
  };

  const jobs: Jobs = {
    async send(ctx, name, data, o = {}) {
      await ensureQueue(ctx, name);
      if (o.singletonKey) {
        // Read through the caller's transaction, so a job it queued a moment ago counts too.
        const dup = await sql<{ id: string }>`select id from ${sql.table(`${JOBS_SCHEMA}.job`)}
          where name = ${name} and singleton_key = ${o.singletonKey} and state < 'active' limit 1`.execute(ctx.db);
        if (dup.rows.length) return null;
      }
      return sender.send(name, data, {
        ...(o.startAfter ? { startAfter: o.startAfter } : {}),
        ...(o.singletonKey ? { singletonKey: o.singletonKey } : {}),
        ...(o.retryLimit !== undefined ? { retryLimit: o.retryLimit } : {}),
        ...through(ctx),
      });
    },
    async cancel(ctx, name, id) {
      await ensureQueue(ctx, name);
      await sender.cancel(name, id, through(ctx));
    },
  };

  let worker: PgBoss | null = null;
  let stopping: Promise<void> | null = null;

  const workHandler = (ctx: AppContext, def: JobDefinition) => async (batch: Job<Record<string, unknown>>[]) => {
    for (const job of batch) {
      try {
        await def.handler!(ctx, job.data ?? {}, { id: job.id, name: job.name });
      } catch (err) {
        ctx.logger.error({ err, job: job.id, queue: job.name }, `任务执行失败 / job failed: ${job.name}`);
        throw err;
      }
    }
  };

  return {
    jobs,
    installMs,
    get boss() {
      return sender;
    },
    async start(ctx, reg = registry) {
      if (ctx.db.isTransaction) throw new Error('jobs.start needs the root context, not a transaction');
      if (worker) throw new Error('job worker already started');
      await ensureQueues(reg.values());
      worker = watchBoss(new PgBoss(bossOptions(handle, 'worker', { databaseUrl, migrate: true, max: 4 })), ctx.logger, 'worker');
      await worker.start();
      for (const def of reg.values()) {
        if (!def.handler) continue;
        await worker.work(def.name, { pollingIntervalSeconds, batchSize: 1 }, workHandler(ctx, def));
      }
      // Daily jobs: a cron schedule in the database (one per deployment), and a catch-up run when
      // today's hour has passed by business time and the day is not done (src/platform/jobs/daily.ts).
      for (const def of reg.values()) if (def.cron) await worker.schedule(def.name, def.cron, {}, { tz: DAILY_TZ });
      const daily = [...reg.values()].flatMap((d) => (d.daily ? [{ name: d.name, hour: d.daily.hour }] : []));
      for (const d of daily) await worker.schedule(d.name, dailyCron(d.hour), {}, { tz: DAILY_TZ, missed: 'once' });
      for (const name of await dailyJobsDue(ctx, daily)) await jobs.send(ctx, name, {}, { singletonKey: `catch-up:${chinaDate(ctx.clock.now())}` });
      ctx.logger.info({ queues: [...reg.values()].filter((d) => d.handler).map((d) => d.name) }, '任务处理已启动 / job worker started');
    },
    runDue: (ctx, o) => runDue(sender, ctx, registry, o),
    stop(o = {}) {
      stopping ??= (async () => {
        const graceful = o.graceful ?? true;
        const timeout = o.timeoutMs ?? 10_000;
        if (worker) await worker.stop({ graceful, timeout, close: true });
        await sender.stop({ graceful: false, close: true });
      })();
      return stopping;
    },
  };
}
