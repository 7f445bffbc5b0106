import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Documents issued from a module's record rather than a case (a 整改通知书 from a spot-check item): the row names the
 * subject (its kind and id) and carries the area path and org unit that scope it, in place of the case. Exactly one
 * of the two; the number, version, code, file and immutability are the same as for a case's documents.
 */
export const coreDocumentSubject: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table core.document alter column case_id drop not null`.execute(db);
    await sql`alter table core.document add column subject_type text, add column subject_id text, add column area_path text, add column org_unit_id uuid`.execute(
      db,
    );
    await sql`alter table core.document add constraint document_issued_from check (
      (case_id is not null and subject_type is null and subject_id is null and area_path is null)
      or (case_id is null and subject_type is not null and subject_id is not null and area_path is not null))`.execute(db);
    await sql`create unique index document_subject_version on core.document (subject_type, subject_id, type, version) where case_id is null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists core.document_subject_version`.execute(db);
    await sql`alter table core.document drop constraint if exists document_issued_from`.execute(db);
    await sql`alter table core.document drop column if exists subject_type, drop column if exists subject_id, drop column if exists area_path, drop column if exists org_unit_id`.execute(
      db,
    );
  },
};
