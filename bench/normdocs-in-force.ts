/**
 * 规范性文件 "现行有效" on a date (GET /api/public/normdocs?on=…): N published documents (default 20,000,
 * decades of the 厅 and five city bureaus) with one version each, about a third in force on any day;
 * the public query (published, effective and within 有效期 on the day, with issuer and current text)
 * for random days, against a plain indexed scan of the same rows (ids and numbers only) in the same run.
 * Prints p50/p95 of both and the ratio. PGlite by default; DATABASE_URL for PostgreSQL.
 * With --on-generated (or BENCH_ON_GENERATED=1): the documents and versions are written for up to N of the generated
 * database's 规范性文件 cases (nationwide, as the public query reads them) and removed at the end.
 */
import { sql } from 'kysely';
import { publicNormdocs } from '../src/modules/normdocs/queries/public-normdocs.ts';
import { fmt, openBench, percentile } from './lib.ts';

let N = Number(process.env.BENCH_NORMDOCS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const { ctx, handle, close, generated } = await openBench();
try {
  const t0 = performance.now();
  if (!generated)
    await sql`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id)
  select ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'normdoc', 'GFWJ-BENCH-' || g, '基准规范性文件' || g, 'filed',
         o.area_code, o.area_path, o.id
  from generate_series(1, ${N}) g
  join (select row_number() over (order by code) - 1 as i, id, area_code, area_path from core.org_unit where area_code in ('640000','640100','640200','640300','640400','640500') and kind in ('department','bureau')) o
    on o.i = g % (select count(*) from core.org_unit where area_code in ('640000','640100','640200','640300','640400','640500') and kind in ('department','bureau'))`.execute(
      ctx.db,
    );
  await sql`insert into normdocs.document (case_id, title, series_word, drafted_by_name, number_year, number_seq, number, numbered_on, signed_on,
    published_on, effective_on, valid_until, published_in, filed_on, filed_with, created_at)
  select c.id, c.title, '宁民规发', '起草人', 1990 + (g % 36), g, '宁民规发〔' || (1990 + (g % 36)) || '〕' || g || '号', d, d, d, d + 30,
         d + 30 + (case when g % 4 = 0 then 730 else 1825 end), '门户网站', d + 20, '自治区司法厅', now()
  from (select id, title, row_number() over (order by id) as g from core.case where type = 'normdoc' order by id limit ${N}) c,
       lateral (select (date '1990-01-01' + ((c.g * 131) % 13000)::int) as d) x`.execute(ctx.db);
  N = (await sql<{ n: number }>`select count(*)::int as n from normdocs.document`.execute(ctx.db)).rows[0]!.n;
  await sql`insert into normdocs.version (case_id, version_no, text, source, by_name, created_at)
  select case_id, 1, title || repeat('。第一条 为了规范……', 40), '起草', '起草人', now() from normdocs.document`.execute(ctx.db);
  for (const t of ['normdocs.document', 'normdocs.version']) await sql`analyze ${sql.table(t)}`.execute(ctx.db);
  const loadS = (performance.now() - t0) / 1000;
  const days = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(1995 + (i % 30), (i * 5) % 12, 1 + (i % 27))).toISOString().slice(0, 10));

  async function time(fn: (on: string) => Promise<number>): Promise<{ xs: number[]; rows: number }> {
    for (let i = 0; i < 5; i++) await fn(days[i]!);
    const xs: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      rows += await fn(days[i % days.length]!);
      xs.push(performance.now() - s);
    }
    return { xs, rows };
  }
  const base = await time(
    async (on) =>
      (
        await sql`select case_id, number from normdocs.document
      where published_on is not null and effective_on <= ${on}::date and valid_until >= ${on}::date`.execute(ctx.db)
      ).rows.length,
  );
  const pub = await time(async (on) => (await publicNormdocs(ctx, { on })).items.length);
  if (pub.rows !== base.rows) throw new Error(`row counts differ: ${pub.rows} vs ${base.rows}`);
  const b50 = percentile(base.xs, 50);
  console.log(
    `db=${handle.kind}${generated ? ' (generated 规范性文件 cases)' : ''} documents=${N} loaded in ${fmt(loadS)} s; in force per day on average ${fmt(base.rows / RUNS, 0)}`,
  );
  console.log(`baseline indexed scan (ids, numbers): p50 ${fmt(b50, 2)} ms, p95 ${fmt(percentile(base.xs, 95), 2)} ms`);
  console.log(
    `public in-force query (issuer, current text): p50 ${fmt(percentile(pub.xs, 50), 2)} ms, p95 ${fmt(percentile(pub.xs, 95), 2)} ms, ratio p50/baseline ${fmt(percentile(pub.xs, 50) / b50, 1)}`,
  );
} finally {
  await close();
}
