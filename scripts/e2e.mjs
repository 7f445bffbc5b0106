// The browser suites run once, on the embedded PGlite: with DATABASE_URL set (the PostgreSQL pass of
// .ci/run) they are skipped unless E2E_ON_POSTGRES=1 — the integration tests cover both databases.
//
// Files that time the browser (marked `// e2e: alone` in their first lines) run first, one at a time;
// the rest run E2E_CONCURRENCY at a time (default 2: the two cores overlap one file's waits — server start, network
// idle, animations — with the other's work: 29 files in 25 min with a Vitest run beside them; antd Select picks
// retry, see harness pickOption). E2E_CONCURRENCY=1 runs them one by one.
// All share one web build and one demo template (E2E_RUN_ID).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

if (process.env.DATABASE_URL && process.env.E2E_ON_POSTGRES !== '1') {
  console.log(
    '浏览器测试只在 PGlite 上运行（设 E2E_ON_POSTGRES=1 可在 PostgreSQL 上运行）/ Browser tests run on PGlite only (E2E_ON_POSTGRES=1 runs them on PostgreSQL)',
  );
  process.exit(0);
}
const files = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => `tests/e2e/${f}`);
const alone = (f) => readFileSync(f, 'utf8').slice(0, 2000).includes('// e2e: alone');
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY || 2));
const env = { ...process.env, E2E_RUN_ID: process.env.E2E_RUN_ID || `${process.pid}-${Date.now()}` };
let status = 0;
for (const [batch, n] of [
  [files.filter(alone), 1],
  [files.filter((f) => !alone(f)), concurrency],
]) {
  if (batch.length === 0) continue;
  const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${n}`, ...batch], { stdio: 'inherit', env });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
