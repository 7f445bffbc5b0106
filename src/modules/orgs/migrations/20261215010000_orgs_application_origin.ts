import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 成立登记 handed over by the 政务服务大厅 (一窗受理): the orgs case keeps the case it came from, so its page
 * links back and its decision can be reflected there (README, "成立登记 from the hall").
 */
export const orgsApplicationOrigin: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table orgs.application add column origin_case_id uuid unique references core.case(id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table orgs.application drop column origin_case_id`.execute(db);
  },
};
