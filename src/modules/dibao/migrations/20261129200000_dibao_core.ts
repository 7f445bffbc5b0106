import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 低保 core data model shared by the application flow and the money side: settings, approval
 * delegation (审批权下放) with effective dates, local standards, and households with members,
 * income, assets, rigid expenses and a change history. Amounts are integer 分 (cents).
 * Tables carry household_id so that on Citus they can be distributed by it.
 */
export const dibaoCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists dibao`.execute(db);

    // Tunables that regulations.md marks unverified or local (total days, 公示 days, spot-check ratio …).
    await sql`create table dibao.setting (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by uuid
    )`.execute(db);

    // Which level confirms (确认) 低保 in a county, from when, under which document.
    // The regime in force on the day of 受理 governs a case to its end.
    await sql`create table dibao.delegation (
      id uuid primary key,
      county_code text not null references core.area(code),
      authority text not null check (authority in ('county','township')),
      effective_from date not null,
      document text not null,
      note text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      created_by uuid,
      unique (county_code, effective_from)
    )`.execute(db);

    // 保障标准 per area (city or county; the nearest ancestor applies), urban/rural, effective date.
    await sql`create table dibao.standard (
      id uuid primary key,
      area_code text not null references core.area(code),
      kind text not null check (kind in ('urban','rural')),
      effective_from date not null,
      monthly_cents integer not null check (monthly_cents > 0),
      method text not null default 'difference' check (method in ('difference','banded')),
      bands jsonb,
      min_cents integer not null default 0 check (min_cents >= 0),
      document text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      created_by uuid,
      unique (area_code, kind, effective_from)
    )`.execute(db);

    await sql`create table dibao.household (
      id uuid primary key,
      area_code text not null references core.area(code),
      area_path text not null,
      kind text not null check (kind in ('urban','rural')),
      address text not null,
      phone_enc text,
      phone_masked text,
      status text not null default 'applying' check (status in ('applying','active','suspended','stopped','refused','withdrawn')),
      benefit_cents integer not null default 0 check (benefit_cents >= 0),
      insured_persons integer not null default 0 check (insured_persons >= 0),
      benefit_from date,
      gradual_exit_until date,
      recheck_cadence text check (recheck_cadence in ('yearly','half_yearly')),
      next_recheck_on date,
      source text not null default 'application' check (source in ('application','import')),
      is_demo boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index household_area_idx on dibao.household (area_path text_pattern_ops, status)`.execute(db);

    // active = currently a member of this household. A person (id_hash) is active in at most
    // one household at a time; the unique index enforces it, the commands explain it.
    await sql`create table dibao.member (
      id uuid primary key,
      household_id uuid not null references dibao.household(id),
      name text not null,
      id_number_enc text not null,
      id_number_masked text not null,
      id_hash text not null,
      relation text not null check (relation in ('申请人','配偶','子女','父母','祖父母','孙子女','兄弟姐妹','其他')),
      sex text check (sex in ('男','女')),
      birth_date date,
      hukou_area_code text references core.area(code),
      disability text not null default '无' check (disability in ('无','一级','二级','三级','四级')),
      health text not null default '健康' check (health in ('健康','慢性病','重病')),
      work_ability text not null default '有' check (work_ability in ('有','部分丧失','无')),
      insured boolean not null default true,
      active boolean not null default true,
      left_on date,
      left_reason text check (left_reason in ('死亡','迁出','分户','其他')),
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index member_household_idx on dibao.member (household_id)`.execute(db);
    await sql`create unique index member_one_active_household on dibao.member (id_hash) where active`.execute(db);
    await sql`create index member_id_hash_idx on dibao.member (id_hash)`.execute(db);

    await sql`create table dibao.income (
      id uuid primary key,
      household_id uuid not null references dibao.household(id),
      member_id uuid references dibao.member(id),
      kind text not null check (kind in ('工资性收入','经营净收入','财产净收入','转移净收入','其他收入')),
      monthly_cents integer not null check (monthly_cents >= 0),
      source text,
      note text
    )`.execute(db);
    await sql`create index income_household_idx on dibao.income (household_id)`.execute(db);

    await sql`create table dibao.asset (
      id uuid primary key,
      household_id uuid not null references dibao.household(id),
      kind text not null check (kind in ('住房','机动车','存款','有价证券','其他')),
      description text not null,
      value_cents bigint not null default 0 check (value_cents >= 0),
      area_m2 numeric(8,2)
    )`.execute(db);
    await sql`create index asset_household_idx on dibao.asset (household_id)`.execute(db);

    // 刚性支出 deducted from income where local rules allow (医疗, 教育, 租房, 就业必要支出).
    await sql`create table dibao.expense (
      id uuid primary key,
      household_id uuid not null references dibao.household(id),
      kind text not null check (kind in ('医疗','教育','租房','就业必要支出')),
      monthly_cents integer not null check (monthly_cents >= 0),
      note text
    )`.execute(db);
    await sql`create index expense_household_idx on dibao.expense (household_id)`.execute(db);

    // Every change to a household (members in/out, income, assets, status, benefit), with who and why.
    await sql`create table dibao.household_change (
      id uuid primary key,
      household_id uuid not null references dibao.household(id),
      at timestamptz not null default now(),
      actor_id uuid,
      kind text not null,
      summary text not null,
      before jsonb,
      after jsonb,
      case_id uuid
    )`.execute(db);
    await sql`create index household_change_idx on dibao.household_change (household_id, at)`.execute(db);

    // 待遇变更: every change of a household's monthly benefit, effective from a month (its 1st).
    // Written by confirmation (新增), re-checks (增发/减发/停发), imports (存量) and restorations.
    await sql`create table dibao.benefit_change (
      id uuid primary key,
      household_id uuid not null references dibao.household(id),
      kind text not null check (kind in ('新增','增发','减发','停发','恢复','存量')),
      before_cents integer not null default 0,
      after_cents integer not null,
      insured_before integer not null default 0,
      insured_after integer not null,
      effective_month date not null check (extract(day from effective_month) = 1),
      reason text not null,
      case_id uuid,
      import_batch_id uuid,
      actor_id uuid,
      at timestamptz not null default now()
    )`.execute(db);
    await sql`create index benefit_change_household_idx on dibao.benefit_change (household_id, effective_month)`.execute(db);
    await sql`create index benefit_change_month_idx on dibao.benefit_change (effective_month)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists dibao cascade`.execute(db);
  },
};
