import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Name search that tolerates partial names: pg_trgm (a trusted contrib extension on PostgreSQL 13+, loaded into
 * PGlite by createDb) and a GIN trigram index on the organization's name, which serves `name like '%…%'` for every
 * term of three characters or more and the word-similarity operator `<%`.
 */
export const orgsNameTrgm: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index organization_name_trgm_idx on orgs.organization using gin (name gin_trgm_ops)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists orgs.organization_name_trgm_idx`.execute(db);
  },
};
