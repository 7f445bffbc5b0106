import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Kernel 2.0: the facts of 低保 applications and re-checks live in dibao.application and
 * dibao.recheck only (every one of them was already there); the copies in core.case.data go.
 * The case page reads them from the tables (application-facts.ts, recheck-workflow.ts).
 */
export const dibaoFacts: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`update core.case set data = '{}'::jsonb where type in ('dibao', 'dibao_recheck') and data <> '{}'::jsonb`.execute(db);
  },
  // Nothing to restore: the tables hold every fact the copies held.
  async down() {},
};
