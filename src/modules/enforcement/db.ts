import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type DateCol = ColumnType<string, string, string>;

/** The enforcement tables the typed queries read (writes use SQL in the commands). */
export interface OfficerTable {
  id: string;
  name: string;
  cert_no: string;
  user_id: string | null;
  org_unit_id: string;
  area_path: string;
  valid_from: DateCol;
  valid_to: DateCol;
  status: 'valid' | 'suspended' | 'revoked';
  training_hours: number;
  legal_reviewer: boolean;
  legal_qualification: string | null;
  exam_applicant: boolean;
}
export interface EnforcementTables {
  'enforcement.officer': OfficerTable;
}

export function enforcementDb(db: Kysely<DB>): Kysely<DB & EnforcementTables> {
  return db as unknown as Kysely<DB & EnforcementTables>;
}
