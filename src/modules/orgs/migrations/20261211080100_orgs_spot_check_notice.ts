import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 双随机 pages and 整改通知书: the frozen population is read in pages by USCC (and searched by its beginning), so it
 * gets an index in code-point order; an item keeps the kernel document (文书) its 整改通知书 was issued as.
 */
export const orgsSpotCheckNotice: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index spot_check_population_uscc_idx on orgs.spot_check_population (spot_check_id, uscc collate "C")`.execute(db);
    await sql`alter table orgs.spot_check_item add column notice_document_id uuid`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table orgs.spot_check_item drop column if exists notice_document_id`.execute(db);
    await sql`drop index if exists orgs.spot_check_population_uscc_idx`.execute(db);
  },
};
