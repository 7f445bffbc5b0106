import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 实施清单导入 batches: one row per uploaded workbook, applied whole or not at all; a refused one keeps
 * its per-row errors and the error workbook (catalogue items only, no personal data) for download.
 */
export const catalogueListImport: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table catalogue.list_import (
      id uuid primary key,
      office_id uuid not null references catalogue.office(id),
      org_unit_id uuid not null references core.org_unit(id),
      area_path text not null,
      file_name text not null,
      file_sha256 text not null,
      actor_id uuid,
      actor_name text not null,
      at timestamptz not null,
      rows int not null,
      applied boolean not null,
      added int not null default 0,
      updated int not null default 0,
      errors jsonb not null default '[]',
      report bytea
    )`.execute(db);
    await sql`create index list_import_office_idx on catalogue.list_import (office_id, at)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists catalogue.list_import`.execute(db);
  },
};
