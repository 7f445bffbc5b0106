import type { ColumnType, Generated } from 'kysely';
import type { DateStr, Json, Ts } from './columns.ts';

/** Row types of the workflow kernel: cases, their events, hand-offs, sign-offs, clocks, comments, attachments, 督办. */
/** 案件 — one case of any module; module-specific detail lives in the module's own tables. */
export interface CaseTable {
  id: string;
  type: string;
  ref_no: string;
  title: string;
  state: string;
  area_code: string;
  area_path: string;
  /** The org unit currently holding the case (its 待办). */
  org_unit_id: string;
  assignee_id: string | null;
  created_by: string | null;
  supervising_org_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  terminal: Generated<boolean>;
  pending_handoff: Generated<boolean>;
  /** Nearest due date of the case's open clocks (denormalised for the worklist). */
  due_date: string | null;
  clock_state: 'running' | 'paused' | 'due_soon' | 'overdue' | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  closed_at: Date | null;
}

export interface CaseEventTable {
  case_id: string;
  seq: number;
  id: string;
  at: Ts;
  actor_id: string | null;
  actor_name: string | null;
  org_unit_id: string | null;
  transition: string;
  from_state: string | null;
  to_state: string;
  input: Json;
  comment: string | null;
  audit_event_id: string | null;
}

export interface CaseParticipantTable {
  case_id: string;
  user_id: string;
  last_acted_at: Ts;
}

export interface CaseRefCounterTable {
  type: string;
  area_code: string;
  year: number;
  last: number;
}

/** 转办 / 交办 / 退回 hop; the receiving org must 签收. */
export interface CaseHandoffTable {
  id: string;
  case_id: string;
  kind: 'transfer' | 'assign' | 'return';
  from_org_id: string;
  to_org_id: string;
  sent_at: Ts;
  sent_by: string | null;
  note: string | null;
  status: 'pending' | 'acknowledged' | 'withdrawn' | 'objected';
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  clock_id: string | null;
}

/** 会签 / 或签 party of a step. */
export interface CaseSignoffTable {
  id: string;
  case_id: string;
  step: string;
  mode: 'all' | 'any' | 'quorum';
  required: number;
  party_org_id: string | null;
  party_user_id: string | null;
  decision: 'approve' | 'reject' | null;
  comment: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  round: Generated<number>;
}

export interface DeadlineClockTable {
  id: string;
  case_id: string;
  name: string;
  label: string;
  rule_unit: 'workdays' | 'days' | 'months';
  rule_n: number;
  legal_basis: string | null;
  area_code: string;
  area_path: string;
  start_date: DateStr;
  calendar_version: number;
  suspensions: Json;
  extensions: Json;
  restarts: Json;
  warn_workdays: Generated<number>;
  due_date: string | null;
  state: 'running' | 'paused' | 'met' | 'missed';
  /** deadline: to act by; period: must elapse (公示期 …), never overdue. */
  kind: Generated<'deadline' | 'period'>;
  stopped_at: Date | null;
  reminded_for: string | null;
  overdue_for: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseCommentTable {
  id: string;
  case_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Ts;
}

export interface AttachmentTable {
  id: string;
  case_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sm3: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Ts;
}

/** 督办 notice from a supervising org to the holder; needs written feedback. */
export interface CaseSupervisionTable {
  id: string;
  case_id: string;
  kind: 'manual' | 'auto';
  from_org_id: string;
  to_org_id: string;
  reason: string;
  issued_at: Ts;
  issued_by: string | null;
  feedback_due: string | null;
  feedback: string | null;
  feedback_at: Date | null;
  feedback_by: string | null;
  dedupe_key: string | null;
}
