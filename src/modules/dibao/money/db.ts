import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { dibaoDb, type DibaoTables } from '../db.ts';

/** Row types of the money-side tables (migration 20261129220000_dibao_money). */
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string, string, string>;
type Big = ColumnType<number, number | undefined, number>;

export type RosterStatus = 'generated' | 'checked' | 'approved';
export interface RosterTable {
  id: string;
  county_code: string;
  county_path: string;
  month: DateCol;
  status: ColumnType<RosterStatus, RosterStatus | undefined, RosterStatus>;
  version: ColumnType<number, number | undefined, number>;
  households: Big;
  persons: Big;
  total_cents: Big;
  problems: number | null;
  checked_version: number | null;
  generated_at: Ts;
  generated_by: string | null;
  checked_at: TsNull;
  checked_by: string | null;
  approved_at: TsNull;
  approved_by: string | null;
}
export interface RosterLineTable {
  roster_id: string;
  household_id: string;
  line_no: number;
  area_code: string;
  area_path: string;
  kind: string;
  head_name: string | null;
  head_id_masked: string | null;
  address: string | null;
  insured_persons: number;
  amount_cents: number;
  gradual_exit: boolean;
}
export interface RosterPersonTable {
  roster_id: string;
  household_id: string;
  member_id: string;
  id_hash: string;
  month: DateCol;
}
export interface RosterProblemTable {
  roster_id: string;
  household_id: string;
  code: string;
  message: string;
}
export type RosterChangeKind = '新增' | '增发' | '减发' | '停发';
export interface RosterChangeTable {
  roster_id: string;
  household_id: string;
  kind: RosterChangeKind;
  before_cents: number;
  after_cents: number;
  head_name: string | null;
  reason: string | null;
}
export interface ImportBatchTable {
  id: string;
  file_name: string;
  file_sha256: string;
  file_kind: 'xlsx' | 'csv';
  org_unit_id: string | null;
  area_path: string;
  actor_id: string | null;
  actor_name: string | null;
  at: Ts;
  rows: number;
  households: number;
  members: number;
  accepted_rows: number;
  rejected_rows: number;
  accepted_households: number;
  report_enc: string | null;
}
export interface ImportRowErrorTable {
  batch_id: string;
  row_no: number;
  message: string;
}

export interface DibaoMoneyTables extends DibaoTables {
  'dibao.roster': RosterTable;
  'dibao.roster_line': RosterLineTable;
  'dibao.roster_person': RosterPersonTable;
  'dibao.roster_problem': RosterProblemTable;
  'dibao.roster_change': RosterChangeTable;
  'dibao.import_batch': ImportBatchTable;
  'dibao.import_row_error': ImportRowErrorTable;
}

export const moneyDb = (db: Kysely<DB>) => dibaoDb<DibaoMoneyTables>(db);
