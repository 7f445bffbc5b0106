import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 举报: reports of violations received on the portal or by staff (visit, phone, letter). The informant's
 * name and phone are SM4 tokens (never plain text); the portal's 查询码 is stored as an SM3 hash. One row
 * carries 核查 (findings), the outcome (立案 with the penalty case, or 不予立案 with reasons) and the 答复.
 * `enforcement.setting` holds the reply period (a setting: no national text fixes it).
 */
export const enforcementTipoff: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table enforcement.tipoff (
      id uuid primary key,
      ref_no text not null unique,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      channel text not null check (channel in ('门户网站', '来访', '来电', '来信')),
      received_on date not null,
      reported_party text not null,
      reported_party_code text,
      content text not null,
      informant_name text,
      informant_phone text,
      query_code_hash text,
      reply_due date not null,
      state text not null default 'received' check (state in ('received', 'verified', 'decided', 'closed')),
      findings text,
      verified_on date,
      verified_by_name text,
      outcome text check (outcome in ('立案', '不予立案')),
      outcome_reason text,
      decided_on date,
      case_id uuid references core.case(id),
      reply text,
      replied_on date,
      is_demo boolean not null default false,
      created_by uuid,
      created_at timestamptz not null,
      check (reply_due >= received_on),
      check (verified_on is null or verified_on >= received_on),
      check (decided_on is null or decided_on >= verified_on),
      check (replied_on is null or replied_on >= decided_on),
      check (outcome <> '立案' or case_id is not null)
    )`.execute(db);
    await sql`create index tipoff_area_idx on enforcement.tipoff (area_path, received_on)`.execute(db);
    await sql`create table enforcement.setting (
      key text primary key,
      value int not null,
      updated_by_name text not null,
      updated_at timestamptz not null
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists enforcement.setting`.execute(db);
    await sql`drop table if exists enforcement.tipoff`.execute(db);
  },
};
