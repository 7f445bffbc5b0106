import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Evidence files (videos up to the configured size, default 2 GiB) arrive in chunks: `evidence_upload`
 * holds an upload until it completes (the chunks themselves are files under DATA_DIR/uploads/evidence/<id>/).
 * A completed upload becomes an evidence row that names its stored file (`storage_key`, the SM3 of the
 * plain bytes, so the files sweep keeps it); the size is a bigint (a 2 GiB file does not fit an int).
 */
export const enforcementEvidenceUpload: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table enforcement.evidence alter column size_bytes type bigint`.execute(db);
    await sql`alter table enforcement.evidence add column file_name text, add column mime_type text, add column storage_key text`.execute(db);
    await sql`create table enforcement.evidence_upload (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      user_id uuid not null references core.app_user(id),
      file_name text not null,
      mime_type text not null,
      size_bytes bigint not null check (size_bytes > 0),
      chunk_bytes int not null check (chunk_bytes > 0),
      evidence jsonb not null,
      sm3 text,
      sealed_name text,
      created_at timestamptz not null
    )`.execute(db);
    await sql`create index evidence_upload_case_idx on enforcement.evidence_upload (case_id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table enforcement.evidence_upload`.execute(db);
    await sql`alter table enforcement.evidence drop column file_name, drop column mime_type, drop column storage_key`.execute(db);
    await sql`alter table enforcement.evidence alter column size_bytes type int`.execute(db);
  },
};
