import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 行政事业性收费 (第二十条第(八)项): the office's fee items of a year with the amount collected (万元). An office with
 * no row for the year has no fee item: the 30号 report prints 0 with that reason.
 */
export const disclosureFeeItem: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table disclosure.fee_item (
      id uuid primary key,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      year int not null check (year between 2000 and 2100),
      name text not null,
      basis text not null,
      amount numeric(14, 4) not null check (amount >= 0),
      created_by uuid,
      created_at timestamptz not null,
      unique (org_unit_id, year, name)
    )`.execute(db);
    await sql`create index fee_item_area_idx on disclosure.fee_item (area_path text_pattern_ops, year)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists disclosure.fee_item`.execute(db);
  },
};
