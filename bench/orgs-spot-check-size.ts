/**
 * What the 双随机 spot-check pages cost to load at national scale: N organizations (default 900,000) of one
 * registrar, a 5% plan committed, drawn and revealed; then the public routes the portal's 复核 page calls, through
 * the app (inject): the detail, a page of the drawn list, a page of the population (search included), the re-run
 * (verify), and the population download (the fingerprinted text for re-running offline). Prints bytes and time of
 * each; routes the running code does not have print "—". Run with DATABASE_URL (PostgreSQL) or on PGlite.
 */
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { commitSpotCheck, revealSpotCheckSeed, runSpotCheckDraw } from '../src/modules/orgs/spot-check/spot-check-plan.ts';
import { actorAt, fmt, openBenchDb } from './lib.ts';

const N = Number(process.env.BENCH_ORGS ?? 900_000);
const { ctx, handle, close } = await openBenchDb();
const region = await actorAt(ctx, '640000-mzt', ['orgs.read', 'orgs.register']);
await sql`insert into orgs.organization (id, kind, name, name_key, uscc, authority_org_unit_id, authority_area_code, authority_area_path,
    domicile, legal_representative, business_scope, capital_cents, registered_on)
  select gen_random_uuid(), 'social_group', '基准社会组织' || g || '协会', 'k' || g, '51640000MJ' || lpad(g::text, 7, '0') || '0',
         ${region.orgUnitId}, '640000', '640000', '住所', '法定代表人', '业务范围', 3000000, date '1995-01-01' + (g % 9000)::int
  from generate_series(1, ${N}) g`.execute(ctx.db);
await sql`analyze orgs.organization`.execute(ctx.db);
const inspectors = Array.from({ length: 40 }, (_, i) => ({ name: `检查员${i + 1}`, conflicts: [] }));
const c = await commitSpotCheck(ctx, region, { kind: 'plan', year: 2026, title: '基准抽查', ratio: 0.05, count: null, perTeam: 2, inspectors });
await runSpotCheckDraw(ctx, region, c.id);
await revealSpotCheckSeed(ctx, region, c.id);
const app = await buildApp(ctx);
const base = `/api/public/orgs/spot-checks/${c.id}`;
console.log(`db=${handle.kind} organizations=${N} spot check 5%`);
for (const url of [
  base,
  `${base}/items?page=1&pageSize=20`,
  `${base}/population?page=1&pageSize=20`,
  `${base}/population?q=基准社会组织12345`,
  `${base}/verify`,
  `${base}/population.txt`,
]) {
  const a = performance.now();
  const r = await app.inject({ method: 'GET', url });
  const ms = performance.now() - a;
  const size = r.statusCode === 404 && r.json().code === 'ROUTE_NOT_FOUND' ? '—' : `${fmt(r.rawPayload.length, 0)} bytes`;
  console.log(`GET ${url.replace(c.id, ':id')} → ${r.statusCode} ${size} in ${fmt(ms, 0)} ms`);
}
await app.close();
await close();
