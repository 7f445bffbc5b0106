import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** 结业证明 as a kernel document: a passed attempt keeps the document (文书) its certificate was issued as. */
export const enforcementCertificateDocument: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table enforcement.exam_attempt add column certificate_document_id uuid`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table enforcement.exam_attempt drop column if exists certificate_document_id`.execute(db);
  },
};
