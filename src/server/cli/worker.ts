import { startWorker } from '../worker.ts';
import { UsageError, type CliCommand } from './io.ts';

/**
 * `minzheng worker` — run the job handlers (deadline timers, notification delivery, …) in a
 * process of their own, beside API processes started with WORKER=off. PostgreSQL only: an
 * embedded database belongs to the one process that opened it, which works its jobs itself.
 */
export const workerCommand: CliCommand = async (argv, io) => {
  if (argv.length) throw new UsageError('worker 不接受参数 / worker takes no arguments');
  const { ctx, handle, jobs } = await io.open();
  try {
    if (!jobs) throw new Error('任务队列未打开 / job queue not opened');
    if (ctx.dbKind === 'pglite') {
      io.err('内嵌数据库由 npm start 的进程处理任务，无需单独的 worker / with the embedded database, `npm start` runs the jobs itself');
      return 2;
    }
    await startWorker(ctx, jobs);
    io.out('任务处理进程已启动（Ctrl-C 停止）/ worker running (Ctrl-C to stop)');
    await new Promise<void>((resolve) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
    });
    io.out('正在停止，等待进行中的任务完成 / stopping, letting running jobs finish');
    return 0;
  } finally {
    await handle.close();
  }
};
