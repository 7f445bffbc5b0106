import type { JobDefinition, JobHandler, JobQueueOptions, JobRegistry } from '../jobs.ts';

/** pg-boss accepts letters, digits, '_', '-', '.', '/'; we keep to dotted lower-case names. */
const QUEUE_NAME = /^[a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)*$/;

/** The process-wide registry that registerJobHandler/registerQueue add to. */
export const jobRegistry: JobRegistry = new Map();

export function createJobRegistry(): JobRegistry {
  return new Map();
}

function add(registry: JobRegistry, def: JobDefinition): void {
  if (!QUEUE_NAME.test(def.name)) throw new Error(`invalid job queue name: ${def.name}`);
  const prev = registry.get(def.name);
  // Re-registering the same handler (a module evaluated twice in tests) is harmless; two handlers are a bug.
  if (prev?.handler && def.handler && prev.handler !== def.handler) throw new Error(`job queue ${def.name} already has a handler`);
  registry.set(def.name, { ...prev, ...def, handler: def.handler ?? prev?.handler, options: { ...prev?.options, ...def.options } });
}

/**
 * Declare a queue and the handler that runs its jobs. Call it at module level in the module that
 * sends the job (or one it imports), so every process that can send has declared the queue.
 */
export function registerJobHandler<T = Record<string, unknown>>(
  name: string,
  handler: JobHandler<T>,
  options: JobQueueOptions = {},
  registry: JobRegistry = jobRegistry,
): void {
  add(registry, { name, handler: handler as JobHandler<any>, options });
}

/** Declare a queue without a handler here (its jobs are worked elsewhere, or the handler registers later). */
export function registerQueue(name: string, options: JobQueueOptions = {}, registry: JobRegistry = jobRegistry): void {
  add(registry, { name, options });
}

/**
 * A job the worker runs by a cron expression (China time) for the whole deployment, e.g. every minute: `* * * * *`.
 * pg-boss fires each occurrence from one worker only; a run still may overlap another's (a retry), so the handler
 * must be idempotent. Daily business jobs use registerDailyJob (it also catches up a missed day).
 */
export function registerScheduledJob(
  name: string,
  cron: string,
  handler: JobHandler,
  options: JobQueueOptions = {},
  registry: JobRegistry = jobRegistry,
): void {
  add(registry, { name, handler, options, cron });
}
