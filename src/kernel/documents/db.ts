import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DocumentContent } from './content.ts';

/** Row types of the documents tables (migrations/). */
type Ts = ColumnType<Date, Date | string, never>;

export interface DocumentCounterTable {
  type: string;
  year: number;
  last: number;
}
export interface DocumentTable {
  id: string;
  /** The case it was issued from, or null for a subject document (subject_type, subject_id, area_path, org_unit_id). */
  case_id: string | null;
  subject_type: ColumnType<string | null, string | null | undefined, never>;
  subject_id: ColumnType<string | null, string | null | undefined, never>;
  area_path: ColumnType<string | null, string | null | undefined, never>;
  org_unit_id: ColumnType<string | null, string | null | undefined, never>;
  type: string;
  doc_no: string;
  version: number;
  title: string;
  issuer: string;
  issued_on: ColumnType<string, string, never>;
  verify_code: string;
  content: ColumnType<DocumentContent, string, never>;
  sm3: string;
  storage_key: string;
  size_bytes: number;
  issued_by: string | null;
  issued_at: Ts;
}
export type DocumentTables = { 'core.document': DocumentTable; 'core.document_counter': DocumentCounterTable };

export function documentsDb(db: Kysely<DB>): Kysely<DB & DocumentTables> {
  return db as unknown as Kysely<DB & DocumentTables>;
}
