import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CreditList, OrgKind, OrgStatus, Rating } from './contract.ts';

/** Row types of the 社会组织 tables (beside migrations/). */
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;

export interface OrganizationTable {
  id: string;
  kind: OrgKind;
  name: string;
  name_key: string;
  uscc: string;
  authority_org_unit_id: string;
  authority_area_code: string;
  authority_area_path: string;
  supervisor_unit: string | null;
  supervisor_org_unit_id: ColumnType<string | null, string | null | undefined, string | null>;
  supervisor_area_path: ColumnType<string | null, string | null | undefined, string | null>;
  domicile: string;
  legal_representative: string;
  business_scope: string;
  capital_cents: number;
  charity: ColumnType<boolean, boolean | undefined, boolean>;
  public_fundraising: ColumnType<boolean, boolean | undefined, boolean>;
  rating: Rating | null;
  rating_from: DateCol | null;
  rating_until: DateCol | null;
  registered_on: DateCol;
  certificate_no: string | null;
  status: ColumnType<OrgStatus, OrgStatus | undefined, OrgStatus>;
  status_on: DateCol | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Ts;
  updated_at: Ts;
}
export interface ChangeTable {
  id: string;
  organization_id: string;
  field: string;
  before: string | null;
  after: string | null;
  changed_on: DateCol;
  act: string;
  basis: string | null;
  actor_id: string | null;
  at: Ts;
}
export interface CreditListingTable {
  id: string;
  organization_id: string;
  list: CreditList;
  reason: string;
  detail: string | null;
  obligation: boolean;
  listed_on: DateCol;
  listed_by: string | null;
  obligation_met_on: DateCol | null;
  removed_on: DateCol | null;
  removal_reason: string | null;
  removed_by: string | null;
  moved_to: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Ts;
}
export interface ApplicationTable {
  case_id: string;
  procedure: 'establish' | 'change' | 'deregister';
  organization_id: string | null;
  authority_org_unit_id: string;
  payload: ColumnType<unknown, string, string>;
  filed_on: DateCol;
  reference_on: DateCol | null;
  late: ColumnType<boolean, boolean | undefined, boolean>;
  name_check: string | null;
  decision: '准予登记' | '不予登记' | null;
  decided_on: DateCol | null;
  decision_reason: string | null;
  certificate_no: string | null;
  /** The 政务服务大厅 case that handed the application over (成立登记 accepted at the hall), if any. */
  origin_case_id: ColumnType<string | null, string | null | undefined, string | null>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
}
export interface InspectionTable {
  id: string;
  organization_id: string;
  year: number;
  submitted_on: DateCol | null;
  reviewed_on: DateCol | null;
  conclusion: '合格' | '基本合格' | '不合格' | null;
  reasons: string | null;
  concluded_on: DateCol | null;
  concluded_by: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  report: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_via: 'portal' | 'registrar' | null;
  published_on: DateCol | null;
  supervisor_opinion: ColumnType<'同意' | '不同意' | null, '同意' | '不同意' | null | undefined, '同意' | '不同意' | null>;
  supervisor_comment: ColumnType<string | null, string | null | undefined, string | null>;
  supervisor_opinion_on: ColumnType<string | null, string | null | undefined, string | null>;
  supervisor_opinion_by: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface FilingCodeTable {
  organization_id: string;
  code_hash: string;
  issued_on: DateCol;
  issued_by: string | null;
}
export interface AnnualReminderTable {
  organization_id: string;
  year: number;
  deadline_kind: 'supervisor' | 'registrar';
  deadline: DateCol;
  reminded_on: DateCol;
}
export interface OrgsTables {
  'orgs.inspection': InspectionTable;
  'orgs.filing_code': FilingCodeTable;
  'orgs.annual_reminder': AnnualReminderTable;
  'orgs.application': ApplicationTable;
  'orgs.organization': OrganizationTable;
  'orgs.change': ChangeTable;
  'orgs.credit_listing': CreditListingTable;
}

/** The kernel's database handle seen with the 社会组织 tables too. */
export function orgsDb(db: Kysely<DB>): Kysely<DB & OrgsTables> {
  return db as unknown as Kysely<DB & OrgsTables>;
}
