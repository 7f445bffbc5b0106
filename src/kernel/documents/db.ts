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
  case_id: string;
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
