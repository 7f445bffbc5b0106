import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Keys retired after a rotation (`minzheng pii retire`): a key is listed here once nothing is
 * encrypted under it any more; its material is then deleted where the platform keeps it.
 */
export const corePiiKey: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.pii_key_retired (
      kid text primary key check (kid ~ '^[0-9a-f]{8}$'),
      retired_at timestamptz not null
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists core.pii_key_retired`.execute(db);
  },
};
