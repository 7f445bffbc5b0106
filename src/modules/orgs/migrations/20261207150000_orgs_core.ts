import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 社会组织 registry: organizations of the three kinds with their registering authority (an org unit
 * of 民政 at region, city or county level; its area path scopes every read), the change history
 * (every change: field, before, after, date, act) and the credit lists (活动异常名录, 严重违法失信名单,
 * 诚信缺失) with listing and removal. Amounts are integer 分.
 */
export const orgsCore: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create schema if not exists orgs`.execute(db);

    await sql`create table orgs.organization (
      id uuid primary key,
      kind text not null check (kind in ('social_group','social_service','foundation')),
      name text not null check (length(name) between 2 and 100),
      name_key text not null,
      uscc text not null unique check (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
      authority_org_unit_id uuid not null references core.org_unit(id),
      authority_area_code text not null references core.area(code),
      authority_area_path text not null,
      supervisor_unit text,
      domicile text not null,
      legal_representative text not null,
      business_scope text not null,
      capital_cents bigint not null check (capital_cents >= 0),
      charity boolean not null default false,
      public_fundraising boolean not null default false,
      rating text check (rating in ('1A','2A','3A','4A','5A')),
      rating_from date,
      rating_until date,
      registered_on date not null,
      certificate_no text,
      status text not null default 'normal' check (status in ('normal','deregistered','revoked')),
      status_on date,
      is_demo boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (rating is null or (rating_from is not null and rating_until is not null and rating_from <= rating_until)),
      check (not public_fundraising or charity)
    )`.execute(db);
    await sql`create index organization_scope_idx on orgs.organization (authority_area_path text_pattern_ops, status)`.execute(db);
    await sql`create index organization_name_key_idx on orgs.organization (authority_org_unit_id, name_key)`.execute(db);
    await sql`create unique index organization_live_name_idx on orgs.organization (authority_org_unit_id, name) where status = 'normal'`.execute(db);

    await sql`create table orgs.change (
      id uuid primary key,
      organization_id uuid not null references orgs.organization(id),
      field text not null,
      before text,
      after text,
      changed_on date not null,
      act text not null,
      basis text,
      actor_id uuid,
      at timestamptz not null default now()
    )`.execute(db);
    await sql`create index change_org_idx on orgs.change (organization_id, changed_on)`.execute(db);

    await sql`create table orgs.credit_listing (
      id uuid primary key,
      organization_id uuid not null references orgs.organization(id),
      list text not null check (list in ('abnormal','serious','integrity_lapse')),
      reason text not null,
      detail text,
      obligation boolean not null,
      listed_on date not null,
      listed_by uuid,
      obligation_met_on date,
      removed_on date,
      removal_reason text,
      removed_by uuid,
      moved_to uuid references orgs.credit_listing(id),
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      check (removed_on is null or removed_on >= listed_on)
    )`.execute(db);
    await sql`create index credit_listing_org_idx on orgs.credit_listing (organization_id, list, listed_on)`.execute(db);
    await sql`create index credit_listing_open_idx on orgs.credit_listing (list, listed_on) where removed_on is null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop schema if exists orgs cascade`.execute(db);
  },
};
