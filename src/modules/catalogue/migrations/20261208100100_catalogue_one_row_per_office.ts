import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** An office implements an item once: one active row per (office, base code). 重项 are then across offices. */
export const catalogueOneRowPerOffice: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create unique index implementation_office_active_uq on catalogue.implementation (office_id, base_code) where status = 'active'`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists catalogue.implementation_office_active_uq`.execute(db);
  },
};
