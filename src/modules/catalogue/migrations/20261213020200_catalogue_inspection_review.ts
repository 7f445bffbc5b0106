import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 检查行为 under 「谁监管、谁录入、谁审核」: 处理措施, who entered the record and who reviewed it. Records
 * written before this migration count as approved; new ones wait for review.
 */
export const catalogueInspectionReview: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table catalogue.inspection_record add column measures text,
      add column status text not null default 'approved' check (status in ('pending', 'approved', 'rejected')),
      add column entered_by uuid, add column reviewed_by uuid, add column reviewed_by_name text, add column reviewed_at timestamptz,
      add column review_note text`.execute(db);
    await sql`alter table catalogue.inspection_record alter column status set default 'pending'`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table catalogue.inspection_record drop column measures, drop column status, drop column entered_by, drop column reviewed_by,
      drop column reviewed_by_name, drop column reviewed_at, drop column review_note`.execute(db);
  },
};
