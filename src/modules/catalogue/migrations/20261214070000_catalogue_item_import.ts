import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 基本目录导入 batches: one row per uploaded workbook. A clean file becomes a draft version
 * (version_id); a refused one keeps its per-row errors and the error workbook (catalogue items
 * only, no personal data) for download by the region's drafters.
 */
export const catalogueItemImport: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table catalogue.item_import (
      id uuid primary key,
      version_id uuid references catalogue.version(id),
      file_name text not null,
      file_sha256 text not null,
      actor_id uuid,
      actor_name text not null,
      at timestamptz not null,
      rows int not null,
      applied boolean not null,
      errors jsonb not null default '[]',
      report bytea
    )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists catalogue.item_import`.execute(db);
  },
};
