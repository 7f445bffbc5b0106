/**
 * Preloaded into the server that bench/load.ts starts (`--import`): every 5 s it appends, to the
 * file named by BENCH_HEAP_LOG, the heap in use right after each full (mark-compact) collection
 * the server ran meanwhile — the live data, without the garbage that RSS and heapUsed also count.
 * One "<ms since epoch> <bytes>" line per collection. Nothing is forced: the load is never paused
 * for a measurement.
 */
import { appendFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';

const file = process.env.BENCH_HEAP_LOG;
if (file) {
  let profiler = new GCProfiler();
  profiler.start();
  setInterval(() => {
    const stats = profiler.stop()?.statistics ?? [];
    profiler = new GCProfiler();
    profiler.start();
    const now = Date.now();
    const lines = stats.filter((s) => s.gcType === 'MarkSweepCompact').map((s) => `${now} ${s.afterGC.heapStatistics.usedHeapSize}\n`);
    if (lines.length) appendFileSync(file, lines.join(''));
  }, 5_000).unref();
}
