import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.ts';
import { arbitraryOf, HOSTILE_STRINGS, type JsonSchema } from './schema-arbitrary.ts';

/**
 * The fuzzing promise: every write and list endpoint, driven by input generated from its own
 * schema in /openapi.json (hostile leaves mixed in), as staff (a county clerk and the
 * administrator, with session and CSRF token) and anonymously for the portal, answers below 500,
 * and a refused write leaves every table's row count as it was.
 *
 *   FUZZ_SEED=<seed> FUZZ_RUNS=<requests per route> vitest run tests/fuzz
 *
 * The seed is printed; a failure lists the request so it replays.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);

/** Routes that end or change the fuzzing user's own session or credentials. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/me/password', 'POST /api/me/totp/setup', 'POST /api/me/totp/enable', 'POST /api/me/totp/disable']);
/** Downloads (the same handlers as their JSON list) and the slow demo-wide refresh: not lists of their own. */
const SKIP_GET = /\.(xlsx|docx|pdf|csv|zip)$|\/download$|^\/api\/report\/metrics/;
/** Tables a refused request may legitimately write: logs of who tried what. */
const LOG_TABLE = /audit|log|session|attempt|rate|throttle|pow|notification_read/;

type Param = { in: string; name: string; required?: boolean; schema?: JsonSchema };
type Operation = { summary?: string; parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type Route = { method: string; path: string; op: Operation };
type Failure = { route: string; url: string; body?: unknown; status: number; why: string };

let t: TestApp;
let staff: Session[];
let routes: Route[];
let countSql: string;
/** Ids of real cases (ordered by reference number, so a seed picks the same ones again): path ids reach past 404. */
let caseIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  staff = [await t.login('ld-mzj'), await t.login('admin')];
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => ({ method: m.toUpperCase(), path, op })))
    .filter((r) => !SKIP.has(`${r.method} ${r.path}`) && !(r.method === 'GET' && SKIP_GET.test(r.path)))
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
  caseIds = (await sql<{ id: string }>`select id from core.case order by ref_no, id limit 300`.execute(t.ctx.db)).rows.map((r) => r.id);
  const tables = (
    await sql<{ t: string }>`select table_schema || '.' || table_name as t from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'pgboss') order by 1`.execute(t.ctx.db)
  ).rows
    .map((r) => r.t)
    .filter((name) => !LOG_TABLE.test(name));
  countSql = tables
    .map(
      (n) =>
        `select '${n}' as t, count(*)::int as n from ${n
          .split('.')
          .map((p) => `"${p}"`)
          .join('.')}`,
    )
    .join(' union all ');
  console.log(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} over ${routes.length} routes, ${tables.length} tables counted`);
}, 120_000);
afterAll(async () => t?.close());

async function counts(): Promise<Record<string, number>> {
  const r = await sql.raw<{ t: string; n: number }>(countSql).execute(t.ctx.db);
  return Object.fromEntries(r.rows.map((row) => [row.t, Number(row.n)]));
}

const isPortal = (path: string) => path.startsWith('/api/public/') || path.startsWith('/api/portal/');

/** One generated request for a route: path and query parameters and, for a write, a JSON body. */
function requestArb(r: Route) {
  const params = r.op.parameters ?? [];
  const bodySchema = r.op.requestBody?.content?.['application/json']?.schema;
  const value = (p: Param) =>
    arbitraryOf(p.schema, 0.2).map((v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)));
  const pathValue = (p: Param) => (p.schema?.format === 'uuid' && caseIds.length ? fc.oneof(value(p), fc.constantFrom(...caseIds)) : value(p));
  const path = fc.record(Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(p)])));
  const query = fc.record(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, value(p)])), { requiredKeys: [] });
  const body = r.method === 'GET' || r.method === 'DELETE' ? fc.constant(undefined) : arbitraryOf(bodySchema ?? { type: 'object' }, 0.15);
  return fc.record({ path, query, body, who: fc.nat(staff.length) });
}

/** Percent-encoding that still sends a lone surrogate (as the bytes ED A0 80, which no encoder would produce). */
const pct = (v: string) => Array.from(v, (ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

function urlOf(r: Route, path: Record<string, string>, query: Record<string, string>) {
  const p = r.path.replace(/\{(\w+)\}/g, (_m, k: string) => pct(path[k] || 'x'));
  const q = Object.entries(query)
    .map(([k, v]) => `${pct(k)}=${pct(v)}`)
    .join('&');
  return q ? `${p}?${q}` : p;
}

/** A multipart/form-data body: text fields, then one file whose name is sent RFC 5987-encoded (any character survives). */
function multipartBody(fields: Array<[string, string]>, fileField: string, fileName: string) {
  const boundary = '----mzFuzzBoundary';
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename*=UTF-8''${pct(fileName)}\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz\r\n--${boundary}--\r\n`,
  );
  return { payload: Buffer.from(parts.join('')), contentType: `multipart/form-data; boundary=${boundary}` };
}

let remote = 0;
async function send(r: Route, url: string, body: unknown, who: number) {
  const anonymous = isPortal(r.path) || who === staff.length;
  const s = staff[who % staff.length]!;
  return t.app.inject({
    method: r.method as 'GET',
    url,
    remoteAddress: `10.${200 + (remote % 50)}.${(remote >> 8) & 255}.${remote++ & 255}`,
    headers: anonymous ? {} : { cookie: s.cookie, ...(r.method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

describe(`fuzzing every write and list endpoint (FUZZ_SEED=${SEED})`, () => {
  it('answers every generated request below 500, and a refused write changes no row count', async () => {
    const failures: Failure[] = [];
    let requests = 0;
    const started = Date.now();
    for (const [i, r] of routes.entries()) {
      const samples = fc.sample(requestArb(r), { seed: SEED + i, numRuns: RUNS });
      for (const { path, query, body, who } of samples) {
        const url = urlOf(r, path as Record<string, string>, query as Record<string, string>);
        const write = r.method !== 'GET';
        const before = write ? await counts() : undefined;
        const res = await send(r, url, body, who);
        requests++;
        const route = `${r.method} ${r.path}`;
        if (res.statusCode >= 500) failures.push({ route, url, body, status: res.statusCode, why: res.body.slice(0, 300) });
        else if (write && res.statusCode >= 400) {
          const after = await counts();
          const changed = Object.keys(after).filter((k) => after[k] !== before![k]);
          if (changed.length) failures.push({ route, url, body, status: res.statusCode, why: `refused but wrote: ${changed.join(', ')}` });
        }
      }
    }
    console.log(
      `fuzz: ${requests} requests over ${routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failures (FUZZ_SEED=${SEED})`,
    );
    for (const f of failures.slice(0, 30))
      console.log(`fuzz failure: ${f.status} ${f.route}\n  url: ${f.url}\n  body: ${JSON.stringify(f.body)?.slice(0, 300)}\n  ${f.why}`);
    expect(failures.map((f) => `${f.status} ${f.route}: ${f.why.slice(0, 120)}`)).toEqual([]);
  }, 600_000);

  it('answers every generated multipart upload below 500 (file names and fields), and a refused one changes no row count', async () => {
    const failures: Failure[] = [];
    const uploads = routes.filter((r) => r.method === 'POST' && /multipart/.test(r.op.summary ?? ''));
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    let requests = 0;
    for (const [i, r] of uploads.entries()) {
      const summary = r.op.summary ?? '';
      const fileField = /\bfiles\b/.test(summary) ? 'files' : 'file';
      const fields = [...new Set(summary.match(/\b(?!multipart|files?|pow|challenge|nonce|JSON|MB|xlsx|csv)[a-zA-Z]{4,}\b/g) ?? [])];
      const bodySchema = r.op.requestBody?.content?.['application/json']?.schema;
      const arb = fc.record({
        req: requestArb(r),
        fileName: fc.oneof(
          fc.string({ maxLength: 60, unit: 'grapheme' }),
          fc.constantFrom(...HOSTILE_STRINGS).map((h) => `${h}.pdf`),
        ),
        values: fc.tuple(
          ...fields.map((f) =>
            f === 'petition'
              ? arbitraryOf(bodySchema, 0.15).map((v) => JSON.stringify(v) ?? '')
              : fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...HOSTILE_STRINGS)),
          ),
        ),
      });
      for (const { req, fileName, values } of fc.sample(arb, { seed: SEED + 10_000 + i, numRuns: RUNS * 3 })) {
        const url = urlOf(r, req.path as Record<string, string>, {});
        const { payload, contentType } = multipartBody(
          fields.map((f, k) => [f, values[k] as string]),
          fileField,
          fileName,
        );
        const before = await counts();
        const anonymous = isPortal(r.path) || req.who === staff.length;
        const s = staff[req.who % staff.length]!;
        const res = await t.app.inject({
          method: 'POST',
          url,
          payload,
          remoteAddress: `10.199.${(remote >> 8) & 255}.${remote++ & 255}`,
          headers: { 'content-type': contentType, ...(anonymous ? {} : { cookie: s.cookie, 'x-csrf-token': s.csrf }) },
        });
        requests++;
        const route = `multipart ${r.path}`;
        if (res.statusCode >= 500) failures.push({ route, url, body: { fileName, values }, status: res.statusCode, why: res.body.slice(0, 300) });
        else if (res.statusCode >= 400) {
          const after = await counts();
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length)
            failures.push({ route, url, body: { fileName, values }, status: res.statusCode, why: `refused but wrote: ${changed.join(', ')}` });
        }
      }
    }
    console.log(`fuzz: ${requests} multipart uploads over ${uploads.length} routes, ${failures.length} failures (FUZZ_SEED=${SEED})`);
    for (const f of failures.slice(0, 30))
      console.log(`fuzz failure: ${f.status} ${f.route}\n  url: ${f.url}\n  body: ${JSON.stringify(f.body)?.slice(0, 300)}\n  ${f.why}`);
    expect(failures.map((f) => `${f.status} ${f.route}: ${f.why.slice(0, 120)}`)).toEqual([]);
  }, 600_000);
});
