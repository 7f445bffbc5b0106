import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 转送 to a body outside the platform (人社局 …;《信访工作条例》第二十二条): the body, the day sent and
 * how, so the 转送告知书 and the petitioner's tracking say where the matter went.
 */
export const petitionsForwardOutside: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table petitions.petition add column forwarded_to text, add column forwarded_on date, add column forward_method text`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table petitions.petition drop column forwarded_to, drop column forwarded_on, drop column forward_method`.execute(db);
  },
};
