import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 继续施行: a document evaluated 继续有效 before its 有效期 runs out is registered again with a new
 * number and period (continues_case_id → the old one, continued_evaluation_id → the evaluation that
 * decided it); the old one ends with end_kind 重新登记 from the new one's 施行日期. One continuation per document.
 */
export const normdocsContinuation: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table normdocs.document drop constraint document_end_kind_check`.execute(db);
    await sql`alter table normdocs.document add constraint document_end_kind_check check (end_kind in ('废止', '失效', '修改', '重新登记')),
      add column continues_case_id uuid references core.case(id), add column continued_evaluation_id uuid references normdocs.evaluation(id)`.execute(db);
    await sql`create unique index document_continues_uq on normdocs.document (continues_case_id) where continues_case_id is not null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index normdocs.document_continues_uq`.execute(db);
    await sql`alter table normdocs.document drop column continued_evaluation_id, drop column continues_case_id, drop constraint document_end_kind_check`.execute(
      db,
    );
    await sql`alter table normdocs.document add constraint document_end_kind_check check (end_kind in ('废止', '失效', '修改'))`.execute(db);
  },
};
