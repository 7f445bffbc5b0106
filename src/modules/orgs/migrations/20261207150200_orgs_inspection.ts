import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 年检: one row per organization and year — the report's submission, 初审, and the conclusion with reasons. */
export const orgsInspection: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table orgs.inspection (
      id uuid primary key,
      organization_id uuid not null references orgs.organization(id),
      year integer not null check (year between 1990 and 2999),
      submitted_on date,
      reviewed_on date,
      conclusion text check (conclusion in ('合格','基本合格','不合格')),
      reasons text,
      concluded_on date,
      concluded_by uuid,
      is_demo boolean not null default false,
      unique (organization_id, year),
      check (conclusion is null or concluded_on is not null),
      check (conclusion is distinct from '不合格' or reasons is not null)
    )`.execute(db);
    await sql`create index inspection_year_idx on orgs.inspection (year, organization_id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists orgs.inspection`.execute(db);
  },
};
