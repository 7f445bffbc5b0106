import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 不予受理 (issue 10 C2): the decision not to accept an application, with its reason code and text — distinct from 不予确认. */
export const dibaoNotAccepted: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table dibao.application add column not_accepted_on date, add column not_accepted_code text, add column not_accepted_reason text`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table dibao.application drop column if exists not_accepted_on, drop column if exists not_accepted_code, drop column if exists not_accepted_reason`.execute(
      db,
    );
  },
};
