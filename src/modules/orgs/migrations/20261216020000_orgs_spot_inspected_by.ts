import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The officers who carried out a 双随机 inspection (id, name, 执法证号), as reported to 互联网+监管: the drawn team,
 * or the certified officers the clerk picked when recording it (a drawn inspector unavailable, or a pool of names).
 */
export const orgsSpotInspectedBy: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table orgs.spot_check_item add column inspected_by jsonb`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table orgs.spot_check_item drop column inspected_by`.execute(db);
  },
};
