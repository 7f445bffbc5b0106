import { sql, type Kysely } from 'kysely';
import { slotCounts } from './cases.ts';
import { SYLLABLES, uuidFrom } from './sql-helpers.ts';

const FIELDS = [
  '文化',
  '体育',
  '教育',
  '养老',
  '慈善',
  '科技',
  '志愿服务',
  '环保',
  '卫生',
  '法律',
  '艺术',
  '书法',
  '摄影',
  '围棋',
  '足球',
  '老年',
  '青少年',
  '妇女儿童',
  '残疾人',
  '社会工作',
];
const SUFFIX = {
  social_group: ['协会', '学会', '商会', '研究会', '促进会', '联合会'],
  social_service: ['服务中心', '培训学校', '养老院', '幼儿园', '研究院', '服务社'],
  foundation: ['基金会', '慈善基金会', '教育基金会'],
};
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
/** The most organizations the generated USCC bodies (MJ + 6 digits, unique nationally) allow. */
export const MAX_ORGS = 999_999;

/**
 * Registrars of social organizations (the region's, cities' and counties' 民政 units, not townships) as weighted slots per
 * province: a county 1–9 by a seeded skew, a city 4, a province 10.
 */
export async function prepareOrgSlots(db: Kysely<any>, seed: number): Promise<Map<string, number>> {
  await sql`drop table if exists bench_gen.org_slot`.execute(db);
  await sql`create table bench_gen.org_slot as
    select split_part(o.area_path, '.', 1) as prov,
      (row_number() over (partition by split_part(o.area_path, '.', 1) order by o.id, r) - 1)::int as slot,
      o.id as org_unit_id, o.area_code, o.area_path, a.name as area_name
    from core.org_unit o join core.area a on a.code = o.area_code
    cross join lateral generate_series(1, case a.level when 1 then 10 when 2 then 4 else 1 + floor(8 * power(bench_gen.u(a.code::bigint, 11, ${seed}), 2))::int end) r
    where o.kind in ('department', 'bureau') and a.level <= 3 and o.active`.execute(db);
  await sql`create index on bench_gen.org_slot (prov, slot)`.execute(db);
  return slotCounts(db, 'org_slot');
}

const arr = (xs: readonly string[]) => sql`(${xs}::text[])`;

/**
 * One province's organizations numbered from + 1 … from + n: kind (社会团体 45%, 民办非企业单位 53%, 基金会 2%), a unique name
 * (area + three characters spelling the number + field + kind suffix), a valid 统一社会信用代码 (5 + kind + area code + MJ +
 * six digits of the number + both check characters), registered 1990 – `until`, 3% 注销 and 0.5% 撤销, 8% rated.
 */
export async function insertOrgs(db: Kysely<any>, o: { seed: number; prov: string; slots: number; from: number; n: number; until: Date }) {
  const u = (stream: number) => sql.raw(`bench_gen.u(g, ${stream}, ${o.seed})`);
  await sql`insert into orgs.organization (id, kind, name, name_key, uscc, authority_org_unit_id, authority_area_code, authority_area_path,
      domicile, legal_representative, business_scope, capital_cents, charity, rating, rating_from, rating_until, registered_on,
      status, status_on, created_at, updated_at)
    select id, kind, area_name || key || suffix, key, first17 || bench_gen.uscc_check(first17), org_unit_id, area_code, area_path,
      area_name || bench_gen.nm(g, ${o.seed}) || '路' || (1 + floor(${u(27)} * 300)) || '号',
      substr(${SURNAMES}, 1 + floor(${u(28)} * 20)::int, 1) || bench_gen.nm(g + 7, ${o.seed}),
      '开展' || field || '领域的交流、培训、咨询和公益服务', case kind when 'foundation' then 200000000 when 'social_group' then 3000000 else 500000 end,
      kind = 'foundation', rating, case when rating is not null then registered_on + 730 end, case when rating is not null then registered_on + 730 + 1825 end,
      registered_on, status, case when status <> 'normal' then least(registered_on + 365 + floor(${u(29)} * 3000)::int, ${o.until}::date) end,
      registered_on::timestamptz, registered_on::timestamptz
    from (select x.*, '5' || case kind when 'social_group' then '1' when 'social_service' then '2' else '3' end || area_code || body || bench_gen.org_check(body) as first17
      from (select g, ${uuidFrom(sql`${`${o.seed}:o:`} || g`)} as id, s.org_unit_id, s.area_code, s.area_path, s.area_name,
          case when ${u(21)} < 0.45 then 'social_group' when ${u(21)} < 0.98 then 'social_service' else 'foundation' end as kind,
          ${arr(FIELDS)}[1 + floor(${u(22)} * ${FIELDS.length})::int] as field,
          substr(${SYLLABLES}, 1 + (g % 100)::int, 1) || substr(${SYLLABLES}, 1 + (g / 100 % 100)::int, 1) || substr(${SYLLABLES}, 1 + (g / 10000 % 100)::int, 1)
            || ${arr(FIELDS)}[1 + floor(${u(22)} * ${FIELDS.length})::int] as key,
          'MJ' || lpad(g::text, 6, '0') as body,
          case when ${u(25)} < 0.03 then 'deregistered' when ${u(25)} < 0.035 then 'revoked' else 'normal' end as status,
          case when ${u(26)} < 0.08 then (array['3A', '4A', '5A'])[1 + floor(${u(24)} * 3)::int] end as rating,
          (date '1990-01-01' + floor((1 - power(${u(23)}, 1.5)) * (${o.until}::date - date '1990-01-01'))::int) as registered_on
        from generate_series(${o.from + 1}::bigint, ${o.from + o.n}::bigint) g
        join bench_gen.org_slot s on s.prov = ${o.prov} and s.slot = floor(${u(20)} * ${o.slots})::int) x) y
    cross join lateral (select case y.kind when 'social_group' then ${arr(SUFFIX.social_group)}[1 + floor(${u(30)} * 6)::int]
      when 'social_service' then ${arr(SUFFIX.social_service)}[1 + floor(${u(30)} * 6)::int]
      else ${arr(SUFFIX.foundation)}[1 + floor(${u(30)} * 3)::int] end as suffix) sfx`.execute(db);
}
