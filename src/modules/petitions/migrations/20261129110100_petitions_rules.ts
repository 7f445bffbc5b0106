import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 信访 rules of 《信访工作条例》 beyond the first cut: 甄别 outcomes (受理告知书, 不予受理 with the
 * statutory reason), 交办 with a report deadline, 领导包案 + 回头看, staff-recorded satisfaction,
 * 复查/复核 requests received by letter, and the module's runtime settings. Every table carries
 * case_id (except the settings) so that on Citus it can be co-located with the case.
 */
export const petitionsRules: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table petitions.petition
      add column acceptance_notice text,
      add column accepted_at timestamptz,
      add column refusal_code text,
      add column refusal_reason text,
      add column refusal_basis text,
      add column refusal_guidance text,
      add column refusal_detail text,
      add column refused_at timestamptz,
      add column refused_auto boolean not null default false,
      add column lead_user_id uuid,
      add column lead_user_name text,
      add column lead_at timestamptz,
      add column lead_note text,
      add column satisfaction_channel text check (satisfaction_channel is null or satisfaction_channel in ('电话','信函','当面')),
      add column satisfaction_comment text,
      add column satisfaction_by uuid`.execute(db);
    await sql`create table petitions.assignment (
      handoff_id uuid primary key,
      case_id uuid not null references core.case(id),
      to_org_id uuid not null,
      report_due date not null,
      report_days integer not null,
      reported_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index assignment_case_idx on petitions.assignment (case_id)`.execute(db);
    await sql`create table petitions.follow_up (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      leader_id uuid not null,
      leader_name text not null,
      due_date date not null,
      note text,
      notified_at timestamptz,
      result text,
      result_at timestamptz,
      result_by_name text,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index follow_up_case_idx on petitions.follow_up (case_id)`.execute(db);
    await sql`create table petitions.review_request (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      which text not null check (which in ('复查','复核')),
      channel text not null default '来信',
      reason text not null,
      received_on date not null,
      recorded_by uuid,
      recorded_by_name text not null,
      recorded_at timestamptz not null
    )`.execute(db);
    await sql`create index review_request_case_idx on petitions.review_request (case_id)`.execute(db);
    await sql`create table petitions.setting (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null,
      updated_by uuid
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists petitions.setting, petitions.review_request, petitions.follow_up, petitions.assignment`.execute(db);
    await sql`alter table petitions.petition
      drop column if exists acceptance_notice, drop column if exists accepted_at, drop column if exists refusal_code,
      drop column if exists refusal_reason, drop column if exists refusal_basis, drop column if exists refusal_guidance,
      drop column if exists refusal_detail, drop column if exists refused_at, drop column if exists refused_auto,
      drop column if exists lead_user_id, drop column if exists lead_user_name, drop column if exists lead_at, drop column if exists lead_note,
      drop column if exists satisfaction_channel, drop column if exists satisfaction_comment, drop column if exists satisfaction_by`.execute(db);
  },
};
