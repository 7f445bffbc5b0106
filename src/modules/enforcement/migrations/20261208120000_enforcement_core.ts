import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 行政执法: officers with their 行政执法证, the power items with their 裁量基准 tiers and the
 * 法制审核目录清单, the penalty case's facts (one row per case), its evidence (SM3 hashes),
 * 先行登记保存, 陈述申辩 and the publication of decisions.
 */
export const enforcementCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists enforcement`.execute(db);
    await sql`create table enforcement.officer (
      id uuid primary key,
      name text not null,
      cert_no text not null unique,
      user_id uuid references core.app_user(id),
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      valid_from date not null,
      valid_to date not null,
      status text not null default 'valid' check (status in ('valid', 'suspended', 'revoked')),
      status_reason text,
      training_hours int not null default 0,
      legal_reviewer boolean not null default false,
      legal_qualification text,
      exam_applicant boolean not null default false,
      is_demo boolean not null default false,
      created_at timestamptz not null,
      check (valid_to >= valid_from)
    )`.execute(db);
    await sql`create index officer_area_idx on enforcement.officer (area_path)`.execute(db);
    await sql`create index officer_user_idx on enforcement.officer (user_id)`.execute(db);
    await sql`create table enforcement.power_item (
      code text primary key,
      name text not null,
      basis text not null,
      review_listed boolean not null,
      review_rule text,
      hearing_fine numeric
    )`.execute(db);
    await sql`create table enforcement.discretion_tier (
      power_code text not null references enforcement.power_item(code),
      tier int not null,
      circumstance text not null,
      kinds text[] not null,
      fine_min numeric,
      fine_max numeric,
      primary key (power_code, tier)
    )`.execute(db);
    await sql`create table enforcement.penalty (
      case_id uuid primary key references core.case(id),
      party_name text not null,
      party_kind text not null,
      party_code text,
      act_date date not null,
      act_description text not null,
      filed_on date not null,
      filing_standard text not null,
      limitation_years int not null,
      law_version text not null,
      power_code text not null references enforcement.power_item(code),
      investigators uuid[] not null default '{}',
      tier int,
      intended_kinds text[],
      intended_fine numeric,
      outside_tier_reason text,
      facts text, reasons text, basis text,
      notified_on date,
      complex boolean not null default false,
      hearing_right boolean not null default false,
      hearing_requested_on date,
      hearing_notice_on date,
      hearing_on date,
      hearing_place text,
      hearing_host uuid references enforcement.officer(id),
      hearing_record text,
      party_waived boolean not null default false,
      review_required boolean not null default false,
      review_reasons text[] not null default '{}',
      reviewer_name text,
      reviewed_on date,
      review_checklist jsonb,
      review_passed boolean,
      review_opinion text,
      collective_on date,
      collective_heads text[],
      collective_conclusion text,
      decision_kind text,
      decision_no text unique,
      decision_kinds text[],
      no_penalty_ground text,
      fine numeric,
      decided_on date,
      decision_text text,
      served_on date,
      service_method text,
      paid_on date,
      paid_amount numeric,
      late_charge numeric,
      published_on date,
      withdrawn_on date,
      withdraw_reason text,
      closed_on date,
      is_demo boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index penalty_party_idx on enforcement.penalty (party_name, act_date)`.execute(db);
    await sql`create table enforcement.evidence (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      stage text not null,
      kind text not null,
      title text not null,
      collected_on date not null,
      officer_ids uuid[] not null,
      sm3 text,
      size_bytes int,
      description text,
      recorded_by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index evidence_case_idx on enforcement.evidence (case_id)`.execute(db);
    await sql`create table enforcement.preservation (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      items text not null,
      registered_on date not null,
      approved_by text not null,
      due_on date not null,
      decision text,
      decided_on date,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create table enforcement.statement (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      received_on date not null,
      content text not null,
      adopted boolean not null,
      recorded_by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists enforcement cascade`.execute(db);
  },
};
