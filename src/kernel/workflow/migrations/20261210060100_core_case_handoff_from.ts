import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The cases an org unit handed on (the read rule's second branch) found by index, not by scanning every hand-off. */
export const coreCaseHandoffFrom: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index if not exists case_handoff_from_idx on core.case_handoff (from_org_id, case_id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists core.case_handoff_from_idx`.execute(db);
  },
};
