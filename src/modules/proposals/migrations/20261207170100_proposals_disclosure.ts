import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 答复公开: the day the deputy or member agreed that the reply be made public (practice; 代表法
 * 第四十二条第三款 makes the 办理情况报告 public as a whole).
 */
export const proposalsDisclosure: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table proposals.item add column disclosure_agreed_on date`.execute(db);
    await sql`create index item_disclosed_idx on proposals.item (year) where disclosure_agreed_on is not null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists proposals.item_disclosed_idx`.execute(db);
    await sql`alter table proposals.item drop column if exists disclosure_agreed_on`.execute(db);
  },
};
