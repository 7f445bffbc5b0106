import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The end of a document's force: 废止 (by decision) or 失效 (有效期届满), with the day and the reason. */
export const normdocsLifecycle: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table normdocs.document add column ended_on date, add column end_kind text check (end_kind in ('废止', '失效')), add column end_reason text`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table normdocs.document drop column end_reason, drop column end_kind, drop column ended_on`.execute(db);
  },
};
