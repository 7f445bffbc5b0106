/**
 * National-scale data (issue 16): fills the PostgreSQL database DATABASE_URL names with the whole area tree's shape
 * (31 provinces, ~335 cities, ~2,800 counties, ~40,000 townships, a 民政 unit each), cases over every registered workflow
 * type and social organizations, reproducibly (`--seed`). Refuses PGlite, and a database holding cases or
 * organizations it did not make (unless --force). Prints rows/s and table sizes.
 *
 *   createdb -T template0 --lc-collate=C --lc-ctype=C.UTF-8 mz_gen_x && DATABASE_URL=postgres://postgres@127.0.0.1:5432/mz_gen_x node bench/generate.ts [--cases 10000000]
 *     [--orgs 900000] [--scale 0.01] [--seed 1] [--until 2026-12-07] [--jobs 2] [--force]
 *
 * Loads as a restore does (keys, indexes and foreign keys built after the rows; no triggers), `--jobs` provinces side by
 * side, recounts the four rollups in one statement and checks the largest province's against a GROUP BY of its cases.
 * Prints each phase with its time since the start, rows/s, table and database sizes. LC_COLLATE=C keeps the codepoint order
 * of C.UTF-8 but lets PostgreSQL 15 build the indexes over text keys with memcmp instead of strcoll.
 *
 * Then `DATABASE_URL=… node bench/dashboard.ts --on-generated` times the dashboards on it.
 */
import { parseArgs } from 'node:util';
import { openDbAt } from './lib.ts';
import { generateNational } from './generate/run.ts';

const { values: a } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000000' },
    orgs: { type: 'string', default: '900000' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    until: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    force: { type: 'boolean', default: false },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('bench/generate.ts needs PostgreSQL: set DATABASE_URL to an empty database (PGlite is not for national volumes)');
  process.exit(2);
}
const scale = Number(a.scale);
const num = (s: string, what: string) => {
  const n = Math.round(Number(s) * scale);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${what} must be a number ≥ 0`);
  return n;
};
const until = a.until ? new Date(`${a.until}T23:59:59+08:00`) : new Date();
const jobs = Number(a.jobs);
const { ctx, close } = await openDbAt(url, jobs + 1);
try {
  const r = await generateNational(ctx.db, {
    seed: Number(a.seed),
    cases: num(a.cases!, 'cases'),
    orgs: num(a.orgs!, 'orgs'),
    until,
    force: a.force,
    jobs,
    log: (l) => console.log(l),
  });
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  console.log(`areas ${JSON.stringify(r.areas)}; org units ${r.orgUnits}; ${r.types} case types`);
  console.log(
    `cases ${r.cases} in ${r.seconds.cases.toFixed(1)} s = ${Math.round(r.cases / r.seconds.cases)} rows/s (indexes included); rollups in ${r.seconds.rollups.toFixed(1)} s; ` +
      `organizations ${r.orgs} in ${r.seconds.orgs.toFixed(1)} s = ${Math.round(r.orgs / r.seconds.orgs)} rows/s; total ${r.seconds.total.toFixed(1)} s; database ${mb(r.databaseBytes)} MB`,
  );
  for (const s of r.sizes) console.log(`  ${s.table.padEnd(20)} ${String(s.rows).padStart(10)} rows ${mb(s.bytes).padStart(7)} MB (pg_total_relation_size)`);
} finally {
  await close();
}
