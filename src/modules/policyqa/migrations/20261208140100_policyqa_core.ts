import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 政策问答: the entries (with the document or policy they explain) and the portal's “有帮助吗” votes. */
export const policyqaCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists policyqa`.execute(db);
    await sql`create table policyqa.entry (
      id uuid primary key,
      seq int not null,
      category text not null,
      question text not null,
      answer text not null,
      document_id uuid references core.case(id),
      policy_title text not null,
      status text not null check (status in ('published', 'flagged', 'withdrawn')),
      flag_reason text,
      flagged_at timestamptz,
      reviewed_by_name text,
      reviewed_at timestamptz,
      review_note text,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      helpful_yes int not null default 0,
      helpful_no int not null default 0,
      created_by_name text not null,
      is_demo boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
    await sql`create index entry_document_idx on policyqa.entry (document_id) where document_id is not null`.execute(db);
    await sql`create index entry_status_idx on policyqa.entry (status, category)`.execute(db);
    await sql`create table policyqa.vote (
      entry_id uuid not null references policyqa.entry(id),
      voter text not null,
      helpful boolean not null,
      created_at timestamptz not null,
      primary key (entry_id, voter)
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists policyqa cascade`.execute(db);
  },
};
