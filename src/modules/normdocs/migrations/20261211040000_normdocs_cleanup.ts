import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 清理 (clean-up campaigns): a campaign of an issuing body lists every document in force on its
 * as-of date; each gets a conclusion (继续有效 / 修改 / 废止 / 宣布失效) with reasons; the campaign is
 * closed as one act. A 修改 conclusion opens a new draft that names the document it revises.
 */
export const normdocsCleanup: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table normdocs.cleanup (
      id uuid primary key,
      name text not null,
      basis text not null,
      as_of date not null,
      series_word text not null,
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      opened_by_name text not null,
      created_at timestamptz not null,
      closed_on date,
      closed_by_name text
    )`.execute(db);
    await sql`create index cleanup_area_idx on normdocs.cleanup (area_path)`.execute(db);
    // One open campaign per issuing body.
    await sql`create unique index cleanup_open_idx on normdocs.cleanup (series_word) where closed_on is null`.execute(db);
    await sql`create table normdocs.cleanup_item (
      cleanup_id uuid not null references normdocs.cleanup(id),
      case_id uuid not null references core.case(id),
      number text not null,
      title text not null,
      conclusion text check (conclusion in ('继续有效', '修改', '废止', '宣布失效')),
      reason text,
      concluded_by_name text,
      revision_case_id uuid references core.case(id),
      primary key (cleanup_id, case_id)
    )`.execute(db);
    await sql`create index cleanup_item_case_idx on normdocs.cleanup_item (case_id)`.execute(db);
    await sql`alter table normdocs.document add column revises_case_id uuid references core.case(id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table normdocs.document drop column revises_case_id`.execute(db);
    await sql`drop table normdocs.cleanup_item`.execute(db);
    await sql`drop table normdocs.cleanup`.execute(db);
  },
};
