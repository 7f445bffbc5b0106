import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 低保 application flow (申请 → 受理 → 核对 → 入户调查 → 评议 → 乡镇审核 → 公示 → 确认), county spot
 * checks of township-confirmed cases, and re-checks (动态管理). One application row per 'dibao'
 * case; the regime (authority) in force on the 受理 day is stored on it and governs to the end.
 */
export const dibaoApplication: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table dibao.application (
      case_id uuid primary key references core.case(id),
      household_id uuid not null references dibao.household(id),
      authority text not null check (authority in ('county','township')),
      delegation_id uuid references dibao.delegation(id),
      county_code text not null,
      township_org_id uuid not null references core.org_unit(id),
      channel text not null check (channel in ('窗口','村居代办','网上')),
      accepted_on date,
      decided_on date,
      decision text check (decision in ('确认','不予确认')),
      special boolean not null default false,
      special_reason text,
      relative_of_staff boolean not null default false,
      missing_materials jsonb,
      checks jsonb,
      checked_on date,
      investigation jsonb,
      income_unstable boolean not null default false,
      appraisal jsonb,
      township_opinion jsonb,
      publicity_round integer not null default 0,
      publicity_from date,
      publicity_to date,
      objections jsonb not null default '[]'::jsonb,
      eligibility jsonb,
      benefit jsonb,
      notice text,
      notice_sent_on date,
      refusal_reasons text,
      query_code_hash text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index application_household_idx on dibao.application (household_id)`.execute(db);
    await sql`create index application_decided_idx on dibao.application (county_code, authority, decided_on)`.execute(db);

    // County supervision of township-confirmed cases: the draw (seed, population, sample) is kept.
    await sql`create table dibao.spot_check (
      id uuid primary key,
      county_code text not null references core.area(code),
      county_path text not null,
      period_from date not null,
      period_to date not null,
      seed text not null,
      ratio numeric(4,3) not null,
      population jsonb not null,
      sample jsonb not null,
      is_demo boolean not null default false,
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create table dibao.spot_check_item (
      spot_check_id uuid not null references dibao.spot_check(id),
      case_id uuid not null references core.case(id),
      visited_on date,
      result text check (result in ('属实','基本属实','不属实')),
      findings text,
      visited_by uuid,
      visited_by_name text,
      primary key (spot_check_id, case_id)
    )`.execute(db);

    // 复核 cases (dibao_recheck): one open per household at a time.
    await sql`create table dibao.recheck (
      case_id uuid primary key references core.case(id),
      household_id uuid not null references dibao.household(id),
      due_on date not null,
      result text check (result in ('不变','调整','停发')),
      before_cents integer,
      after_cents integer,
      steps jsonb,
      decided_on date,
      notice text,
      is_demo boolean not null default false
    )`.execute(db);
    await sql`create unique index recheck_open_idx on dibao.recheck (household_id) where result is null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists dibao.recheck`.execute(db);
    await sql`drop table if exists dibao.spot_check_item`.execute(db);
    await sql`drop table if exists dibao.spot_check`.execute(db);
    await sql`drop table if exists dibao.application`.execute(db);
  },
};
