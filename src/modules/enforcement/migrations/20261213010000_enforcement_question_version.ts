import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 题库 versions: a question that a candidate has already answered is never changed in place (the attempt's score,
 * its result page and 结业证明 rest on the stem and key they saw); editing it writes a new version (`replaces_id`)
 * and marks the old one `superseded_by`, which leaves the bank but stays on the papers already taken.
 */
export const enforcementQuestionVersion: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table enforcement.question
      add column version int not null default 1,
      add column replaces_id uuid references enforcement.question(id),
      add column superseded_by uuid references enforcement.question(id),
      add column updated_at timestamptz`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table enforcement.question drop column updated_at, drop column superseded_by, drop column replaces_id, drop column version`.execute(db);
  },
};
