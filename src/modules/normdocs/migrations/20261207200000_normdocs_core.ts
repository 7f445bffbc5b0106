import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 规范性文件: the register (normdocs.document, one row per document, the case's facts), draft
 * versions, the consultation and its comments, 合法性审核 rounds, the 集体审议 meeting record
 * and the module's settings.
 */
export const normdocsCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists normdocs`.execute(db);
    await sql`create table normdocs.document (
      case_id uuid primary key references core.case(id),
      title text not null,
      series_word text not null,
      drafted_by_name text not null,
      number_year int,
      number_seq int,
      number text unique,
      numbered_on date,
      signed_by_name text,
      signed_on date,
      published_on date,
      effective_on date,
      valid_until date,
      published_in text,
      filed_on date,
      filed_with text,
      is_demo boolean not null default false,
      created_at timestamptz not null,
      unique (series_word, number_year, number_seq)
    )`.execute(db);
    await sql`create index document_published_idx on normdocs.document (effective_on, valid_until) where published_on is not null`.execute(db);
    await sql`create table normdocs.version (
      case_id uuid not null references core.case(id),
      version_no int not null,
      text text not null,
      note text,
      source text not null check (source in ('起草', '审核修改')),
      by_name text not null,
      created_at timestamptz not null,
      primary key (case_id, version_no)
    )`.execute(db);
    await sql`create table normdocs.consultation (
      case_id uuid primary key references core.case(id),
      way text not null,
      targets text,
      start_on date not null,
      end_on date not null,
      min_days int not null,
      version_no int not null,
      by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table normdocs.comment (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      commenter text not null,
      content text not null,
      received_on date not null,
      disposition text check (disposition in ('采纳', '部分采纳', '不采纳')),
      reason text,
      disposed_by_name text,
      disposed_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index comment_case_idx on normdocs.comment (case_id)`.execute(db);
    await sql`create table normdocs.review (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      round int not null,
      version_no int not null,
      submitted_on date not null,
      conclusion text check (conclusion in ('通过', '修改后通过', '不予通过')),
      opinion text,
      reviewed_by_name text,
      reviewed_on date,
      unique (case_id, round)
    )`.execute(db);
    await sql`create table normdocs.meeting (
      case_id uuid primary key references core.case(id),
      met_on date not null,
      name text not null,
      attendees text not null,
      decision text not null,
      version_no int not null,
      recorded_by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table normdocs.setting (key text primary key, value int not null, updated_by_name text not null, updated_at timestamptz not null)`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists normdocs cascade`.execute(db);
  },
};
