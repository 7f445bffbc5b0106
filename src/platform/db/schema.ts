import type { ColumnType, Generated } from 'kysely';

/** Row types of every table, keyed 'schema.table' (Kysely's DB type). Hand-maintained beside the migrations. */
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type AreaLevel = 1 | 2 | 3 | 4 | 5; // 自治区 / 市 / 县 / 乡 / 村(社区)

export interface AreaTable {
  code: string;
  name: string;
  name_en: string | null;
  level: AreaLevel;
  parent_code: string | null;
  /** Dotted codes from the root, e.g. '640000.640400.640423' — prefix match = subtree. */
  path: string;
  is_sample: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  /** department | division | bureau | township_office | community_committee | other */
  kind: string;
  area_code: string;
  area_path: string;
  parent_id: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
  is_sample: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  org_unit_id: string;
  area_code: string;
  area_path: string;
  phone_enc: string | null;
  phone_masked: string | null;
  email: string | null;
  password_hash: string;
  password_changed_at: Ts;
  must_change_password: Generated<boolean>;
  /** active | disabled */
  status: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  totp_secret_enc: string | null;
  totp_enabled_at: Date | null;
  /** Last accepted TOTP time step: codes at or before it are refused (no replay). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  last_login_at: Date | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RoleTable {
  code: string;
  name: string;
  name_en: string | null;
  permissions: ColumnType<string[], string[], string[]>;
  description: string | null;
  builtin: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** 本人 / 本级 / 本级及下级 */
export type DataScope = 'self' | 'org' | 'subtree';

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role_code: string;
  org_unit_id: string;
  scope: DataScope;
  valid_from: Ts;
  valid_to: Date | null;
  /** 代管: the assignment this one was delegated from. */
  delegated_from: string | null;
  delegated_by: string | null;
  reason: string | null;
  revoked_at: Date | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  /** SM3 hash of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Ts;
  expires_at: Ts;
  ip: string | null;
  user_agent: string | null;
  revoked_at: Date | null;
}

export interface LoginLogTable {
  id: string;
  at: Generated<Date>;
  user_id: string | null;
  username: string;
  /** success | bad_password | unknown_user | locked | disabled | totp_required | bad_totp | logout */
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  area_path: string | null;
  org_unit_id: string | null;
}

export interface AuditChainTable {
  chain_id: number;
  seq: number;
  head_hash: string;
  head_id: string | null;
  updated_at: Generated<Date>;
}

export interface AuditEventTable {
  chain_id: number;
  seq: number;
  id: string;
  at: Ts;
  actor_id: string | null;
  actor_name: string | null;
  org_unit_id: string | null;
  area_code: string | null;
  area_path: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  reason: string | null;
  client_ip: string | null;
  prev_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointTable {
  seq: number;
  at: Ts;
  heads: Json;
  prev_hash: string;
  hash: string;
}

/** Generated secrets kept in the database (e.g. the PII key when none is configured). */
export interface SecretTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}

/** One override row: area_code null = national layer (国务院 notice), else a regional layer. */
export interface CalendarDayTable {
  id: string;
  area_code: string | null;
  /** 'YYYY-MM-DD' (the shared date parser returns date columns as strings). */
  date: string;
  /** 'rest' | 'work' */
  kind: string;
  name: string;
  /** The notice, e.g. '国办发明电〔2018〕15号'. */
  source: string | null;
  /** The calendar version that last wrote the row. */
  version: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One row per calendar change (日历版本), numbered from 1; no rows = version 0. */
export interface SeedStateTable {
  kind: string;
  fingerprint: string;
  seeded_at: Generated<Date>;
}

export interface CalendarVersionTable {
  version: number;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
  actor_id: string | null;
  actor_name: string | null;
  reason: string;
  /** [{ date, areaCode, before, after }] */
  changes: Json;
  /** Set by a seed, so the seed runs once even after its rows are edited. */
  seed_key: string | null;
}

type DateStr = ColumnType<string, string, string>;

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

/** In-app notification to a user or to every member of an org unit. */
export interface NotificationTable {
  id: string;
  user_id: string | null;
  org_unit_id: string | null;
  case_id: string | null;
  kind: string;
  title: string;
  body: string | null;
  created_at: Ts;
  dedupe_key: string | null;
}

export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: Ts;
}

export interface DB {
  'core.area': AreaTable;
  'core.org_unit': OrgUnitTable;
  'core.app_user': AppUserTable;
  'core.role': RoleTable;
  'core.role_assignment': RoleAssignmentTable;
  'core.session': SessionTable;
  'core.login_log': LoginLogTable;
  'core.audit_chain': AuditChainTable;
  'core.audit_event': AuditEventTable;
  'core.audit_checkpoint': AuditCheckpointTable;
  'core.secret': SecretTable;
  'core.calendar_day': CalendarDayTable;
  'core.calendar_version': CalendarVersionTable;
  'core.seed_state': SeedStateTable;
  'core.case': CaseTable;
  'core.case_event': CaseEventTable;
  'core.case_participant': CaseParticipantTable;
  'core.case_ref_counter': CaseRefCounterTable;
  'core.case_handoff': CaseHandoffTable;
  'core.case_signoff': CaseSignoffTable;
  'core.deadline_clock': DeadlineClockTable;
  'core.case_comment': CaseCommentTable;
  'core.attachment': AttachmentTable;
  'core.case_supervision': CaseSupervisionTable;
  'core.notification': NotificationTable;
  'core.notification_read': NotificationReadTable;
}
