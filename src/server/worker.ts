import type { AppContext } from '../platform/context.ts';
import type { JobsRuntime } from '../platform/jobs/pg-boss-jobs.ts';
import { jobRegistry } from '../platform/jobs/registry.ts';
// Every module that owns job queues, imported for its registerJobHandler calls. boot.ts takes the
// registry from here, so each process (API, worker, CLI) declares the same queues before it opens.
import '../kernel/notify/deliver-job.ts';
import '../kernel/identity/purge-sessions.ts';
import '../kernel/workflow/timers.ts';
import '../modules/petitions/workflow.ts';
import '../modules/dibao/workflow.ts';
import { installClockRecompute } from '../kernel/workflow/calendar-recompute.ts';

// Calendar changes move open deadlines in every process that can change the calendar.
installClockRecompute();

export { jobRegistry };

/** Work every registered queue in this process (inside `npm start`, or as `minzheng worker`). */
export async function startWorker(ctx: AppContext, jobs: JobsRuntime): Promise<void> {
  await jobs.start(ctx, jobRegistry);
}
