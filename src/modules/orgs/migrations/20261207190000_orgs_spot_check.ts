import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 双随机一公开: a spot check (定期抽查 plan or 不定期抽查) of one registering authority — the commitment
 * (SM3 of the secret seed) and the frozen population and inspector pool published first, then the draw,
 * then the seed revealed; one item per drawn organization with its team, inspection, 整改通知 and follow-up.
 */
export const orgsSpotCheck: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table orgs.spot_check (
      id uuid primary key,
      kind text not null check (kind in ('plan','adhoc')),
      year integer not null check (year between 2000 and 2999),
      title text not null,
      authority_org_unit_id uuid not null,
      authority_area_path text not null,
      authority_level integer not null,
      ratio numeric,
      sample_size integer not null,
      per_team integer not null check (per_team >= 2),
      commitment text not null,
      seed text not null,
      revealed_on date,
      population jsonb not null,
      inspectors jsonb not null,
      committed_on date not null,
      drawn_on date,
      sample jsonb,
      teams jsonb,
      created_by uuid,
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index spot_check_area_idx on orgs.spot_check (authority_area_path)`.execute(db);
    await sql`create table orgs.spot_check_item (
      spot_check_id uuid not null references orgs.spot_check(id),
      organization_id uuid not null references orgs.organization(id),
      inspectors jsonb not null,
      method text check (method in ('desk','onsite')),
      inspected_on date,
      findings text,
      problems boolean,
      notice_no text,
      notice_on date,
      rectify_by date,
      rectified_on date,
      follow_up text,
      listing_id uuid,
      primary key (spot_check_id, organization_id)
    )`.execute(db);
    await sql`create index spot_check_item_due_idx on orgs.spot_check_item (rectify_by) where rectified_on is null and listing_id is null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists orgs.spot_check_item`.execute(db);
    await sql`drop table if exists orgs.spot_check`.execute(db);
  },
};
