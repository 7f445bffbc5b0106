/**
 * Authenticated reads over HTTP against a hello-world Fastify route started in the same run:
 * GET /api/me, /api/petitions (scoped list, first page) and /api/worklist, each driven by a
 * keep-alive load loop (BENCH_CONNECTIONS concurrent requests, BENCH_SECONDS each) running in a
 * worker thread, with the servers on the main thread. Goals from issue 18: /api/me ≥ 0.3 of
 * hello-world, the lists ≥ 0.15. Run: `node bench/http-reads.ts` (PGlite) or with DATABASE_URL.
 * With --on-generated (or BENCH_ON_GENERATED=1) the app serves the generated database: the user is a clerk of its county
 * bureau with most cases (its worklist reads the generated cases), the petitions listed are that county's generated
 * 信访 cases with their petition rows written on top; user, sessions and petition rows are removed at the end.
 */
import Fastify from 'fastify';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { busiestCountyBureaus, fmt, openBench, result } from './lib.ts';

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
  let firstError = '';
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const r = await fetch(url, { headers });
        const body = await r.text();
        if (r.status === 200) ok++;
        else {
          bad++;
          firstError ||= `${r.status} ${body.slice(0, 300)}`;
        }
      }
    }),
  );
  parentPort!.postMessage({ ok, bad, rate: ok / seconds, firstError });
} else {
  const load = (l: Load) =>
    new Promise<{ ok: number; bad: number; rate: number; firstError: string }>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: l });
      w.once('message', resolve);
      w.once('error', reject);
    });

  const { ctx, handle, close, generated } = await openBench({ demo: true });
  try {
    const { buildApp } = await import('../src/server/app.ts');
    const { DEMO_PASSWORD } = await import('../src/kernel/identity/seed-demo-users.ts');
    const app = await buildApp(ctx, { serveWeb: false });
    const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const hello = Fastify({ logger: false });
    hello.get('/hello', async () => ({ hello: 'world' }));
    const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 });

    let user = process.env.BENCH_USER ?? 'xq-mzj';
    if (generated) {
      // A clerk of the busiest county bureau, and petition rows for the generated 信访 cases of its county.
      const bureau = (await busiestCountyBureaus(ctx))[0]!;
      const { createUserAsSystem } = await import('../src/kernel/identity/commands/create-user.ts');
      const unit = (await sql<{ id: string }>`select id from core.org_unit where code = ${bureau.code}`.execute(ctx.db)).rows[0]!;
      user = 'bench-clerk';
      await createUserAsSystem(ctx, {
        username: user,
        displayName: '基准测试',
        orgUnitId: unit.id,
        phone: '13900000000',
        password: DEMO_PASSWORD,
        roles: [{ roleCode: 'clerk', scope: 'subtree' }],
        mustChangePassword: false,
        isDemo: true,
      });
      const petitions = await sql`insert into petitions.petition (case_id, channel, category, subject, concerned_area_code, concerned_area_path, content)
      select id, '来信', '申诉求决', '低保', area_code, area_path, '生成数据' from core.case
      where type = 'petition' and (area_path = ${bureau.areaPath} or area_path like ${bureau.areaPath + '.%'})`.execute(ctx.db);
      console.log(`generated database: user ${user} at ${bureau.code}; petition rows written for its county's ${petitions.numAffectedRows} 信访 cases`);
    }
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
    console.log(`db=${handle.kind}${generated ? ' (generated)' : ''} user=${user} ${CONNECTIONS} connections × ${SECONDS} s per endpoint`);
    console.log(`baseline hello-world: ${fmt(base.rate, 0)} req/s`);
    const goals: Record<string, number> = { '/api/me': 0.3, '/api/petitions': 0.15, '/api/worklist': 0.15 };
    for (const [path, goal] of Object.entries(goals)) {
      await run(`${appUrl}${path}`, true);
      const r = await run(`${appUrl}${path}`, true);
      const ratio = r.rate / base.rate;
      console.log(`GET ${path}: ${fmt(r.rate, 0)} req/s (${r.bad} not 200), ratio ${fmt(ratio, 3)} (goal ≥ ${goal})`);
      // On the generated database an error is a finding about its rows: reported in the table, the other routes still run.
      if (r.bad && !generated) throw new Error(`GET ${path} answered ${r.bad} requests with an error, the first: ${r.firstError}`);
      result({
        figure: `GET ${path} (${handle.kind}${generated ? ', generated' : ''}${r.bad ? `; ${r.bad} answers not 200, the first ${r.firstError.slice(0, 60)}` : ''})`,
        value: r.rate,
        unit: 'req/s',
        baseline: base.rate,
        baselineLabel: 'hello-world req/s',
        ratio,
        goal: `≥ ${goal}`,
        met: ratio >= goal && !r.bad,
      });
    }
    await hello.close();
    await app.close();
  } finally {
    await close();
  }
}
