// The browser suites run once, on the embedded PGlite: with DATABASE_URL set (the PostgreSQL pass of
// .ci/run) they are skipped unless E2E_ON_POSTGRES=1 — the integration tests cover both databases.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

if (process.env.DATABASE_URL && process.env.E2E_ON_POSTGRES !== '1') {
  console.log(
    '浏览器测试只在 PGlite 上运行(设 E2E_ON_POSTGRES=1 可在 PostgreSQL 上运行)/ Browser tests run on PGlite only (E2E_ON_POSTGRES=1 runs them on PostgreSQL)',
  );
  process.exit(0);
}
const files = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => `tests/e2e/${f}`);
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
