/**
 * `npm run bench`: every benchmark in bench/, one after another, on PGlite and — when
 * DATABASE_URL is set — on PostgreSQL, then one table: figure, baseline, ratio, goal, met, with
 * the machine's load average. BENCH_SCALE (default 0.02) shrinks each data set so the whole run
 * stays within minutes; BENCH_SCALE=1 gives the full sizes. BENCH_ONLY=transitions,http-reads
 * runs a subset. A benchmark that prints no RESULT line shows its last ratio line instead.
 *
 * With --on-generated (or BENCH_ON_GENERATED=1) every benchmark but restart runs once, on the database bench/generate.ts
 * filled (DATABASE_URL), in its `--on-generated` mode: inside the generated tree, on its rows, each removing what it
 * wrote (a benchmark that leaves a row count changed fails). BENCH_SCALE then sizes only the rows a benchmark writes
 * on top. A benchmark past BENCH_TIMEOUT_S gets SIGTERM (it cleans up), SIGKILL two minutes later.
 * BENCH_VERBOSE=1 prints each benchmark's own output (but its RESULT lines) to stderr after it.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { onGenerated } from './lib.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 0.02);
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 600);
const s = (n: number, min = 1) => String(Math.max(min, Math.round(n * SCALE)));

/** Each benchmark with the size variables it reads, scaled. */
const BENCHES: Array<[string, Record<string, string>]> = [
  ['profile-transition', {}],
  ['transitions', {}],
  ['restart', { BENCH_RUNS: '3' }],
  ['http-reads', { BENCH_SECONDS: s(150, 2) }],
  ['worklist', {}],
  ['dashboard', { BENCH_CASES: s(2_000_000, 2000), BENCH_RUNS: s(30, 5) }],
  ['scope-explain', {}],
  ['audit-bench', {}],
  ['catalogue-diff', { BENCH_ITEMS: s(400, 40), BENCH_RUNS: s(15, 3) }],
  ['community-stations', { BENCH_STATIONS: s(100_000, 1000), BENCH_RUNS: s(30, 5) }],
  ['dibao-import', { BENCH_MEMBERS: s(200_000, 2000) }],
  ['dibao-roster', { BENCH_HOUSEHOLDS: s(150_000, 2000) }],
  ['disclosure-annual', { BENCH_REQUESTS: s(100_000, 1000), BENCH_RUNS: s(7, 3) }],
  ['enforcement-certification', { BENCH_OFFICERS: s(200_000, 2000), BENCH_RUNS: s(300, 20) }],
  ['hall-ratings', { BENCH_RATINGS: s(300_000, 3000), BENCH_RUNS: s(30, 5) }],
  ['normdocs-in-force', { BENCH_NORMDOCS: s(20_000, 500), BENCH_RUNS: s(100, 10) }],
  ['orgs-draw', { BENCH_ORGS: s(900_000, 5000), BENCH_RUNS: s(5, 2) }],
  ['orgs-eligibility', { BENCH_ORGS: s(900_000, 5000), BENCH_RUNS: s(300, 20) }],
  ['orgs-spot-check-size', { BENCH_ORGS: s(900_000, 5000), BENCH_RUNS: s(20, 5) }],
];

type Row = { figure: string; value: string; baseline: string; ratio: string; goal: string; met: string };

function run(file: string, env: Record<string, string>): Promise<{ code: number | null; out: string; secs: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, BENCH_SCALE: String(SCALE), ...env };
    if (!childEnv.DATABASE_URL) delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, [`bench/${file}.ts`], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let kill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      kill = setTimeout(() => child.kill('SIGKILL'), 120_000);
    }, TIMEOUT_S * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(kill);
      resolve({ code, out, secs: (performance.now() - t0) / 1000 });
    });
  });
}

const n = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toPrecision(2));
const only = process.env.BENCH_ONLY?.split(',');
if (onGenerated && !process.env.DATABASE_URL) throw new Error('--on-generated needs DATABASE_URL (the database bench/generate.ts filled)');
const dbs: Array<[string, string | undefined]> = onGenerated ? [['generated', process.env.DATABASE_URL]] : [['pglite', undefined]];
if (process.env.DATABASE_URL && !onGenerated) dbs.push(['postgres', process.env.DATABASE_URL]);
const loadBefore = loadavg();
const rows: Row[] = [];
for (const [db, url] of dbs) {
  for (const [file, env] of BENCHES) {
    // restart is the embedded mode's figure (it ignores DATABASE_URL): once, in the PGlite pass.
    if ((only && !only.includes(file)) || (file === 'restart' && db !== 'pglite')) continue;
    const r = await run(file, { ...env, ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '' }), ...(onGenerated ? { BENCH_ON_GENERATED: '1' } : {}) });
    process.stderr.write(`${db} ${file}: ${r.code === 0 ? 'ok' : `exit ${r.code}`} in ${r.secs.toFixed(0)} s, load average ${loadavg()[0]!.toFixed(2)}\n`);
    if (process.env.BENCH_VERBOSE === '1')
      process.stderr.write(
        r.out
          .split('\n')
          .filter((l) => l.trim() && !l.startsWith('RESULT '))
          .map((l) => `  ${l}\n`)
          .join(''),
      );
    const results = r.out
      .split('\n')
      .filter((l) => l.startsWith('RESULT '))
      .map((l) => JSON.parse(l.slice(7)));
    for (const x of results)
      rows.push({
        figure: x.figure,
        value: `${n(x.value)} ${x.unit}`,
        baseline: `${n(x.baseline)} ${x.baselineLabel}`,
        ratio: n(x.ratio),
        goal: x.goal,
        met: x.met === null ? '—' : x.met ? 'yes' : 'NO',
      });
    if (!results.length) {
      const lines = r.out.split('\n').filter((l) => l.trim());
      const note = r.code === 0 ? (lines.filter((l) => /ratio/i.test(l)).at(-1) ?? lines.at(-1) ?? '') : `failed: ${lines.at(-1) ?? ''}`;
      rows.push({ figure: `${file} (${db})`, value: note.trim().slice(0, 110), baseline: '', ratio: '', goal: '—', met: r.code === 0 ? '—' : 'FAILED' });
    }
  }
}

const cols: Array<keyof Row> = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
const width = (c: keyof Row) => Math.max(c.length, ...rows.map((r) => r[c].length));
const line = (r: Row) => `| ${cols.map((c) => r[c].padEnd(width(c))).join(' | ')} |`;
console.log(
  `\n${onGenerated ? `on the generated database ${new URL(process.env.DATABASE_URL!).pathname.slice(1)}; ` : ''}BENCH_SCALE=${SCALE}; load average at start ${loadBefore.map((x) => x.toFixed(2)).join(', ')}, at end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}\n`,
);
console.log(line({ figure: 'figure', value: 'value', baseline: 'baseline', ratio: 'ratio', goal: 'goal', met: 'met' }));
console.log(`|${cols.map((c) => '-'.repeat(width(c) + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
