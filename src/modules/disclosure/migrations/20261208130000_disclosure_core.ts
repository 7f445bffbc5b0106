import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 政务公开: one row per 依申请公开 request (disclosure.request, the case's facts: applicant, channel,
 * receipt, 补正, third-party consultation, extension notice, answer) and one per proactively
 * disclosed item (disclosure.item: 索引号, 第二十条 category, office, dates, validity, withdrawal).
 */
export const disclosureCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists disclosure`.execute(db);
    await sql`create table disclosure.request (
      case_id uuid primary key references core.case(id),
      channel text not null,
      applicant_kind text not null,
      applicant_name text not null,
      contact text not null,
      content text not null,
      purpose text,
      form text not null,
      received_on date not null,
      year int not null,
      query_code_hash text,
      correction_asked_on date,
      correction_text text,
      correction_days int,
      corrected_on date,
      corrected_text text,
      third_party text,
      consult_matter text,
      consult_sent_on date,
      consult_reply_on date,
      consult_opinion text,
      extension_reason text,
      answer_kind text,
      answer_text text,
      disclosed_part text,
      withheld_part text,
      reasons text,
      right_body text,
      fee_yuan numeric(10, 2) not null default 0,
      answered_on date,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index request_year_idx on disclosure.request (year, applicant_kind)`.execute(db);
    await sql`create index request_answered_idx on disclosure.request (answered_on)`.execute(db);
    await sql`create table disclosure.item (
      case_id uuid primary key references core.case(id),
      index_no text not null unique,
      title text not null,
      category int not null check (category between 1 and 15),
      office text not null,
      formed_on date not null,
      published_on date,
      validity text not null default '有效',
      summary text not null,
      source text,
      withdrawn_on date,
      withdraw_reason text,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index item_published_idx on disclosure.item (published_on, category)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists disclosure cascade`.execute(db);
  },
};
