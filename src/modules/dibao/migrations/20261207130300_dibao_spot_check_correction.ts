import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 县级抽查 found 不属实: the correction it opened (a flagged re-check of the household, or a re-examination of a refusal). */
export const dibaoSpotCheckCorrection: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table dibao.spot_check_item add column correction jsonb`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table dibao.spot_check_item drop column if exists correction`.execute(db);
  },
};
