import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 合法性审核 keeps its checklist (审核要点, each 符合/不符合 with a note); 政策法规处签字 is its own
 * step before 签发 (who and when, on the document).
 */
export const normdocsReviewChecklist: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table normdocs.review add column checklist jsonb`.execute(db);
    await sql`alter table normdocs.document add column legal_signed_by_name text, add column legal_signed_on date`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table normdocs.document drop column legal_signed_on, drop column legal_signed_by_name`.execute(db);
    await sql`alter table normdocs.review drop column checklist`.execute(db);
  },
};
