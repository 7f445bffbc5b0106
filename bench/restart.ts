/**
 * Embedded restart on existing data: how long `npm start` (scripts/start.mjs) takes until
 * /api/health answers, on a PGlite DATA_DIR that already holds the demo (the second and later
 * starts), against a baseline in the same run: a Node process that opens the same PGlite
 * directory and runs one query. The first start (seeding the demo, building the UI when needed)
 * is not measured (BENCH_FIRST_START_S allows it 1800 s). BENCH_RUNS restarts (default 3), median; the server's own phase times
 * (startupPhasesMs in its start-up log line) of the last run are printed. Always PGlite:
 * DATABASE_URL is ignored (the goal is the embedded mode's).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import module from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv[2] === '--open-only') {
  // The baseline: Node, PGlite with the app's extensions and settings (createDb), the directory
  // opened, one query. Nothing else is imported: ./lib.ts alone loads the whole application. It uses
  // Node's compile cache as `npm start` does (scripts/start.mjs), in the same directory.
  module.enableCompileCache(path.join(root, 'node_modules/.cache/minzheng/compile'));
  const { createDb } = await import('../src/platform/db/create-db.ts');
  const { sql } = await import('kysely');
  const h = await createDb({ kind: 'pglite', dataDir: process.argv[3]! });
  await sql`select count(*) from core.case`.execute(h.db);
  console.log('READY');
  await h.close();
  process.exit(0);
}

const { percentile, result } = await import('./lib.ts');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const keep = process.env.BENCH_DATA_DIR;
const dataDir = keep ?? mkdtempSync(path.join(tmpdir(), 'mz-restart-'));
const port = 3900 + (process.pid % 90);
// BENCH_DEMO=off: existing data without the demo history (a first start of minutes instead of tens).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(port),
  DEMO: process.env.BENCH_DEMO ?? 'auto',
  LOG_LEVEL: 'info',
  WORKER: 'on',
};
delete env.DATABASE_URL;

/** Spawn a process; resolve with the ms from spawn until `ready(output)` holds, then stop it. */
function timed(args: string[], ready: (out: string) => boolean | Promise<boolean>, timeoutMs = 600_000): Promise<{ ms: number; out: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const finish = (ms: number) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(deadline);
      child.once('close', () => resolve({ ms, out }));
      // The time is taken; let the server log its phase times (after its worker starts) before stopping it.
      const t = performance.now();
      const stop = setInterval(() => {
        if (!out.includes('startupPhasesMs') && performance.now() - t < 5000) return;
        clearInterval(stop);
        child.kill('SIGTERM');
      }, 50);
    };
    const check = async () => {
      if (!done && (await ready(out))) finish(performance.now() - t0);
    };
    child.stdout.on('data', (d) => {
      out += d;
      void check();
    });
    child.stderr.on('data', (d) => (out += d));
    const poll = setInterval(() => void check(), 20);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(deadline);
      if (!done) reject(new Error(`exited ${code} before ready:\n${out.slice(-2000)}`));
    });
    // Cleared on finish/close: a pending deadline (30 min for the first start) kept the finished benchmark alive.
    const deadline = setTimeout(() => !done && (child.kill('SIGKILL'), reject(new Error('timed out'))), timeoutMs);
  });
}

let probing = false;
const healthy = async () => {
  if (probing) return false;
  probing = true;
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  } finally {
    probing = false;
  }
};
const server = (timeoutMs?: number) => timed(['scripts/start.mjs'], healthy, timeoutMs);

try {
  if (!existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) {
    const first = await server(Number(process.env.BENCH_FIRST_START_S ?? 1800) * 1000);
    console.log(`first start (migrations, reference data, demo): ${(first.ms / 1000).toFixed(1)} s`);
  }
  const restarts: number[] = [];
  const opens: number[] = [];
  let last = '';
  for (let i = 0; i < RUNS; i++) {
    const r = await server();
    restarts.push(r.ms);
    last = r.out;
    opens.push((await timed(['bench/restart.ts', '--open-only', path.join(dataDir, 'pglite')], (o) => o.includes('READY'))).ms);
  }
  const restart = percentile(restarts, 50);
  const open = percentile(opens, 50);
  const phases = /"startupPhasesMs":(\{[^}]*\})/.exec(last)?.[1];
  console.log(`restarts ${restarts.map((x) => x.toFixed(0)).join(', ')} ms; PGlite open + one query ${opens.map((x) => x.toFixed(0)).join(', ')} ms`);
  console.log(`server phases (last run, ms): ${phases ?? 'not logged'}`);
  console.log(
    `ratio restart ÷ open: ${(restart / open).toFixed(2)}; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
  result({
    figure: 'embedded restart on existing data (npm start → /api/health)',
    value: restart,
    unit: 'ms',
    baseline: open,
    baselineLabel: 'ms Node + PGlite open + one query',
    ratio: restart / open,
    goal: '≤ 2 s',
    met: restart <= 2000,
  });
} finally {
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
}
