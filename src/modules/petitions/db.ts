import type { ColumnType, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CATEGORIES, CHANNELS, OPINIONS, REFUSAL_CODES, REVIEW_KINDS, SATISFACTION, SATISFACTION_CHANNELS, SOURCE_BODIES, SUBJECTS } from './contract.ts';

/** Row types of the 信访 tables (beside migrations/); modules own their table types. */
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Of<T extends readonly string[]> = T[number];

export interface PetitionTable {
  case_id: string;
  channel: Of<typeof CHANNELS>;
  source_body: Of<typeof SOURCE_BODIES> | null;
  source_ref: string | null;
  category: Of<typeof CATEGORIES>;
  subject: Of<typeof SUBJECTS>;
  concerned_area_code: string;
  concerned_area_path: string;
  content: string;
  visit_batch: number | null;
  visit_persons: number | null;
  representatives: number | null;
  anonymous: Defaulted<boolean>;
  query_code_hash: string | null;
  opinion: Of<typeof OPINIONS> | null;
  opinion_text: string | null;
  delivered_at: Date | null;
  delivery_method: string | null;
  delivered_on: string | null;
  review_opinion: string | null;
  recheck_opinion: string | null;
  // 复查 / 复核 (migration 20261207100000): request and postmark days, the body, an outside referral, the 送达 of the opinion.
  review_requested_on: string | null;
  review_postmark_on: string | null;
  review_org_id: string | null;
  review_referred_to: string | null;
  review_referred_on: string | null;
  review_delivery_method: string | null;
  review_delivered_on: string | null;
  recheck_requested_on: string | null;
  recheck_postmark_on: string | null;
  recheck_org_id: string | null;
  recheck_referred_to: string | null;
  recheck_referred_on: string | null;
  recheck_delivery_method: string | null;
  recheck_delivered_on: string | null;
  // 转送外部机关 (migration 20261210080000): the body, the day sent and how.
  forwarded_to: string | null;
  forwarded_on: string | null;
  forward_method: string | null;
  satisfaction: Of<typeof SATISFACTION> | null;
  rated_at: Date | null;
  satisfaction_channel: Of<typeof SATISFACTION_CHANNELS> | null;
  satisfaction_comment: string | null;
  satisfaction_by: string | null;
  is_repeat: Defaulted<boolean>;
  repeat_of: string | null;
  is_skip_level: Defaulted<boolean>;
  first_time: boolean | null;
  acceptance_notice: string | null;
  accepted_at: Date | null;
  refusal_code: Of<typeof REFUSAL_CODES> | null;
  refusal_reason: string | null;
  refusal_basis: string | null;
  refusal_guidance: string | null;
  refusal_detail: string | null;
  refused_at: Date | null;
  refused_auto: Defaulted<boolean>;
  lead_user_id: string | null;
  lead_user_name: string | null;
  lead_at: Date | null;
  lead_note: string | null;
  is_demo: Defaulted<boolean>;
  created_at: Ts;
  final_match_of: string | null;
  received_on: DateCol | null;
  original_form: string | null;
  complained_org: string | null;
  accused_name: string | null;
  accused_org_id: string | null;
  urgent: Defaulted<boolean>;
  urgent_note: string | null;
  urgent_reported_at: Date | null;
  urgent_report: string | null;
  routed_to: string | null;
  routing_note: string | null;
  routed_at: Date | null;
  acceptance_served_method: string | null;
  acceptance_served_on: DateCol | null;
  refusal_served_method: string | null;
  refusal_served_on: DateCol | null;
}
export interface ReceptionLogTable {
  id: string;
  org_unit_id: string;
  area_path: string;
  day: DateCol;
  kind: '来信' | '来访';
  batches: number;
  persons: number;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Ts;
}
export interface PetitionerTable {
  id: string;
  case_id: string;
  name: string;
  id_number_enc: string | null;
  id_number_masked: string | null;
  id_hash: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  address: string | null;
  role: Defaulted<'信访人' | '代表'>;
  created_at: Ts;
}
export interface AssignmentTable {
  handoff_id: string;
  case_id: string;
  to_org_id: string;
  report_due: DateCol;
  report_days: number;
  reported_at: Date | null;
  created_at: Ts;
}
export interface FollowUpTable {
  id: string;
  case_id: string;
  leader_id: string;
  leader_name: string;
  due_date: DateCol;
  note: string | null;
  notified_at: Date | null;
  result: string | null;
  result_at: Date | null;
  result_by_name: string | null;
  created_at: Ts;
}
export interface ReviewRequestTable {
  id: string;
  case_id: string;
  which: Of<typeof REVIEW_KINDS>;
  channel: Defaulted<string>;
  reason: string;
  received_on: DateCol;
  postmark_on: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Ts;
}
export interface PetitionSettingTable {
  key: string;
  value: Json;
  updated_at: Ts;
  updated_by: string | null;
}

export interface PetitionTables {
  'petitions.petition': PetitionTable;
  'petitions.petitioner': PetitionerTable;
  'petitions.assignment': AssignmentTable;
  'petitions.follow_up': FollowUpTable;
  'petitions.review_request': ReviewRequestTable;
  'petitions.setting': PetitionSettingTable;
  'petitions.reception_log': ReceptionLogTable;
}

/** The kernel's database handle seen with the 信访 tables too. */
export function petitionsDb(db: Kysely<DB>): Kysely<DB & PetitionTables> {
  return db as unknown as Kysely<DB & PetitionTables>;
}
