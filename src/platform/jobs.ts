import type { AppContext } from './context.ts';

/**
 * Durable jobs and timers (pg-boss on the same database). `send` enqueues inside the caller's
 * transaction, so a job exists if and only if the business change committed. Handlers must
 * be idempotent: a job can run more than once after a crash.
 *
 * Implementation: src/platform/jobs/pg-boss-jobs.ts (createJobs); registry of handlers:
 * src/platform/jobs/registry.ts (registerJobHandler). See src/platform/jobs/README.md.
 */
export type JobSendOptions = {
  /** Not before this instant (durable timer). */
  startAfter?: Date;
  /** At most one queued job with this key per queue (pg-boss singletonKey). */
  singletonKey?: string;
  retryLimit?: number;
};

export type JobHandler<T = Record<string, unknown>> = (ctx: AppContext, data: T, job: { id: string; name: string }) => Promise<void>;

export interface Jobs {
  /**
   * Enqueue a job. When `ctx.db` is a transaction the job is written through it (committed or
   * rolled back with it); otherwise it is written at once. Resolves to the job id, or null when
   * `singletonKey` matched a job already queued.
   */
  send(ctx: AppContext, name: string, data: Record<string, unknown>, opts?: JobSendOptions): Promise<string | null>;
  /** Cancel a queued job (e.g. a reminder made moot), through ctx's transaction when it has one. */
  cancel(ctx: AppContext, name: string, id: string): Promise<void>;
}

/** Per-queue defaults, fixed when the queue is created. */
export type JobQueueOptions = {
  /** Attempts after the first (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry; doubles each time (default 30). */
  retryDelaySeconds?: number;
  /** Seconds a running job may take before it is presumed dead and retried (default 900). */
  expireInSeconds?: number;
};

export type JobDefinition = {
  name: string;
  /** Absent for a send-only queue (declared with registerQueue). */
  handler?: JobHandler<any>;
  options: JobQueueOptions;
  /** Set by registerDailyJob (src/platform/jobs/daily.ts): the worker schedules it daily at `hour` China time. */
  daily?: { hour: number; handler: (ctx: AppContext, day: string) => Promise<void> };
  /** Set by registerScheduledJob (src/platform/jobs/registry.ts): the worker schedules it by this cron expression, China time. */
  cron?: string;
};

/** The queues a process knows, by name; modules add theirs at import time. */
export type JobRegistry = Map<string, JobDefinition>;

/**
 * For contexts that must never schedule (benchmarks, pure unit tests): any use throws, so a
 * code path that starts scheduling is noticed instead of silently dropping its jobs.
 */
export const noJobs: Jobs = {
  send: async (_ctx, name) => {
    throw new Error(`this context has no job queue (send ${name})`);
  },
  cancel: async (_ctx, name) => {
    throw new Error(`this context has no job queue (cancel ${name})`);
  },
};
