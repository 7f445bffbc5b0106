import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 信访事项 tables. Both carry case_id (→ core.case) so that on Citus they can be distributed
 * by it and co-located with the case, its events and clocks.
 */
export const petitionsSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists petitions`.execute(db);
    await sql`create table petitions.petition (
      case_id uuid primary key references core.case(id),
      channel text not null check (channel in ('来信','来访','网上信访','电话','上级转来')),
      source_body text check (source_body in ('自治区信访局','民政部','12345','其他')),
      source_ref text,
      category text not null check (category in ('建议意见','检举控告','申诉求决','其他')),
      subject text not null check (subject in ('低保','特困','养老服务','社会组织','婚姻登记','殡葬','区划地名','其他')),
      concerned_area_code text not null references core.area(code),
      concerned_area_path text not null,
      content text not null,
      visit_batch integer,
      visit_persons integer,
      representatives integer check (representatives is null or representatives between 0 and 5),
      anonymous boolean not null default false,
      query_code_hash text,
      opinion text check (opinion in ('支持','解释说明','不予支持')),
      opinion_text text,
      delivered_at timestamptz,
      satisfaction text check (satisfaction in ('满意','基本满意','不满意')),
      rated_at timestamptz,
      is_repeat boolean not null default false,
      repeat_of uuid,
      is_skip_level boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index petition_flags_idx on petitions.petition (is_repeat, is_skip_level)`.execute(db);
    await sql`create table petitions.petitioner (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      name text not null,
      id_number_enc text,
      id_number_masked text,
      id_hash text,
      phone_enc text,
      phone_masked text,
      address text,
      role text not null default '信访人' check (role in ('信访人','代表')),
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index petitioner_case_idx on petitions.petitioner (case_id)`.execute(db);
    await sql`create index petitioner_id_hash_idx on petitions.petitioner (id_hash) where id_hash is not null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists petitions cascade`.execute(db);
  },
};
