import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { dibaoDb, type Authority, type DibaoTables } from './db.ts';
import type { CHANNELS } from './contract.ts';

/** Row types of the application-side tables (migration 2026-11-29-21-dibao-application). */
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A nullable column added later: optional on insert. */
type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface ApplicationTable {
  case_id: string;
  household_id: string;
  authority: Authority;
  delegation_id: string | null;
  county_code: string;
  township_org_id: string;
  channel: (typeof CHANNELS)[number];
  accepted_on: DateCol | null;
  decided_on: DateCol | null;
  decision: '确认' | '不予确认' | null;
  special: Defaulted<boolean>;
  special_reason: string | null;
  relative_of_staff: Defaulted<boolean>;
  missing_materials: Json;
  checks: Json;
  checked_on: DateCol | null;
  investigation: Json;
  income_unstable: Defaulted<boolean>;
  appraisal: Json;
  township_opinion: Json;
  publicity_round: Defaulted<number>;
  publicity_from: DateCol | null;
  publicity_to: DateCol | null;
  publicity_ended_round: Opt<number>;
  special_approved_by: Opt<string>;
  special_approved_on: Opt<string>;
  objections: Json;
  eligibility: Json;
  benefit: Json;
  notice: string | null;
  notice_sent_on: DateCol | null;
  refusal_reasons: string | null;
  query_code_hash: string | null;
  /** 网上申请 whose members are already in another household: flagged for the township (never told to the visitor). */
  duplicate_flag: Json;
  is_demo: Defaulted<boolean>;
  created_at: Ts;
  not_accepted_on: DateCol | null;
  not_accepted_code: string | null;
  not_accepted_reason: string | null;
}
export interface RecheckTable {
  case_id: string;
  household_id: string;
  due_on: DateCol;
  result: '不变' | '调整' | '停发' | '渐退' | null;
  before_cents: number | null;
  after_cents: number | null;
  steps: Json;
  decided_on: DateCol | null;
  notice: string | null;
  is_demo: Defaulted<boolean>;
  proposal: Json;
  income_class: Opt<'稳定' | '不固定'>;
  decided_level: Opt<'county' | 'township'>;
  decided_by: Opt<string>;
  opinion: Opt<string>;
  gradual_exit_until: Opt<string>;
}

export interface DibaoApplicationTables extends DibaoTables {
  'dibao.application': ApplicationTable;
  'dibao.recheck': RecheckTable;
}

export const applicationDb = (db: Kysely<DB>) => dibaoDb<DibaoApplicationTables>(db);
