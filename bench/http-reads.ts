/**
 * Authenticated reads over HTTP against a hello-world Fastify route started in the same run:
 * GET /api/me, /api/petitions (scoped list, first page) and /api/worklist, each driven by a
 * keep-alive load loop (BENCH_CONNECTIONS concurrent requests, BENCH_SECONDS each) running in a
 * worker thread, with the servers on the main thread. Goals from issue 18: /api/me ≥ 0.3 of
 * hello-world, the lists ≥ 0.15. Run: `node bench/http-reads.ts` (PGlite) or with DATABASE_URL.
 */
import Fastify from 'fastify';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fmt, openBenchDb, result } from './lib.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

type Load = { url: string; cookie?: string; seconds: number; connections: number };

if (!isMainThread) {
  // The load loop: `connections` requests in flight, each reissued as soon as it answers.
  const { url, cookie, seconds, connections } = workerData as Load;
  const headers = cookie ? { cookie } : undefined;
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  let bad = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const r = await fetch(url, { headers });
        await r.arrayBuffer();
        if (r.status === 200) ok++;
        else bad++;
      }
    }),
  );
  parentPort!.postMessage({ ok, bad, rate: ok / seconds });
} else {
  const load = (l: Load) =>
    new Promise<{ ok: number; bad: number; rate: number }>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: l });
      w.once('message', resolve);
      w.once('error', reject);
    });

  const { ctx, handle, close } = await openBenchDb({ demo: true });
  const { buildApp } = await import('../src/server/app.ts');
  const { DEMO_PASSWORD } = await import('../src/kernel/identity/seed-demo-users.ts');
  const app = await buildApp(ctx, { serveWeb: false });
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const hello = Fastify({ logger: false });
  hello.get('/hello', async () => ({ hello: 'world' }));
  const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 });

  const user = process.env.BENCH_USER ?? 'xq-mzj';
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${user}: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('mz_session='))!
    .split(';')[0]!;

  const run = (url: string, withCookie: boolean) => load({ url, cookie: withCookie ? cookie : undefined, seconds: SECONDS, connections: CONNECTIONS });
  await run(`${helloUrl}/hello`, false); // warm both servers and the JIT
  const base = await run(`${helloUrl}/hello`, false);
  console.log(`db=${handle.kind} user=${user} ${CONNECTIONS} connections × ${SECONDS} s per endpoint`);
  console.log(`baseline hello-world: ${fmt(base.rate, 0)} req/s`);
  const goals: Record<string, number> = { '/api/me': 0.3, '/api/petitions': 0.15, '/api/worklist': 0.15 };
  for (const [path, goal] of Object.entries(goals)) {
    await run(`${appUrl}${path}`, true);
    const r = await run(`${appUrl}${path}`, true);
    const ratio = r.rate / base.rate;
    console.log(`GET ${path}: ${fmt(r.rate, 0)} req/s (${r.bad} not 200), ratio ${fmt(ratio, 3)} (goal ≥ ${goal})`);
    if (r.bad) throw new Error(`GET ${path} answered ${r.bad} requests with an error`);
    result({
      figure: `GET ${path} (${handle.kind})`,
      value: r.rate,
      unit: 'req/s',
      baseline: base.rate,
      baselineLabel: 'hello-world req/s',
      ratio,
      goal: `≥ ${goal}`,
      met: ratio >= goal,
    });
  }
  await hello.close();
  await app.close();
  await close();
}
