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
}
export interface ExamAttemptTable extends Scoped {
  exam_id: string;
  officer_id: string;
  correct: number;
  score: number;
  passed: boolean;
  certificate_no: string | null;
  submitted_on: DateCol;
}
export interface EnforcementTables {
  'enforcement.officer': OfficerTable;
  'enforcement.study_plan': StudyPlanTable;
  'enforcement.study_session': StudySessionTable;
  'enforcement.exam_attempt': ExamAttemptTable;
}

export function enforcementDb(db: Kysely<DB>): Kysely<DB & EnforcementTables> {
  return db as unknown as Kysely<DB & EnforcementTables>;
}
