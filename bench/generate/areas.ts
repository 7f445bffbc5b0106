import { uuidFrom } from './sql-helpers.ts';
import { sql, type Kysely } from 'kysely';

/** The 31 provincial-level divisions (GB/T 2260 codes and names). */
export const PROVINCES: ReadonlyArray<readonly [string, string]> = [
  ['110000', '北京市'],
  ['120000', '天津市'],
  ['130000', '河北省'],
  ['140000', '山西省'],
  ['150000', '内蒙古自治区'],
  ['210000', '辽宁省'],
  ['220000', '吉林省'],
  ['230000', '黑龙江省'],
  ['310000', '上海市'],
  ['320000', '江苏省'],
  ['330000', '浙江省'],
  ['340000', '安徽省'],
  ['350000', '福建省'],
  ['360000', '江西省'],
  ['370000', '山东省'],
  ['410000', '河南省'],
  ['420000', '湖北省'],
  ['430000', '湖南省'],
  ['440000', '广东省'],
  ['450000', '广西壮族自治区'],
  ['460000', '海南省'],
  ['500000', '重庆市'],
  ['510000', '四川省'],
  ['520000', '贵州省'],
  ['530000', '云南省'],
  ['540000', '西藏自治区'],
  ['610000', '陕西省'],
  ['620000', '甘肃省'],
  ['630000', '青海省'],
  ['640000', '宁夏回族自治区'],
  ['650000', '新疆维吾尔自治区'],
];

/**
 * The national area tree's shape under the 31 provinces, seeded: 4–18 cities a province (~335), 3–14 counties a
 * city (~2,800), 6–22 townships a county (~40,000) — codes in GB/T 2260 form (PPCC00, PPCCXX) and the
 * 3-digit township suffix (001– 街道, 100– 镇, 200– 乡). A level already filled under a parent (Ningxia's real
 * cities and counties, the demo's sample townships) is kept as it is and only its children are generated.
 */
export async function generateAreas(db: Kysely<any>, seed: number): Promise<void> {
  const values = sql.join(PROVINCES.map(([c, n], i) => sql`(${c}, ${n}, ${i + 1}::int)`));
  await sql`insert into core.area (code, name, level, parent_code, path, sort)
    select code, name, 1, null, code, sort from (values ${values}) v(code, name, sort) on conflict do nothing`.execute(db);
  const h = (stream: number, n: number) => sql.raw(`bench_gen.pick(p.code::bigint, ${stream}, ${seed}, ${n})`);
  const childless = (level: number) => sql.raw(`p.level = ${level} and not exists (select 1 from core.area c where c.parent_code = p.code)`);
  await sql`insert into core.area (code, name, level, parent_code, path, sort)
    select x.code, bench_gen.nm(x.code::bigint, ${seed}) || '市', 2, x.parent, x.ppath || '.' || x.code, x.i
    from (select p.code as parent, p.path as ppath, i, substr(p.code, 1, 2) || lpad(i::text, 2, '0') || '00' as code
          from core.area p, generate_series(1, 4 + ${h(1, 15)}) i where ${childless(1)}) x
    on conflict do nothing`.execute(db);
  await sql`insert into core.area (code, name, level, parent_code, path, sort)
    select x.code, bench_gen.nm(x.code::bigint, ${seed}) || case when x.i % 3 = 0 then '县' else '区' end, 3, x.parent, x.ppath || '.' || x.code, x.i
    from (select p.code as parent, p.path as ppath, i, substr(p.code, 1, 4) || lpad(i::text, 2, '0') as code
          from core.area p, generate_series(1, 3 + ${h(2, 12)}) i where ${childless(2)}) x
    on conflict do nothing`.execute(db);
  // Township i of a county: the first `streets` are 街道 (001…), the next `towns` 镇 (100…), the rest 乡 (200…).
  await sql`insert into core.area (code, name, level, parent_code, path, sort)
    select x.code, bench_gen.nm(x.code::bigint, ${seed}) || x.suffix, 4, x.parent, x.ppath || '.' || x.code, x.i
    from (select p.code as parent, p.path as ppath, i,
            p.code || lpad((case when i <= s.streets then i when i <= s.streets + s.towns then 99 + i - s.streets
              else 199 + i - s.streets - s.towns end)::text, 3, '0') as code,
            case when i <= s.streets then '街道' when i <= s.streets + s.towns then '镇' else '乡' end as suffix
          from core.area p
          cross join lateral (select ${h(3, 4)} as streets, 1 + ${h(4, 8)} as towns, 6 + ${h(5, 17)} as n) s
          cross join lateral generate_series(1, s.n) i
          where ${childless(3)}) x
    on conflict do nothing`.execute(db);
}

/**
 * One 民政 org unit for every area that has none (厅 / 局 / 乡镇民政办), under the parent area's unit, with a
 * reproducible id; level by level so each parent exists first.
 */
export async function generateOrgUnits(db: Kysely<any>): Promise<void> {
  for (const level of [1, 2, 3, 4]) {
    await sql`insert into core.org_unit (id, code, name, kind, area_code, area_path, parent_id, sort)
      select ${uuidFrom(sql`'ou:' || a.code`)}, a.code || '-mz',
        a.name || ${level === 1 ? '民政厅' : level === 4 ? '民政办' : '民政局'}, ${level === 1 ? 'department' : level === 4 ? 'township_office' : 'bureau'},
        a.code, a.path, top.id, a.sort
      from core.area a
      left join (select distinct on (area_code) area_code, id from core.org_unit where kind <> 'division' order by area_code, parent_id nulls first, code) top
        on top.area_code = a.parent_code
      where a.level = ${level} and not exists (select 1 from core.org_unit o where o.area_code = a.code)
      on conflict do nothing`.execute(db);
  }
}
