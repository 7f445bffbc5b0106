import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 评估 (evaluation records: who evaluated, how, findings, conclusion) attached to a document's case;
 * 修改 as a third end of force (a published revision replaces the document from its 施行日期, linked
 * by replaced_by_case_id); a 清理's deadline (due_on), after which open documents show it as stalled.
 */
export const normdocsEvaluation: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table normdocs.evaluation (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      evaluated_on date not null,
      evaluator text not null,
      third_party boolean not null,
      method text not null,
      findings text not null,
      conclusion text not null check (conclusion in ('继续有效', '修改', '废止')),
      revision_case_id uuid references core.case(id),
      recorded_by_name text not null,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index evaluation_case_idx on normdocs.evaluation (case_id)`.execute(db);
    await sql`alter table normdocs.document drop constraint document_end_kind_check`.execute(db);
    await sql`alter table normdocs.document add constraint document_end_kind_check check (end_kind in ('废止', '失效', '修改')),
      add column replaced_by_case_id uuid references core.case(id)`.execute(db);
    await sql`alter table normdocs.cleanup add column due_on date`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table normdocs.cleanup drop column due_on`.execute(db);
    await sql`alter table normdocs.document drop column replaced_by_case_id, drop constraint document_end_kind_check`.execute(db);
    await sql`alter table normdocs.document add constraint document_end_kind_check check (end_kind in ('废止', '失效'))`.execute(db);
    await sql`drop table normdocs.evaluation`.execute(db);
  },
};
