import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Official documents (文书) issued from cases (../README.md). A row is immutable once written
 * (the same refusing trigger as the case events): re-issuing writes a new version. The number
 * comes from a gapless series per document type and year (document_counter, incremented in the
 * issuing transaction, so a rolled-back issue gives its number back).
 */
export const coreDocuments: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.document_counter (
      type text not null,
      year integer not null,
      last integer not null,
      primary key (type, year)
    )`.execute(db);
    await sql`create table core.document (
      id uuid primary key,
      case_id uuid not null references core.case(id),
      type text not null,
      doc_no text not null,
      version integer not null check (version >= 1),
      title text not null,
      issuer text not null,
      issued_on date not null,
      verify_code text not null check (length(verify_code) between 8 and 20),
      content jsonb not null,
      sm3 text not null check (length(sm3) = 64),
      storage_key text not null,
      size_bytes integer not null,
      issued_by uuid references core.app_user(id),
      issued_at timestamptz not null,
      unique (doc_no, version),
      unique (case_id, type, version)
    )`.execute(db);
    await sql`create index document_case_idx on core.document (case_id, issued_at)`.execute(db);
    await sql`create trigger document_no_update before update or delete on core.document
      for each row execute function core.audit_refuse_change()`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists core.document`.execute(db);
    await sql`drop table if exists core.document_counter`.execute(db);
  },
};
