import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * A reproducible id from a text key: its MD5 with the version (4) and variant (8) nibbles set, so it is an RFC 9562 UUID
 * the API's response schemas accept (a bare `md5(…)::uuid` is not, and every read answering it failed with 500).
 */
export const uuidFrom = (key: RawBuilder<unknown>) => sql`overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;

/** 100 distinct characters the generated place and organization names are made of. */
export const SYLLABLES = [
  ...new Set(
    '安宁平昌和兴德丰永长新东西南北中华光明泰康福寿金银青山河川江海林泉石阳城源云龙凤鹤松柏桂兰梅竹春秋白红黄绿古乐庆祥瑞嘉义信仁礼智富贵荣盛隆开元正大同广远通达胜利建团结旗前进星月岭峰湖溪桥坪湾塘沟台营堡集店庄屯寨坝滩洲岗'.split(
      '',
    ),
  ),
]
  .slice(0, 100)
  .join('');
if (SYLLABLES.length !== 100) throw new Error(`need 100 name characters, have ${SYLLABLES.length}`);

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Σ weight_i × value(i) as one SQL expression, i from 1. */
const weighted = (weights: number[], value: (i: number) => string) => weights.map((w, i) => `${w} * ${value(i + 1)}`).join(' + ');

/**
 * Helper functions of the generator, in its own schema `bench_gen` (which also holds the run marker):
 * a seeded uniform number per key and stream, a seeded two-character name, and the check characters
 * of the 组织机构代码 (GB 11714) and the 统一社会信用代码 (GB 32100), the same rules as src/kernel/codes.
 */
export async function createHelpers(db: Kysely<any>): Promise<void> {
  await sql`create schema if not exists bench_gen`.execute(db);
  await sql`create table if not exists bench_gen.run (
    id serial primary key, seed bigint not null, cases bigint not null, orgs bigint not null, until timestamptz not null,
    started_at timestamptz not null default now(), finished_at timestamptz)`.execute(db);
  // u(k, stream, seed) in [0, 1), reproducible.
  await sql`create or replace function bench_gen.u(k bigint, stream int, seed bigint) returns float8 immutable parallel safe language sql as
    $$ select (hashint8extended(k, seed * 1009 + stream) & 9007199254740991)::float8 / 9007199254740992 $$`.execute(db);
  await sql`create or replace function bench_gen.pick(k bigint, stream int, seed bigint, n int) returns int immutable parallel safe language sql as
    $$ select floor(bench_gen.u(k, stream, seed) * n)::int $$`.execute(db);
  await sql`create or replace function bench_gen.nm(k bigint, seed bigint) returns text immutable parallel safe language sql as
    $$ select substr(${sql.lit(SYLLABLES)}, 1 + bench_gen.pick(k, 90, seed, 100), 1) || substr(${sql.lit(SYLLABLES)}, 1 + bench_gen.pick(k, 91, seed, 100), 1) $$`.execute(
    db,
  );
  // The check characters as single expressions (the weighted sums written out), so PostgreSQL inlines them into the insert.
  await sql`create or replace function bench_gen.org_check(body text) returns text immutable parallel safe language sql as
    ${sql.raw(`$$ select substr('0123456789X0', 1 + 11 - (${weighted(ORG_WEIGHTS, (i) => `(case when ascii(substr(body, ${i}, 1)) <= 57 then ascii(substr(body, ${i}, 1)) - 48 else ascii(substr(body, ${i}, 1)) - 55 end)`)}) % 11, 1) $$`)}`.execute(
    db,
  );
  await sql`create or replace function bench_gen.uscc_check(first17 text) returns text immutable parallel safe language sql as
    ${sql.raw(`$$ select substr('${USCC_CHARS}', 1 + (31 - (${weighted(USCC_WEIGHTS, (i) => `(strpos('${USCC_CHARS}', substr(first17, ${i}, 1)) - 1)`)}) % 31) % 31, 1) $$`)}`.execute(
    db,
  );
}
