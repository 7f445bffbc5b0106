/**
 * 四级四同 diff at provincial scale: a catalogue of BENCH_ITEMS items (default 400, every department's
 * items, not only 民政), implementation lists at the region, 5 cities, 22 counties and
 * BENCH_TOWNS townships per county (default 12), about 60,000 rows, with 1% renamed, 1% missing and a
 * few duplicated. Times diffArea for the whole region (the query behind GET /api/catalogue/diff)
 * against a plain join of the same rows with their catalogue items, in the same run, and prints the
 * p50s and their ratio. Run with DATABASE_URL (PostgreSQL): the issue asks for < 1 s.
 * With --on-generated (or BENCH_ON_GENERATED=1): the offices are the 民政 units of the generated database's province
 * with most cases, down to its townships (no areas or units added); catalogue, offices and lists removed at the end.
 */
import { sql } from 'kysely';
import { diffArea } from '../src/modules/catalogue/queries/diff.ts';
import { busiestProvince, fmt, openBench, percentile, timeRuns } from './lib.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 400);
const TOWNS = Number(process.env.BENCH_TOWNS ?? 12);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const { ctx, handle, close, generated } = await openBench();
try {
  const db = ctx.db;
  const province = generated ? await busiestProvince(ctx) : '640000';
  const t0 = performance.now();
  const vid = '00000000-0000-4000-8000-00000000b001';
  await sql`insert into catalogue.version (id, number, title, effective_on, status, drafted_by_name, created_at)
  values (${vid}, 1, '基准目录', '2020-01-01', 'published', '基准', now())`.execute(db);
  await sql`insert into catalogue.item (id, version_id, base_code, kind, name, type_code, legal_basis, levels, sort)
  select gen_random_uuid(), ${vid}, '00' || lpad((1 + g % 10)::text, 2, '0') || lpad(g::text, 8, '0'), '主项', '基准事项' || g,
    lpad((1 + g % 10)::text, 2, '0'), '《某条例》第' || (g % 90 + 1) || '条',
    case when g % 2 = 0 then array['2','3','4','5'] when g % 5 = 0 then array['2','3'] else array['3','4'] end, g
  from generate_series(1, ${ITEMS}) g`.execute(db);
  if (!generated) {
    await sql`insert into core.area (code, name, level, parent_code, path)
  select c.code || lpad((200 + t)::text, 3, '0'), c.name || '基准镇' || t, 4, c.code, c.path || '.' || c.code || lpad((200 + t)::text, 3, '0')
  from core.area c cross join generate_series(1, ${TOWNS}) t where c.level = 3`.execute(db);
    await sql`insert into core.org_unit (id, code, name, kind, area_code, area_path)
  select gen_random_uuid(), a.code || '-bench', a.name || '政务服务机构', 'other', a.code, a.path from core.area a where a.level <= 4`.execute(db);
  }
  await sql`insert into catalogue.office (id, org_unit_id, name, uscc, level, area_code, area_path, created_at)
  select gen_random_uuid(), o.id, o.name, '11' || substr(a.code, 1, 6) || lpad(row_number() over ()::text, 9, '0') || '1', (a.level + 1)::text, a.code, a.path, now()
  from core.org_unit o join core.area a on a.code = o.area_code
  where ${generated ? sql`o.kind <> 'division' and a.level <= 4 and (a.path = ${province} or a.path like ${province + '.%'})` : sql`o.code like '%-bench'`}`.execute(
    db,
  );
  await sql`insert into catalogue.implementation (id, office_id, org_unit_id, area_code, area_path, version_id, base_code, impl_code, name, type_code,
    legal_basis, case_kind, depth, visits, updated_by_name, updated_at, created_at)
  select gen_random_uuid(), o.id, o.org_unit_id, o.area_code, o.area_path, i.version_id, i.base_code, o.uscc || o.level || i.base_code, i.name,
    i.type_code, i.legal_basis, '承诺件', '全程网办', 0, '基准', now(), now()
  from catalogue.office o join catalogue.item i on o.level = any(i.levels)`.execute(db);
  await sql`delete from catalogue.implementation where ('x' || substr(md5(id::text), 1, 8))::bit(32)::int % 100 = 0`.execute(db);
  await sql`update catalogue.implementation set name = name || '(旧)' where ('x' || substr(md5(id::text), 9, 8))::bit(32)::int % 100 = 1`.execute(db);
  // 重项: a second body (e.g. a 行政审批局) in every 30th area implements every 7th of that area's items again.
  await sql`insert into catalogue.office (id, org_unit_id, name, uscc, level, area_code, area_path, created_at)
  select gen_random_uuid(), org_unit_id, name || '(审批局)', left(uscc, 17) || 'Y', level, area_code, area_path, now()
  from catalogue.office where ('x' || substr(md5(id::text), 1, 8))::bit(32)::int % 30 = 0`.execute(db);
  await sql`insert into catalogue.implementation (id, office_id, org_unit_id, area_code, area_path, version_id, base_code, impl_code, name, type_code,
    legal_basis, case_kind, depth, visits, updated_by_name, updated_at, created_at)
  select gen_random_uuid(), o.id, m.org_unit_id, m.area_code, m.area_path, m.version_id, m.base_code, o.uscc || o.level || m.base_code, m.name,
    m.type_code, m.legal_basis, m.case_kind, m.depth, m.visits, m.updated_by_name, m.updated_at, m.created_at
  from catalogue.office o join catalogue.implementation m on m.area_code = o.area_code and m.office_id <> o.id
  where o.uscc like '%Y' and ('x' || substr(md5(m.id::text), 17, 8))::bit(32)::int % 7 = 0`.execute(db);
  for (const t of generated
    ? ['catalogue.item', 'catalogue.office', 'catalogue.implementation']
    : ['catalogue.item', 'catalogue.office', 'catalogue.implementation', 'core.area'])
    await sql`analyze ${sql.raw(t)}`.execute(db);
  const loadS = (performance.now() - t0) / 1000;
  const rows = (await sql<{ n: number }>`select count(*)::int as n from catalogue.implementation`.execute(db)).rows[0]!.n;
  const region = (await sql<{ code: string; name: string; path: string }>`select code, name, path from core.area where code = ${province}`.execute(db))
    .rows[0]!;
  const version = { id: vid, number: 1, title: '基准目录' };

  const time = (fn: () => Promise<unknown>) => timeRuns(fn, RUNS, 2);
  const join = await time(() =>
    sql`select m.id, m.area_code, m.impl_code, m.name, m.type_code, m.legal_basis, c.name as c_name, c.type_code as c_type, c.legal_basis as c_basis
    from catalogue.implementation m join catalogue.item c on c.version_id = ${vid} and c.base_code = m.base_code
    where (m.area_path = ${region.path} or m.area_path like ${region.path + '.%'}) and m.status = 'active'`.execute(db),
  );
  let summary = {} as Awaited<ReturnType<typeof diffArea>>['summary'];
  const diff = await time(async () => (summary = (await diffArea(db, region, version)).summary));
  const j50 = percentile(join, 50);
  const d50 = percentile(diff, 50);
  console.log(
    `db=${handle.kind}${generated ? ` (generated, ${region.name})` : ''} items=${ITEMS} offices=${summary.areas} rows=${rows} loaded in ${fmt(loadS)} s`,
  );
  console.log(`found: 漏项 ${summary.missing}, 重项 ${summary.duplicate}, 错项 ${summary.wrong}`);
  console.log(`plain join of the same rows: p50 ${fmt(j50, 1)} ms, p95 ${fmt(percentile(join, 95), 1)} ms`);
  console.log(`四级四同 diff (whole region): p50 ${fmt(d50, 1)} ms, p95 ${fmt(percentile(diff, 95), 1)} ms, ratio p50/join ${fmt(d50 / j50, 2)}`);
} finally {
  await close();
}
