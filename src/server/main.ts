import { loadConfig } from '../platform/config.ts';
import { buildApp } from './app.ts';
import { LOG_SERIALIZERS } from '../platform/db/log-safe.ts';
import { openContext, prepareDatabase, startupPhases } from './boot.ts';
import { currentCalendar } from '../kernel/calendar/load-calendar.ts';
import { startWorker } from './worker.ts';
import type { ModuleManifest } from '../kernel/module/index.ts';
import { MODULES } from './modules.ts';

/** Start the whole system: migrate, seed, serve API + console + portal. Returns a stop function. */
export async function startServer(modules: readonly ModuleManifest[] = MODULES) {
  const started = performance.now();
  const phases = startupPhases(started);
  const config = loadConfig();
  const { ctx, handle, jobs } = await openContext(config, modules);
  phases.mark('open');
  const prep = await prepareDatabase(ctx, { modules, phases });
  await currentCalendar(ctx); // warm the calendar cache before the first deadline is computed
  phases.mark('calendar');
  const app = await buildApp(ctx, { logger: { level: config.logLevel, serializers: LOG_SERIALIZERS }, modules });
  phases.mark('app');
  await app.listen({ port: config.port, host: config.host });
  phases.mark('listen');
  // WORKER=off (PostgreSQL only): job handlers run in a separate `minzheng worker` process.
  if (config.worker === 'on') await startWorker(ctx, jobs!);
  phases.mark('worker');
  const ms = Math.round(performance.now() - started);
  app.log.info(
    { db: ctx.dbKind, dataDir: ctx.dbKind === 'pglite' ? config.dataDir : undefined, demo: prep.demo, startupMs: ms, startupPhasesMs: phases.ms },
    `民政法治政务平台已启动 / Minzheng is up: http://localhost:${config.port}/ (${ctx.dbKind}, ${ms} ms)`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await handle.close(); // stops the job worker too, letting running jobs finish
  };
  return { app, ctx, stop, startupMs: ms };
}

if (import.meta.main) {
  const { stop } = await startServer();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      stop().then(
        () => process.exit(0),
        (e) => {
          console.error(e);
          process.exit(1);
        },
      );
    });
  }
}
