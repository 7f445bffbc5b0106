/**
 * Loopback load test: portal visitors and signed-in staff at once, against the real server in
 * a child process (PostgreSQL with DATABASE_URL — a fresh database with the demo data — else
 * PGlite in a temporary DATA_DIR), then the same connections against a hello-world Fastify for
 * the same-run baseline. Prints p50/p95/p99, errors, and the server's memory: RSS every 5 s and
 * the heap after each full collection (bench/heap-probe.ts, preloaded into the server it starts).
 * Memory is judged flat on the heap after collections over the second half of the run (on RSS
 * only when there are no heap readings, e.g. a server started without the probe): RSS also
 * counts garbage not yet collected and memory the allocator keeps, and the first minutes fill
 * the bounded caches (rate limits: 5,000 addresses per route).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node_modules/.bin/node bench/load.ts \
 *     --duration 600 --portal 200 --staff 50          # the target: p95 < 500 ms, 0 errors, memory flat
 *   … --url http://127.0.0.1:3000 --pid <server pid>  # an already running server instead; its heap is
 *     read too when it was started as `BENCH_HEAP_LOG=<file> node --import ./bench/heap-probe.ts …`
 *     and the bench is given `--heap-log <file>`
 *
 * Visitors come from distinct addresses (X-Forwarded-For through TRUST_PROXY=127.0.0.1), as
 * they would behind the production proxy, so per-address rate limits act as they would there.
 * The server it starts serves a private build of the UI (WEB_DIST), so the portal pages exist
 * whether or not web/dist was built; every route is fetched once before the run, and a route that
 * does not answer 2xx stops the bench rather than being counted as load.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { adminQuery, quoteIdent, withDatabase } from '../tests/helpers/databases.ts';
import { fmt, percentile } from './lib.ts';
import { FLAT_PCT, steadyGrowth, type MemorySample } from './memory.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    portal: { type: 'string', default: '200' },
    staff: { type: 'string', default: '50' },
    baseline: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '10' },
    url: { type: 'string' },
    pid: { type: 'string' },
    'heap-log': { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const PORTAL = Number(args.portal);
const STAFF = Number(args.staff);
const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const PASSWORD = 'Minzheng@2019';

/** A percentile in ms, or a dash when nothing answered at all (every request timed out). */
const ms = (sorted: number[], p: number) => (sorted.length ? fmt(percentile(sorted, p)) : '–');
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
/** CPU seconds the process has used (user + system; /proc counts in ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/**
 * Wait until the fresh server's start-up work (the demo's scheduled jobs: sweeps, folds, notices) has drained: its CPU
 * use stays under 5 % for three seconds in a row (at most `ms`). Measuring before that times the start-up, not the load.
 */
async function settle(pid: number, ms: number) {
  const end = Date.now() + ms;
  let quiet = 0;
  let last = cpuSeconds(pid);
  while (quiet < 3 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuSeconds(pid);
    quiet = now - last < 0.05 ? quiet + 1 : 0;
    last = now;
  }
}
async function waitUp(url: string, child: ChildProcess | null, ms: number) {
  const end = Date.now() + ms;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > end) throw new Error('server did not come up');
    await new Promise((r) => setTimeout(r, 500));
  }
}

// ---- the server under test ----
let base = args.url;
let pid = args.pid ? Number(args.pid) : NaN;
let heapLog = args['heap-log'];
const cleanup: (() => Promise<void> | void)[] = [];
if (!base) {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO: 'on',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '127.0.0.1',
    PII_KEY: '0123456789abcdef0123456789abcdef',
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mz-load-'));
  env.DATA_DIR = dataDir;
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  // The portal pages are part of the load: without a build the server answers them 404.
  env.WEB_DIST = path.join(dataDir, 'web');
  const built = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', env.WEB_DIST], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('vite build failed');
  if (process.env.DATABASE_URL) {
    const name = `mz_load_${process.pid}_${Date.now()}`;
    await adminQuery(process.env.DATABASE_URL, `create database ${quoteIdent(name)}`);
    env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, name);
    cleanup.push(() => adminQuery(process.env.DATABASE_URL!, `drop database if exists ${quoteIdent(name)} with (force)`));
  }
  heapLog = env.BENCH_HEAP_LOG = path.join(dataDir, 'heap.log');
  const probe = pathToFileURL(path.join(ROOT, 'bench/heap-probe.ts')).href;
  const child = spawn(NODE, ['--import', probe, path.join(ROOT, 'src/server/cli.ts'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  cleanup.unshift(async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  });
  pid = child.pid!;
  base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  await waitUp(base + '/api/health', child, 15 * 60_000);
  console.log(`server up (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, demo data) in ${fmt((performance.now() - t0) / 1000)} s, pid ${pid}`);
  const t1 = performance.now();
  await settle(pid, 5 * 60_000);
  console.log(`start-up jobs settled after ${fmt((performance.now() - t1) / 1000)} s more`);
}

try {
  // ---- staff sessions: a few accounts, many connections each (as tabs and colleagues would) ----
  const accounts = ['xq-mzj', 'ld-cgz', 'pl-mzj', 'yc-mzj', 'xj-mzj'];
  const cookies: string[] = [];
  for (const [i, username] of accounts.entries()) {
    const res = await fetch(base + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.200.0.${i + 1}` },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('mz_session='))!;
    cookies.push(set.split(';')[0]!);
  }

  const portalPaths = [
    '/portal/',
    '/portal/dibao/',
    '/api/public/dibao/standard?area=640423100',
    '/api/public/dibao/townships',
    '/api/public/policyqa',
    '/api/public/normdocs',
    '/api/public/hall/items',
    '/api/public/disclosure/catalogue',
    '/api/public/community/stations',
    '/api/public/proposals/replies?year=2019',
  ];
  const staffPaths = ['/api/me', '/api/worklist', '/api/notifications', '/api/dibao/applications', '/api/petitions', '/api/dibao/households'];
  // Pre-flight: every route answers 2xx once, or the figures would measure error pages.
  for (const [p, cookie] of [...portalPaths.map((p) => [p, undefined]), ...staffPaths.map((p) => [p, cookies[0]])] as const) {
    const res = await fetch(base + p, { headers: { 'x-forwarded-for': '10.201.0.1', ...(cookie ? { cookie } : {}) } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`pre-flight ${p}: ${res.status} (is the UI built? is the route right?)`);
  }
  let visitor = 0;
  const portalRequests = portalPaths.map((p) => ({
    method: 'GET' as const,
    path: p,
    setupRequest: (req: { headers?: Record<string, string> }) => {
      const n = visitor++;
      // As a browser asks: compressed answers accepted (the station list is 261 KB plain, ~25 KB gzip).
      req.headers = { ...req.headers, 'accept-encoding': 'gzip, deflate, br', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
      return req;
    },
  }));
  let tab = 0;
  const staffRequests = staffPaths.map((p) => ({
    method: 'GET' as const,
    path: p,
    setupRequest: (req: { headers?: Record<string, string> }) => {
      req.headers = { ...req.headers, cookie: cookies[tab++ % cookies.length]! };
      return req;
    },
  }));

  type Run = {
    label: string;
    times: number[];
    byPath: Map<string, number[]>;
    statuses: Map<number, number>;
    /** Requests that got no answer (timeouts included), by kind, and the 10-s stretches they fell in. */
    errors: number;
    kinds: Map<string, number>;
    when: Map<number, number>;
    requests: number;
    seconds: number;
  };
  async function run(label: string, url: string, connections: number, seconds: number, requests?: { path: string }[]): Promise<Run> {
    const times: number[] = [];
    const byPath = new Map<string, number[]>();
    const statuses = new Map<number, number>();
    // autocannon calls a request's onResponse just before its 'response' event (same tick): the
    // path answered is the one named last, which is how each time is put under its route.
    let answered = '/';
    const named = requests?.map((r) => ({ ...r, onResponse: () => void (answered = r.path) }));
    const inst = autocannon({ url, connections, duration: seconds, requests: named as autocannon.Request[] | undefined, timeout: 10 });
    const start = performance.now();
    const kinds = new Map<string, number>();
    const when = new Map<number, number>();
    inst.on('reqError', (e: Error & { code?: string }) => {
      const kind = e.code ?? e.message;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const at = Math.floor((performance.now() - start) / 10_000) * 10;
      when.set(at, (when.get(at) ?? 0) + 1);
    });
    inst.on('response', (_c: unknown, status: number, _bytes: number, ms: number) => {
      times.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const list = byPath.get(answered) ?? byPath.set(answered, []).get(answered)!;
      list.push(ms);
    });
    const r = await inst;
    for (const list of byPath.values()) list.sort((a, b) => a - b);
    return { label, times: times.sort((a, b) => a - b), byPath, statuses, errors: r.errors, kinds, when, requests: times.length, seconds };
  }
  /** Per route, slowest p95 first: where the time goes. */
  const routes = (runs: Run[]) =>
    runs
      .flatMap((r) => [...r.byPath])
      .sort(([, a], [, b]) => percentile(b, 95) - percentile(a, 95))
      .map(([p, t]) => `    ${p.padEnd(44)} ${String(t.length).padStart(7)}  p50 ${ms(t, 50)} ms  p95 ${ms(t, 95)} ms  p99 ${ms(t, 99)} ms`);
  const mixed = (seconds: number) =>
    Promise.all([
      run(`portal ×${PORTAL}`, base, PORTAL, seconds, portalRequests),
      ...(STAFF > 0 ? [run(`staff ×${STAFF}`, base, STAFF, seconds, staffRequests)] : []),
    ]);
  const line = (r: Run) => {
    const bad = [...r.statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    const codes = [...r.statuses].map(([s, c]) => `${s}:${c}`).join(' ');
    return `${r.label.padEnd(12)} ${fmt(r.requests / r.seconds).padStart(7)} req/s  p50 ${ms(r.times, 50)} ms  p95 ${ms(r.times, 95)} ms  p99 ${ms(r.times, 99)} ms  errors ${r.errors + bad} (${codes})`;
  };
  /** Where unanswered requests came from: autocannon counts a timeout among its errors too. */
  const failures = (r: Run) =>
    r.errors
      ? `    ${r.label} unanswered: ${[...r.kinds].map(([k, n]) => `${k} ×${n}`).join(', ')}; in the 10 s from ${[...r.when].map(([s, n]) => `${s} s ×${n}`).join(', ')}`
      : null;

  await mixed(Number(args.warmup)); // JIT, caches, pools
  const rss0 = rssMb(pid);
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  const rss: MemorySample[] = [{ s: 0, mb: rss0 }];
  const timer = setInterval(() => rss.push({ s: since(), mb: rssMb(pid) }), 5000);
  const cpu0 = cpuSeconds(pid);
  const runs = await mixed(DURATION);
  clearInterval(timer);
  const rss1 = rssMb(pid);
  rss.push({ s: since(), mb: rss1 });
  const epoch0 = Date.now() - since() * 1000;
  const cpu = cpuSeconds(pid) - cpu0;
  console.log(`\nload ${DURATION} s on ${base} (${fmt((performance.now() - t0) / 1000)} s wall):`);
  for (const r of runs) console.log('  ' + line(r));
  const all = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const total: Run = {
    label: 'all',
    times: all,
    statuses: new Map(),
    errors: runs.reduce((n, r) => n + r.errors + [...r.statuses].filter(([s]) => s >= 400).reduce((m, [, c]) => m + c, 0), 0),
    kinds: new Map(),
    when: new Map(),
    byPath: new Map(),
    requests: all.length,
    seconds: DURATION,
  };
  console.log('  ' + line(total));
  for (const f of runs.map(failures)) if (f) console.log(f);
  console.log('  per route (requests, latency):');
  for (const l of routes(runs)) console.log(l);
  // What the server spent per answer: steadier than latency on a machine shared with others.
  console.log(
    `  server CPU: ${fmt(cpu)} s in ${DURATION} s (${fmt((cpu / DURATION) * 100)} % of a core), ${fmt((cpu * 1000) / Math.max(1, all.length), 3)} ms per request`,
  );
  console.log(
    `  server RSS: start ${fmt(rss0)} MB, end ${fmt(rss1)} MB, max ${fmt(Math.max(...rss.map((r) => r.mb)))} MB (${fmt(((rss1 - rss0) / rss0) * 100)} %)`,
  );
  console.log(`  RSS every 5 s: ${rss.map((r) => Math.round(r.mb)).join(' ')} MB`);
  // The probe writes what it saw every 5 s: wait for the last collections of the run.
  if (heapLog) await new Promise((r) => setTimeout(r, 5_500));
  const heap: MemorySample[] = (heapLog && existsSync(heapLog) ? readFileSync(heapLog, 'utf8').trim().split('\n') : [])
    .filter(Boolean)
    .map((l) => l.split(' ').map(Number) as [number, number])
    .map(([at, bytes]) => ({ s: (at - epoch0) / 1000, mb: bytes / 2 ** 20 }))
    .filter((h) => h.s >= 0 && h.s <= DURATION + 5);
  console.log(`  heap after each full GC: ${heap.length ? heap.map((h) => `${Math.round(h.s)} s ${Math.round(h.mb)}`).join(', ') + ' MB' : 'no readings'}`);
  // The first minutes fill the caches and the heap grows to its working size; a leak keeps
  // growing in the second half too.
  const steady = DURATION / 2;
  const heapGrowth = steadyGrowth(heap, steady);
  const rssGrowth = steadyGrowth(rss, steady);
  const told = (g: ReturnType<typeof steadyGrowth>, what: string) =>
    g ? `${what} ${fmt(g.startMb)} → ${fmt(g.endMb)} MB (${g.pct >= 0 ? '+' : ''}${fmt(g.pct)} %, ${g.n} readings)` : `${what}: too few readings`;
  console.log(`  steady part (${fmt(steady)}–${DURATION} s, fitted line): ${told(heapGrowth, 'heap after GC')}; ${told(rssGrowth, 'RSS')}`);

  // ---- same-run baseline: hello world on Fastify, the same connections ----
  const hport = await freePort();
  const hello = spawn(
    NODE,
    [
      '--input-type=module',
      '-e',
      `import Fastify from 'fastify'; const a = Fastify(); a.get('/', async () => ({ hello: 'world' })); await a.listen({ port: ${hport}, host: '127.0.0.1' });`,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  try {
    await waitUp(`http://127.0.0.1:${hport}/`, null, 20_000).catch(() => undefined);
    const hb = await run(`hello ×${PORTAL + STAFF}`, `http://127.0.0.1:${hport}/`, PORTAL + STAFF, Number(args.baseline));
    console.log('  ' + line(hb));
    console.log(
      `  ratio to hello world: p95 ×${fmt(percentile(all, 95) / percentile(hb.times, 95))}, throughput ×${fmt(all.length / DURATION / (hb.requests / hb.seconds), 3)}`,
    );
  } finally {
    hello.kill('SIGTERM');
  }
  const p95 = percentile(all, 95);
  const [judged, by] = heapGrowth ? [heapGrowth, 'heap after GC'] : [rssGrowth, 'RSS'];
  const flat = !!judged && judged.pct < FLAT_PCT;
  console.log(
    `\ntargets: p95 < 500 ms ${p95 < 500 ? 'met' : 'MISSED'} (${fmt(p95)}), 0 errors ${total.errors === 0 ? 'met' : 'MISSED'} (${total.errors}), ` +
      `memory flat (${by} over the second half < ${FLAT_PCT} %) ${flat ? 'met' : 'MISSED'}`,
  );
} finally {
  for (const c of cleanup) await c();
}
