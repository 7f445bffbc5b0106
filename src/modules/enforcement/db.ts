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
  qualification_passed_on: DateCol | null;
  qualification_score: number | null;
}
type Scoped = { id: string; org_unit_id: string; area_path: string };
export interface StudyPlanTable extends Scoped {
  year: number;
  title: string;
  target_hours: number;
  content: string;
}
export interface StudySessionTable extends Scoped {
  held_on: DateCol;
  topic: string;
  law_title: string;
  law_ref: string | null;
  presenter: string;
  hours: string;
  materials: string | null;
}
export interface ExamAttemptTable extends Scoped {
  exam_id: string;
  officer_id: string;
  correct: number;
  score: number;
  passed: boolean;
  certificate_no: string | null;
  certificate_document_id: string | null;
  submitted_on: DateCol;
}
/** 举报 (informant columns are SM4 tokens and are never selected by the lists). */
export interface TipoffTable {
  id: string;
  ref_no: string;
  org_unit_id: string;
  area_path: string;
  channel: string;
  received_on: DateCol;
  reported_party: string;
  reported_party_code: string | null;
  content: string;
  informant_name: string | null;
  informant_phone: string | null;
  query_code_hash: string | null;
  reply_due: DateCol;
  state: 'received' | 'verified' | 'decided' | 'closed';
  findings: string | null;
  verified_on: DateCol | null;
  verified_by_name: string | null;
  outcome: '立案' | '不予立案' | null;
  outcome_reason: string | null;
  decided_on: DateCol | null;
  case_id: string | null;
  reply: string | null;
  replied_on: DateCol | null;
  is_demo: boolean;
  created_by: string | null;
  created_at: Date;
}
/** A chunked evidence upload in progress (penalty/upload-area.ts). */
export interface EvidenceUploadTable {
  id: string;
  case_id: string;
  user_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: ColumnType<number, number, never>;
  chunk_bytes: number;
  /** The evidence item's facts (EvidenceInput without the bytes), written as JSON text. */
  evidence: ColumnType<Record<string, unknown>, string, never>;
  sm3: string | null;
  sealed_name: string | null;
  created_at: Date;
}
export interface EnforcementTables {
  'enforcement.officer': OfficerTable;
  'enforcement.study_plan': StudyPlanTable;
  'enforcement.study_session': StudySessionTable;
  'enforcement.exam_attempt': ExamAttemptTable;
  'enforcement.tipoff': TipoffTable;
  'enforcement.evidence_upload': EvidenceUploadTable;
}

export function enforcementDb(db: Kysely<DB>): Kysely<DB & EnforcementTables> {
  return db as unknown as Kysely<DB & EnforcementTables>;
}
