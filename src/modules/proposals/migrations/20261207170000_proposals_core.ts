import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 建议提案: one row per item this department handles (proposals.item, the case's facts), the
 * 面商/沟通 records, every reply (答复 and 落实情况 second replies), the 征询意见 ratings and the
 * opinions of 协办 / 会办 parts.
 */
export const proposalsCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists proposals`.execute(db);
    await sql`create table proposals.item (
      case_id uuid primary key references core.case(id),
      kind text not null check (kind in ('人大代表建议', '政协提案')),
      number text not null,
      session text not null,
      year int not null,
      deputies text not null,
      delegation text,
      title text not null,
      summary text not null,
      received_on date not null,
      role text not null check (role in ('主办', '协办', '会办', '分办')),
      lead_office text,
      category text check (category in ('A', 'B', 'C', 'D')),
      first_replied_on date,
      last_replied_on date,
      consent_on date,
      consent_by text,
      objection_reason text,
      attitude text check (attitude in ('满意', '基本满意', '不满意')),
      result text check (result in ('满意', '基本满意', '不满意')),
      rated_on date,
      reworks int not null default 0,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create unique index item_number_idx on proposals.item (kind, session, number)`.execute(db);
    await sql`create index item_year_idx on proposals.item (year, kind, role)`.execute(db);
    await sql`create table proposals.contact (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      met_on date not null,
      way text not null,
      people text not null,
      content text not null,
      recorded_by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index contact_case_idx on proposals.contact (case_id)`.execute(db);
    await sql`create table proposals.reply (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      round int not null,
      kind text not null check (kind in ('答复', '落实情况')),
      category text check (category in ('A', 'B', 'C', 'D')),
      text text not null,
      drafted_by_name text not null,
      drafted_at timestamptz not null,
      signed_by_name text,
      signed_on date
    )`.execute(db);
    await sql`create index reply_case_idx on proposals.reply (case_id, round)`.execute(db);
    await sql`create table proposals.rating (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      round int not null,
      attitude text not null,
      result text not null,
      rated_on date not null,
      note text,
      recorded_by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index rating_case_idx on proposals.rating (case_id)`.execute(db);
    await sql`create table proposals.part_opinion (
      case_id uuid primary key references core.case(id),
      opinion text not null,
      sent_on date not null,
      by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists proposals cascade`.execute(db);
  },
};
