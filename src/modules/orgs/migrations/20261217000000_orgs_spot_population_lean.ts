import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 双随机 commit at scale: a plan committed from now on freezes every organization of its population as (USCC,
 * organization id) only; the drawn order `pos` and the name on the day are kept for the k drawn rows alone (the draw
 * reads positions 1…k; the rest of the order is never read — the re-run ranks from the seed). So the row key becomes
 * (spot_check_id, USCC), positions get a partial index, and the trigram index on the population's names goes: a name
 * search within the population uses the registry's (organization_name_trgm_idx). Rows of earlier plans keep every
 * position and name. The foreign key to the plan goes too: its check ran once per row (6.5 s of a 900,000-row commit,
 * EXPLAIN ANALYZE), and the rows are written by one function only (draw-v2.ts freezePopulation), in the transaction
 * that inserts their plan, with its id; plans are never deleted.
 */
export const orgsSpotPopulationLean: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table orgs.spot_check_population drop constraint spot_check_population_pkey`.execute(db);
    await sql`alter table orgs.spot_check_population alter column pos drop not null, alter column name drop not null`.execute(db);
    await sql`alter table orgs.spot_check_population add constraint spot_check_population_drawn_named check (pos is null or name is not null)`.execute(db);
    await sql`create unique index spot_check_population_pos_idx on orgs.spot_check_population (spot_check_id, pos) where pos is not null`.execute(db);
    await sql`drop index orgs.spot_check_population_uscc_idx`.execute(db);
    await sql`create unique index spot_check_population_uscc_idx on orgs.spot_check_population (spot_check_id, uscc collate "C")`.execute(db);
    await sql`drop index orgs.spot_check_population_name_trgm_idx`.execute(db);
    await sql`alter table orgs.spot_check_population drop constraint spot_check_population_spot_check_id_fkey`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table orgs.spot_check_population add constraint spot_check_population_spot_check_id_fkey
      foreign key (spot_check_id) references orgs.spot_check(id)`.execute(db);
    await sql`create index spot_check_population_name_trgm_idx on orgs.spot_check_population using gin (name gin_trgm_ops)`.execute(db);
    await sql`drop index orgs.spot_check_population_uscc_idx`.execute(db);
    await sql`create index spot_check_population_uscc_idx on orgs.spot_check_population (spot_check_id, uscc collate "C")`.execute(db);
    await sql`drop index orgs.spot_check_population_pos_idx`.execute(db);
    await sql`alter table orgs.spot_check_population drop constraint spot_check_population_drawn_named`.execute(db);
    await sql`delete from orgs.spot_check_population where pos is null`.execute(db);
    await sql`alter table orgs.spot_check_population alter column pos set not null, alter column name set not null`.execute(db);
    await sql`alter table orgs.spot_check_population add primary key (spot_check_id, pos)`.execute(db);
  },
};
