import type { AppContext } from '../platform/context.ts';
import type { JobsRuntime } from '../platform/jobs/pg-boss-jobs.ts';
import { jobRegistry } from '../platform/jobs/registry.ts';
import { installModules } from '../kernel/module/index.ts';
import type { ModuleManifest } from '../kernel/module/index.ts';
import { MODULES } from './modules.ts';
// The kernel's job queues (imported for their registerJobHandler / registerDailyJob calls); the
// modules' come from their manifests. boot.ts takes the registry from here, so each process (API,
// worker, CLI) declares the same queues before it opens.
import '../kernel/notify/deliver-job.ts';
import '../kernel/identity/purge-sessions.ts';
import '../platform/files/sweep-files.ts';
import '../kernel/workflow/timers.ts';
import '../kernel/workflow/clock-summary-sweep.ts';
import '../kernel/report/case-tree-fold.ts';
import '../platform/db/embedded-vacuum.ts';
import { installClockRecompute } from '../kernel/workflow/calendar-recompute.ts';

// Calendar changes move open deadlines in every process that can change the calendar.
installClockRecompute();
installModules(MODULES);

export { jobRegistry };

/** The process's job registry with these modules' queues added (MODULES are always installed). */
export function jobRegistryFor(modules: readonly ModuleManifest[] = MODULES) {
  installModules(modules);
  return jobRegistry;
}

/** Work every registered queue in this process (inside `npm start`, or as `minzheng worker`). */
export async function startWorker(ctx: AppContext, jobs: JobsRuntime): Promise<void> {
  await jobs.start(ctx, jobRegistry);
}
