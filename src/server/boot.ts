import path from 'node:path';
import pino from 'pino';
import { createDb, type DbHandle } from '../platform/db/create-db.ts';
import { LOG_SERIALIZERS } from '../platform/db/log-safe.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { systemClock, type AppContext } from '../platform/context.ts';
import type { Config } from '../platform/config.ts';
import { allMigrations } from './migrations.ts';
import { seedDemo, seedDemoHistory, seedReferenceOnce, isSeeded } from './seed.ts';
import { writeCheckpoint } from '../kernel/audit/write-checkpoint.ts';
import { ensurePiiKey } from '../platform/crypto/pii-key.ts';
import { createJobs, type JobsRuntime } from '../platform/jobs/pg-boss-jobs.ts';
import { jobRegistryFor } from './worker.ts';
import { installModules, type ModuleManifest } from '../kernel/module/index.ts';
import { MODULES } from './modules.ts';

/** `handle.close()` also stops the job queue. `jobs` is absent only in test doubles of the CLI. */
export type Booted = { ctx: AppContext; handle: DbHandle; jobs?: JobsRuntime };

/** Open the configured database and build the application context. */
export async function openContext(config: Config, modules: readonly ModuleManifest[] = MODULES): Promise<Booted> {
  const handle =
    config.dbKind === 'postgres'
      ? await createDb({ kind: 'postgres', url: config.databaseUrl!, max: config.dbPoolMax })
      : await createDb({ kind: 'pglite', dataDir: path.resolve(config.dataDir, 'pglite') });
  const logger = pino({ level: config.logLevel, serializers: LOG_SERIALIZERS });
  const jobs = await createJobs(handle, config, { logger, registry: jobRegistryFor(modules) }).catch(async (e) => {
    await handle.close();
    throw e;
  });
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, clock: systemClock, jobs: jobs.jobs, logger };
  const closeDb = handle.close;
  const close = async () => {
    await jobs.stop();
    await closeDb();
  };
  return { ctx, handle: { ...handle, close }, jobs };
}

/**
 * Migrate, then load reference data (area tree, roles, the department's units) and, on a
 * fresh database in demo mode, the demo data. Safe to run on every start.
 */
export async function prepareDatabase(
  ctx: AppContext,
  opts: { demo?: boolean; demoHistory?: boolean; modules?: readonly ModuleManifest[]; phases?: StartupPhases } = {},
) {
  const modules = opts.modules ?? MODULES;
  const phases = opts.phases ?? startupPhases(performance.now());
  installModules(modules);
  await migrateToLatest(ctx.db as never, allMigrations(modules));
  phases.mark('migrate');
  await ensurePiiKey(ctx);
  const fresh = !(await isSeeded(ctx));
  await seedReferenceOnce(ctx);
  phases.mark('reference');
  const demo = opts.demo ?? (ctx.config.demo === 'on' || (ctx.config.demo === 'auto' && fresh));
  if (demo) await seedDemo(ctx);
  if (demo && (opts.demoHistory ?? true)) await seedDemoHistory(ctx, modules);
  // Anchor the seeded state; later checkpoints come from the periodic job.
  if (fresh || demo) await writeCheckpoint(ctx);
  phases.mark('demo');
  return { fresh, demo };
}

export type StartupPhases = ReturnType<typeof startupPhases>;

/** Milliseconds per start-up phase, each from the end of the one before (logged with the start). */
export function startupPhases(started: number) {
  const ms: Record<string, number> = {};
  let last = started;
  return {
    ms,
    mark(name: string) {
      const now = performance.now();
      ms[name] = Math.round(now - last);
      last = now;
    },
  };
}
