import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Name search within a frozen 双随机 population (and the drawn list, which is its first sample_size rows) by
 * trigram, as in the registry (20261212060000_orgs_name_trgm): a GIN trigram index on the population's names,
 * which the planner ANDs with the primary key's spot_check_id.
 */
export const orgsSpotPopulationTrgm: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index spot_check_population_name_trgm_idx on orgs.spot_check_population using gin (name gin_trgm_ops)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists orgs.spot_check_population_name_trgm_idx`.execute(db);
  },
};
