import type { ColumnType, Generated, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Case counts by type, holder, area, state and month of registration, folded from core.case_rollup_delta by a job. */
export interface CaseRollupTable {
  type: string;
  org_unit_id: string;
  area_path: string;
  state: string;
  month: ColumnType<Date, string, string>;
  n: number;
  updated_at: Generated<Date>;
}

/** Changes to core.case_rollup appended by the triggers on core.case (±n), not yet folded into it. */
export interface CaseRollupDeltaTable {
  type: string;
  org_unit_id: string;
  area_path: string;
  state: string;
  month: ColumnType<Date, string, string>;
  n: number;
}

/** The report kernel's own tables, typed beside the shared schema (as a module's db.ts does). */
export interface ReportTables {
  'core.case_rollup': CaseRollupTable;
  'core.case_rollup_delta': CaseRollupDeltaTable;
}

export function reportDb(db: Kysely<DB>): Kysely<DB & ReportTables> {
  return db as unknown as Kysely<DB & ReportTables>;
}
