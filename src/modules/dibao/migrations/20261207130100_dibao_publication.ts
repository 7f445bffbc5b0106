import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 公布 (《社会救助暂行办法》第十一条(三)): after the decision to approve, the household is published in
 * its village/community. One row per posting (date, channel, place) with what the list showed:
 * the applicant's name with the given name masked, the household size, the insured persons and the amount.
 */
export const dibaoPublication: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table dibao.publication (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      household_id uuid not null references dibao.household(id),
      area_code text not null,
      area_path text not null,
      published_on date not null,
      channel text not null,
      place text not null,
      name_masked text not null,
      household_size integer not null,
      insured_persons integer not null,
      amount_cents integer not null,
      is_demo boolean not null default false,
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
    await sql`create index publication_area_idx on dibao.publication (area_path text_pattern_ops, published_on desc)`.execute(db);
    await sql`create index publication_case_idx on dibao.publication (case_id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists dibao.publication`.execute(db);
  },
};
