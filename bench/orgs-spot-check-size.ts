/**
 * What the 双随机 spot-check pages cost to load at national scale: N organizations (default 900,000) of one
 * registrar, a 5% plan committed, drawn and revealed; then the public routes the portal's 复核 page calls, through
 * the app (inject): the detail, a page of the drawn list, a page of the population (search included), the re-run
 * (verify), and the population download (the fingerprinted text for re-running offline). Prints bytes and time of
 * each; routes the running code does not have print "—". Then the name search within the frozen population (trigram
 * index; see below): BENCH_RUNS (default 20) searches for one
 * organization's full name through the public route, against a plain indexed lookup through the same route (the
 * organization's USCC: a range of the population's USCC key), medians and ratio, and the plan of the name predicate
 * (since migration 20261217000000 over the registry's names and trigram index, joined to the population by USCC).
 * Run with DATABASE_URL (PostgreSQL) or on PGlite.
 * With --on-generated (or BENCH_ON_GENERATED=1): the plan is drawn by the generated database's registration authority
 * with most organizations, from its generated organizations, and the names searched are theirs; all removed at the end.
 */
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { commitSpotCheck, revealSpotCheckSeed, runSpotCheckDraw } from '../src/modules/orgs/spot-check/spot-check-plan.ts';
import { actorAt, benchOfficers, busiestRegistrar, fmt, openBench, percentile } from './lib.ts';

let N = Number(process.env.BENCH_ORGS ?? 900_000);
const { ctx, handle, close, generated } = await openBench();
try {
  const registrar = generated ? await busiestRegistrar(ctx) : null;
  const region = await actorAt(ctx, registrar?.code ?? '640000-mzt', ['orgs.read', 'orgs.register']);
  if (registrar) N = registrar.orgs;
  else {
    await sql`insert into orgs.organization (id, kind, name, name_key, uscc, authority_org_unit_id, authority_area_code, authority_area_path,
    domicile, legal_representative, business_scope, capital_cents, registered_on)
  select gen_random_uuid(), 'social_group', '基准社会组织' || g || '协会', 'k' || g, '51640000MJ' || lpad(g::text, 7, '0') || '0',
         ${region.orgUnitId}, '640000', '640000', '住所', '法定代表人', '业务范围', 3000000, date '1995-01-01' + (g % 9000)::int
  from generate_series(1, ${N}) g`.execute(ctx.db);
    await sql`analyze orgs.organization`.execute(ctx.db);
  }
  const inspectors = (await benchOfficers(ctx, region.orgUnitId, 40)).map((officerId) => ({ officerId, conflicts: [] }));
  const c = await commitSpotCheck(ctx, region, { kind: 'plan', year: 2026, title: '基准抽查', ratio: 0.05, count: null, perTeam: 2, inspectors });
  await runSpotCheckDraw(ctx, region, c.id);
  await revealSpotCheckSeed(ctx, region, c.id);
  const app = await buildApp(ctx);
  const base = `/api/public/orgs/spot-checks/${c.id}`;
  console.log(`db=${handle.kind}${registrar ? ` (generated, registrar ${registrar.code})` : ''} organizations=${N} spot check 5%`);
  const RUNS = Number(process.env.BENCH_RUNS ?? 20);
  // The names and USCCs searched: the benchmark's own numbered ones, or generated organizations of the population.
  const searched = registrar
    ? (
        await sql<{
          name: string;
          uscc: string;
        }>`select o.name, o.uscc from orgs.spot_check_population p join orgs.organization o on o.uscc = p.uscc collate "C"
        where p.spot_check_id = ${c.id} order by md5(o.uscc) limit ${RUNS}`.execute(ctx.db)
      ).rows
    : Array.from({ length: RUNS }, (_, i) => {
        const g = 1 + ((i * 7919 + 12345) % N);
        return { name: `基准社会组织${g}协会`, uscc: `51640000MJ${String(g).padStart(7, '0')}0` };
      });
  for (const url of [
    base,
    `${base}/items?page=1&pageSize=20`,
    `${base}/population?page=1&pageSize=20`,
    `${base}/population?q=${encodeURIComponent(registrar ? searched[0]!.name : '基准社会组织12345')}`,
    `${base}/verify`,
    `${base}/population.txt`,
  ]) {
    const a = performance.now();
    const r = await app.inject({ method: 'GET', url });
    const ms = performance.now() - a;
    const size = r.statusCode === 404 && r.json().code === 'ROUTE_NOT_FOUND' ? '—' : `${fmt(r.rawPayload.length, 0)} bytes`;
    console.log(`GET ${url.replace(c.id, ':id')} → ${r.statusCode} ${size} in ${fmt(ms, 0)} ms${r.statusCode >= 500 ? `: ${r.body.slice(0, 200)}` : ''}`);
  }
  const nameMs: number[] = [];
  const codeMs: number[] = [];
  const timed = async (url: string, expect: string) => {
    const a = performance.now();
    const r = await app.inject({ method: 'GET', url });
    const ms = performance.now() - a;
    const first = (r.json() as { items: { name: string; uscc: string }[] }).items[0];
    if (r.statusCode !== 200 || (first?.name !== expect && first?.uscc !== expect)) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return ms;
  };
  for (const { name, uscc } of searched) {
    nameMs.push(await timed(`${base}/population?q=${encodeURIComponent(name)}`, name));
    codeMs.push(await timed(`${base}/population?q=${uscc}`, uscc));
  }
  const nameQ = registrar ? searched[0]!.name : '基准社会组织12345协会';
  const plan = (
    await sql<{ 'QUERY PLAN': string }>`explain select p.uscc from orgs.organization o
    join orgs.spot_check_population p on p.spot_check_id = ${c.id} and p.uscc collate "C" = o.uscc
    where o.name like ${`%${nameQ}%`} or ${nameQ} <% o.name`.execute(ctx.db)
  ).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  const med = (xs: number[]) => percentile(xs, 50);
  console.log(
    `population name search (${searched.length} names): median ${fmt(med(nameMs), 0)} ms, p95 ${fmt(percentile(nameMs, 95), 0)} ms; USCC lookup (index range) median ${fmt(med(codeMs), 0)} ms; ratio ${fmt(med(nameMs) / med(codeMs), 1)}; plan uses the registry's trigram index: ${plan.includes('organization_name_trgm_idx') ? 'yes' : 'no'}`,
  );
  await app.close();
} finally {
  await close();
}
