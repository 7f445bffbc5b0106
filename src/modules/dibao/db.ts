import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Row types of the 低保 tables (beside migrations/); modules own their table types. */
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type Authority = 'county' | 'township';
export type HouseholdKind = 'urban' | 'rural';
export type HouseholdStatus = 'applying' | 'active' | 'suspended' | 'stopped' | 'refused' | 'withdrawn';

export interface DibaoSettingTable {
  key: string;
  value: Json;
  updated_at: Ts;
  updated_by: string | null;
  /** The setting's basis as recorded by the configuring user (null: the code's default basis). */
  source: ColumnType<string | null, string | null | undefined, string | null>;
  /** The legal text of the basis was verified (null: not yet). */
  verified: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
}
export interface DelegationTable {
  id: string;
  county_code: string;
  authority: Authority;
  effective_from: DateCol;
  document: string;
  note: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Ts;
  created_by: string | null;
}
export interface StandardTable {
  id: string;
  area_code: string;
  kind: HouseholdKind;
  effective_from: DateCol;
  monthly_cents: number;
  method: ColumnType<'difference' | 'banded', 'difference' | 'banded' | undefined>;
  bands: Json;
  min_cents: ColumnType<number, number | undefined>;
  document: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Ts;
  created_by: string | null;
}
export interface HouseholdTable {
  id: string;
  area_code: string;
  area_path: string;
  kind: HouseholdKind;
  address: string;
  phone_enc: string | null;
  phone_masked: string | null;
  status: ColumnType<HouseholdStatus, HouseholdStatus | undefined>;
  benefit_cents: ColumnType<number, number | undefined>;
  insured_persons: ColumnType<number, number | undefined>;
  benefit_from: DateCol | null;
  gradual_exit_until: DateCol | null;
  recheck_cadence: 'yearly' | 'half_yearly' | null;
  next_recheck_on: DateCol | null;
  source: ColumnType<'application' | 'import', 'application' | 'import' | undefined>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined>;
  created_at: Ts;
  updated_at: Ts;
}
export interface MemberTable {
  id: string;
  household_id: string;
  name: string;
  id_number_enc: string;
  id_number_masked: string;
  id_hash: string;
  relation: '申请人' | '配偶' | '子女' | '父母' | '祖父母' | '孙子女' | '兄弟姐妹' | '其他';
  sex: '男' | '女' | null;
  birth_date: DateCol | null;
  hukou_area_code: string | null;
  disability: ColumnType<string, string | undefined>;
  health: ColumnType<string, string | undefined>;
  work_ability: ColumnType<string, string | undefined>;
  insured: ColumnType<boolean, boolean | undefined>;
  active: ColumnType<boolean, boolean | undefined>;
  /** A 网上申请 member not yet verified at the window: holds no one-household slot until 受理. */
  unverified: ColumnType<boolean, boolean | undefined>;
  left_on: DateCol | null;
  left_reason: '死亡' | '迁出' | '分户' | '其他' | null;
  created_at: Ts;
}
export interface IncomeTable {
  id: string;
  household_id: string;
  member_id: string | null;
  kind: string;
  monthly_cents: number;
  source: string | null;
  note: string | null;
}
export interface AssetTable {
  id: string;
  household_id: string;
  kind: string;
  description: string;
  value_cents: ColumnType<string, number | string | undefined>;
  area_m2: ColumnType<string | null, number | string | null | undefined>;
}
export interface ExpenseTable {
  id: string;
  household_id: string;
  kind: string;
  monthly_cents: number;
  note: string | null;
}
export interface HouseholdChangeTable {
  id: string;
  household_id: string;
  at: Ts;
  actor_id: string | null;
  kind: string;
  summary: string;
  before: Json;
  after: Json;
  case_id: string | null;
}

export type BenefitChangeKind = '新增' | '增发' | '减发' | '停发' | '恢复' | '存量';
export interface BenefitChangeTable {
  id: string;
  household_id: string;
  kind: BenefitChangeKind;
  before_cents: ColumnType<number, number | undefined>;
  after_cents: number;
  insured_before: ColumnType<number, number | undefined>;
  insured_after: number;
  effective_month: DateCol;
  reason: string;
  case_id: string | null;
  import_batch_id: string | null;
  actor_id: string | null;
  at: Ts;
}

export interface DibaoTables {
  'dibao.setting': DibaoSettingTable;
  'dibao.delegation': DelegationTable;
  'dibao.standard': StandardTable;
  'dibao.household': HouseholdTable;
  'dibao.member': MemberTable;
  'dibao.income': IncomeTable;
  'dibao.asset': AssetTable;
  'dibao.expense': ExpenseTable;
  'dibao.household_change': HouseholdChangeTable;
  'dibao.benefit_change': BenefitChangeTable;
}

/**
 * The kernel's database handle seen with the 低保 tables too. Other 低保 table groups (the
 * application flow, rosters, imports) extend DibaoTables in their own files the same way.
 */
export function dibaoDb<T extends object = DibaoTables>(db: Kysely<DB>): Kysely<DB & T> {
  return db as unknown as Kysely<DB & T>;
}
