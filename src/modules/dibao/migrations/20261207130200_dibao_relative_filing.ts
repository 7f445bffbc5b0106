import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 近亲属备案 (民发〔2021〕57号, regulations.md §2.2 受理): an application by a near relative of 民政 staff
 * or of a 村(居)委会 member is registered separately (单独登记备案); the county must visit the home
 * (县级入户核查) and confirms itself, even where approval is delegated to the township.
 */
export const dibaoRelativeFiling: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table dibao.relative_filing (
      case_id uuid primary key references core.case(id),
      household_id uuid not null references dibao.household(id),
      county_code text not null,
      area_path text not null,
      staff_name text not null,
      staff_post text not null,
      relation text not null,
      filed_on date not null,
      county_visit jsonb,
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index relative_filing_area_idx on dibao.relative_filing (area_path text_pattern_ops, filed_on desc)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists dibao.relative_filing`.execute(db);
  },
};
