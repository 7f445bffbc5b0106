import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 限期停止活动: the decision states until when (the orgs credit rules read it from PenaltyDecided). */
export const enforcementSuspension: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table enforcement.penalty add column suspended_until date`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table enforcement.penalty drop column suspended_until`.execute(db);
  },
};
