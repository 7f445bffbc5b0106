import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 双随机 draw v2: the frozen population as rows (one per organization: USCC, id and name on the day), numbered
 * `pos` in drawn order (by SHA-256(purpose:seed:USCC), computed when the plan is committed and its seed made), with
 * its size and SHA-256 fingerprint on the plan, instead of one jsonb array; `algorithm` names how each plan draws. Plans committed before keep
 * algorithm v1 (their jsonb population, the kernel's SM3/mulberry32 Fisher–Yates) and still re-run exactly.
 */
export const orgsSpotCheckV2: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table orgs.spot_check add column algorithm text not null default 'sm3-mulberry32-fisher-yates/1'`.execute(db);
    await sql`alter table orgs.spot_check alter column population drop not null`.execute(db);
    await sql`alter table orgs.spot_check add column population_size integer, add column population_hash text`.execute(db);
    await sql`update orgs.spot_check set population_size = jsonb_array_length(population)`.execute(db);
    await sql`alter table orgs.spot_check alter column population_size set not null`.execute(db);
    await sql`alter table orgs.spot_check add constraint spot_check_population_form
      check ((algorithm = 'sm3-mulberry32-fisher-yates/1') = (population is not null))`.execute(db);
    await sql`create table orgs.spot_check_population (
      spot_check_id uuid not null references orgs.spot_check(id),
      pos integer not null check (pos >= 1),
      uscc text not null,
      organization_id uuid not null,
      name text not null,
      primary key (spot_check_id, pos)
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists orgs.spot_check_population`.execute(db);
    await sql`alter table orgs.spot_check drop constraint if exists spot_check_population_form`.execute(db);
    await sql`alter table orgs.spot_check drop column if exists algorithm, drop column if exists population_size, drop column if exists population_hash`.execute(
      db,
    );
  },
};
