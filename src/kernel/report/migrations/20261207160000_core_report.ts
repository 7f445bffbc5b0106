import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The annual report (src/kernel/report/README.md):
 * - report_value: each computation of a figure, with the rule it was counted by, when, for whom
 *   (scope_key: the reader's grants for the metric's permission) and the ids of the records behind
 *   it. Rows are never updated: a re-computation adds a row; the newest one is shown.
 * - report_template: the report text of a year (sections, paragraphs with {{metric.code}}
 *   placeholders), versioned: each save adds a version.
 * - report_run: a generated report: the template version, the figures used (value ids) and the text.
 */
export const coreReport: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.report_value (
      id uuid primary key,
      year integer not null check (year between 1949 and 2200),
      area_code text not null references core.area(code),
      metric_code text not null,
      scope_key text not null,
      value numeric not null,
      unit text not null,
      rule text not null,
      aggregation text not null check (aggregation in ('sum','own','ratio')),
      record_kind text not null check (record_kind in ('case','area')),
      record_ids text[] not null,
      computed_at timestamptz not null,
      computed_by uuid
    )`.execute(db);
    await sql`create index report_value_lookup_idx on core.report_value (year, area_code, metric_code, scope_key, computed_at desc)`.execute(db);

    await sql`create table core.report_template (
      year integer not null check (year between 1949 and 2200),
      version integer not null check (version >= 1),
      title text not null,
      body jsonb not null,
      saved_at timestamptz not null,
      saved_by uuid,
      primary key (year, version)
    )`.execute(db);

    await sql`create table core.report_run (
      id uuid primary key,
      year integer not null,
      area_code text not null references core.area(code),
      template_version integer not null,
      value_ids uuid[] not null,
      text jsonb not null,
      generated_at timestamptz not null,
      generated_by uuid
    )`.execute(db);
    await sql`create index report_run_lookup_idx on core.report_run (year, area_code, generated_at desc)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists core.report_run`.execute(db);
    await sql`drop table if exists core.report_template`.execute(db);
    await sql`drop table if exists core.report_value`.execute(db);
  },
};
