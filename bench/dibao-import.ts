/**
 * 低保 roster import at scale: a CSV of N members (default 200,000, ≈70,000 households of 1–5
 * persons over every county and sample township of Ningxia) through the import code path
 * (importRoster: parse, validate every row, check existing members, SM4-encrypt and SM3-hash
 * each 身份证号, multi-row UNNEST inserts in one transaction). Baseline in the same run: a plain
 * server-side COPY of the same file into a plain table with the same columns.
 * Run with DATABASE_URL (PostgreSQL); the scratch database is created and dropped by openBenchDb.
 * With --on-generated (or BENCH_ON_GENERATED=1): the households live in the counties and townships of the generated
 * database's province with most cases, imported by its 民政厅; all rows the import wrote are removed at the end.
 */
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { residentIdCheckChar } from '../src/kernel/codes/index.ts';
import { importRoster } from '../src/modules/dibao/imports/import-roster.ts';
import { actorAt, benchTablesLike, busiestProvince, fmt, openBench, result, unitOf } from './lib.ts';

const N = Number(process.env.BENCH_MEMBERS ?? 200_000);
const { ctx, handle, close, generated } = await openBench({
  demo: true,
  // BENCH_SLOW_MS=n prints every statement slower than n ms (to find where the time goes).
  log: process.env.BENCH_SLOW_MS
    ? (e) => {
        if (e.queryDurationMillis > Number(process.env.BENCH_SLOW_MS))
          console.error(`${e.queryDurationMillis.toFixed(0)} ms: ${e.query.sql.slice(0, 100).replace(/\s+/g, ' ')}`);
      }
    : undefined,
});
try {
  const province = generated ? await busiestProvince(ctx) : '640000';
  const areas = (
    await sql<{ code: string; path: string }>`select code, path from core.area where level >= 3 and level <= 4
    and (path like ${province + '.%'}) order by code`.execute(ctx.db)
  ).rows;
  const HEAD = '序号,户主姓名,户主身份证号,成员姓名,身份证号,与户主关系,户籍地区划代码,城乡类别,保障人数,月保障金额(元),保障起始月份,地址';
  const SURN = '马李王张刘杨赵海田周';
  const REL = ['配偶', '子女', '子女', '父母'];
  let seq = 0;
  const nextId = () => {
    const n = seq++;
    const county = areas[n % areas.length]!.code.slice(0, 6);
    const day = 1 + (Math.floor(n / 1000) % 28);
    const month = 1 + (Math.floor(n / 28000) % 12);
    const year = 1940 + (Math.floor(n / 336000) % 60);
    const first17 = `${county}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  };
  const lines: string[] = [HEAD];
  let members = 0;
  let households = 0;
  while (members < N) {
    const size = Math.min(N - members, 1 + ((households * 7919) % 5)); // 1..5, mean ≈ 2.9
    const area = areas[households % areas.length]!;
    const headId = nextId();
    const headName = `${SURN[households % SURN.length]}户${households}`;
    const amount = (200 + (households % 50) * 10 + 0.5).toFixed(2);
    lines.push(
      `${++members},${headName},${headId},${headName},${headId},户主,${area.code},${households % 3 ? '农村' : '城市'},${size},${amount},2019-0${1 + (households % 6)},${area.code}某村${households}号`,
    );
    for (let i = 1; i < size; i++) lines.push(`${++members},${headName},${headId},成员${members},${nextId()},${REL[i % REL.length]},,,,,,`);
    households++;
  }
  const csv = lines.join('\n') + '\n';
  const bytes = Buffer.from(csv, 'utf8');
  const actor = await actorAt(ctx, generated ? await unitOf(ctx, province) : '640000-mzt', ['dibao.import', 'dibao.read']);

  // Baseline: plain COPY of the same file (server-side, from a world-readable temp file).
  const file = `/tmp/mz-bench-dibao-import-${process.pid}.csv`;
  writeFileSync(file, csv);
  chmodSync(file, 0o644);
  await sql`create table public.bench_plain_roster (seq int, head_name text, head_id text, name text, id text, relation text, area text, kind text, persons int, amount numeric, from_month text, address text)`.execute(
    ctx.db,
  );
  let copyS = 0;
  if (handle.kind === 'postgres') {
    const c0 = performance.now();
    await sql.raw(`copy public.bench_plain_roster from '${file}' with (format csv, header true)`).execute(ctx.db);
    copyS = (performance.now() - c0) / 1000;
  }
  rmSync(file, { force: true });

  // What was there before the import (demo households), so the baseline copies only the imported rows.
  await sql`create table public.bench_before as select id from dibao.household`.execute(ctx.db);
  const t0 = performance.now();
  const r = await importRoster(ctx, actor, { fileName: 'bench.csv', bytes });
  const importS = (performance.now() - t0) / 1000;
  const inDb = (
    await sql<{ h: number; m: number }>`select (select count(*)::int from dibao.household) as h, (select count(*)::int from dibao.member) as m`.execute(ctx.db)
  ).rows[0]!;
  console.log(
    `db=${handle.kind}${generated ? ` (generated, ${areas.length} counties and townships of ${province})` : ''} file: ${members} members in ${households} households, ${(bytes.length / 1e6).toFixed(1)} MB CSV`,
  );
  console.log(
    `import: accepted ${r.acceptedRows} rows / ${r.acceptedHouseholds} households (rejected ${r.rejectedRows}); in DB ${inDb.m} members, ${inDb.h} households`,
  );
  console.log(`import through importRoster: ${fmt(importS, 2)} s = ${fmt(members / importS, 0)} rows/s`);
  if (copyS)
    console.log(
      `baseline plain COPY of the same rows: ${fmt(copyS, 2)} s = ${fmt(members / copyS, 0)} rows/s; ratio import/COPY time ${fmt(importS / copyS, 1)}×`,
    );

  // The issue's baseline: COPY of the rows the import wrote (households, members: encrypted, hashed)
  // into tables with the same columns, defaults, indexes and foreign keys (benchTablesLike).
  if (handle.kind === 'postgres') {
    const copied = `/tmp/mz-bench-dibao-import-${process.pid}`;
    await benchTablesLike(ctx.db, 'dibao', ['household', 'member']);
    for (const t of ['household', 'member']) {
      const hid = t === 'household' ? 'id' : 'household_id';
      await sql.raw(`copy (select * from dibao.${t} where ${hid} not in (select id from public.bench_before)) to '${copied}-${t}.copy'`).execute(ctx.db);
    }
    const i0 = performance.now();
    for (const t of ['household', 'member']) await sql.raw(`copy public.bench_${t} from '${copied}-${t}.copy'`).execute(ctx.db);
    const indexedS = (performance.now() - i0) / 1000;
    for (const t of ['household', 'member']) rmSync(`${copied}-${t}.copy`, { force: true });
    const rate = members / importS;
    const baseRate = members / indexedS;
    console.log(`baseline COPY of the written rows into the same tables (indexes, foreign keys): ${fmt(indexedS, 2)} s = ${fmt(baseRate, 0)} rows/s`);
    result({
      figure: `低保 roster import, ${members} members (${handle.kind})`,
      value: rate,
      unit: 'rows/s',
      baseline: baseRate,
      baselineLabel: 'rows/s COPY into the same tables (indexes, foreign keys)',
      ratio: rate / baseRate,
      goal: '≥ 0.3',
      met: rate / baseRate >= 0.3,
    });
  }
} finally {
  await close();
}
