import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * What the start-up seeding last loaded, as a fingerprint per kind ('reference': the area tree,
 * the department's units, the built-in roles, the audit chains, the calendar seed): a restart
 * whose inputs match skips that seeding instead of re-reading and comparing every row.
 */
export const coreSeedState: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.seed_state (
      kind text primary key,
      fingerprint text not null,
      seeded_at timestamptz not null default now()
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists core.seed_state`.execute(db);
  },
};
