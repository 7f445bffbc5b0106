import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 初次信访 as known at registration (the 简易办理 condition); null for rows registered before it. */
export const petitionsFirstTime: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table petitions.petition add column if not exists first_time boolean`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table petitions.petition drop column if exists first_time`.execute(db);
  },
};
