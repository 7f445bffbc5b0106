import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 征求意见 channels: a comment came from the public portal (门户网站), from a body the consultation
 * was addressed to (定向征求), or by letter, e-mail or meeting registered by the drafter (其他渠道).
 */
export const normdocsCommentChannel: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table normdocs.comment add column channel text not null default '其他渠道' check (channel in ('门户网站', '定向征求', '其他渠道'))`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table normdocs.comment drop column channel`.execute(db);
  },
};
