import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 信访统计: petitions registered in a period are found by (type, created_at) without walking the
 * area index; demo rows are marked (is_demo) so they can be told apart and removed.
 */
export const petitionStatsSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index if not exists case_type_created_idx on core.case (type, created_at)`.execute(db);
    await sql`alter table petitions.petition add column if not exists is_demo boolean not null default false`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table petitions.petition drop column if exists is_demo`.execute(db);
    await sql`drop index if exists core.case_type_created_idx`.execute(db);
  },
};
