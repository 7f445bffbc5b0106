/**
 * Shapes of the JSON API (camelCase). Where a route declares its response, the type is the
 * server's schema (`import type`, erased at build); the workflow kernel's case shapes below are
 * still written out here until its routes declare responses.
 */
import type { z } from 'zod';
import type { AssignmentDto, CreateUserBody, MeDto, UpdateUserBody, UserSummary } from '../../../src/kernel/identity/dto.ts';
import type { AreaNode as AreaNodeDto, OrgUnitDto, ImportResult as ImportResultDto } from '../../../src/kernel/areas/contract.ts';
import type { AuditEventDetailSchema, AuditEventPageSchema, AuditEventSummarySchema, VerifyResultSchema } from '../../../src/kernel/audit/audit-schemas.ts';
import type { NotificationPageSchema, NotificationSchema } from '../../../src/kernel/notify/schemas.ts';
import type { CalendarYearDto, ChangeDto } from '../../../src/kernel/calendar/dto.ts';

export type Scope = 'self' | 'org' | 'subtree';

export type Me = MeDto;
export type MeRole = MeDto['roles'][number];
export type OrgRef = MeDto['orgUnit'];

export type LoginInput = { username: string; password: string; totp?: string };
export type Health = { status: string; db: string; version: string; demo?: boolean };
export type TotpSetup = { secret: string; otpauthUri: string };
export type Page<T> = { items: T[]; total: number };

export type UserStatus = UserSummary['status'];
export type User = UserSummary;
export type UserDetail = User & { phone: string | null; roles: RoleAssignment[] };
export type UserFilters = { q?: string; orgUnitId?: string; status?: 'active' | 'disabled' | 'locked'; page: number; pageSize: number };
export type UserInput = z.input<typeof CreateUserBody>;
export type UserUpdate = z.input<typeof UpdateUserBody>;

export type Role = { code: string; name: string; nameEn: string | null; description: string | null; builtin: boolean; permissions: { code: string; label: string }[] };
export type RoleCatalogue = { items: Role[]; permissions: { code: string; label: string; group: string }[]; scopes: { code: Scope; label: string }[] };
export type AssignmentStatus = AssignmentDto['status'];
export type RoleAssignment = AssignmentDto;
export type RoleAssignmentInput = { roleCode: string; orgUnitId: string; scope: Scope; validTo?: string | null; reason?: string };
export type DelegationInput = { fromAssignmentId: string; toUserId: string; validFrom: string; validTo: string; reason: string };

export type LoginLogEntry = {
  id: string;
  at: string;
  username: string;
  outcome: string;
  outcomeLabel: string;
  ip: string | null;
  userAgent: string | null;
};
export type LoginLogFilters = { page: number; pageSize: number; username?: string; outcome?: string };

export type AreaLevel = 1 | 2 | 3 | 4 | 5;
export type AreaNode = AreaNodeDto;
export type AreaInput = { code: string; name: string; nameEn?: string; parentCode: string };

export type OrgUnit = OrgUnitDto;
export type OrgUnitFilters = { areaCode?: string; q?: string; kind?: string; page: number; pageSize: number };
export type OrgUnitInput = { code: string; name: string; nameEn?: string; kind: string; areaCode: string; parentId?: string | null };

export type ImportResult = ImportResultDto;

export type AuditEvent = z.output<typeof AuditEventSummarySchema>;
export type AuditEventDetail = z.output<typeof AuditEventDetailSchema>;
export type AuditPage = z.output<typeof AuditEventPageSchema>;
export type AuditFilters = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};
export type AuditVerifyResult = z.output<typeof VerifyResultSchema>;
export type AuditProblem = AuditVerifyResult['problems'][number];

/* ── workflow kernel: worklist, case types, cases ─────────────────────────────────────────── */

export type WorklistTab = 'to_acknowledge' | 'todo' | 'due_soon' | 'overdue' | 'done' | 'supervising';
export type ClockSummaryState = 'running' | 'paused' | 'due_soon' | 'overdue';
export type WorklistFilters = { tab: WorklistTab; type?: string; q?: string; sort?: 'due' | 'updated'; page: number; pageSize: number };
export type WorklistItem = {
  id: string;
  type: string;
  typeLabel: string;
  refNo: string;
  title: string;
  state: string;
  stateLabel: string;
  orgUnitId: string;
  orgUnitName: string;
  areaCode: string;
  dueDate: string | null;
  clockState: ClockSummaryState | null;
  pendingHandoff: boolean;
  version: number;
  updatedAt: string;
  lastActedAt: string | null;
};

/** A (small) JSON Schema as zod's toJSONSchema emits it for registration and transition forms. */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  default?: unknown;
  items?: JsonSchema;
};

export type CaseType = {
  type: string;
  label: string;
  refPrefix: string;
  canCreate: boolean;
  createLabel: string;
  createSchema: JsonSchema | null;
  states: { code: string; label: string; terminal: boolean }[];
};
export type CaseCreateInput = { type: string; title: string; orgUnitId: string; input?: unknown; comment?: string | null };

export type ClockUnit = 'workdays' | 'days' | 'months';
export type ClockStatus = 'running' | 'paused' | 'due_soon' | 'overdue' | 'met' | 'missed';
export type SuspensionKind = 'correction' | 'third_party' | 'appraisal' | 'hearing' | 'other';
export type CaseClock = {
  name: string;
  label: string;
  rule: { unit: ClockUnit; n: number };
  legalBasis: string | null;
  startDate: string;
  dueDate: string | null;
  state: 'running' | 'paused' | 'met' | 'missed';
  status: ClockStatus;
  workdaysLeft: number | null;
  suspensions: { id: string; kind: SuspensionKind; label: string; reason: string; from: string; to: string | null; by: string; byName?: string | null }[];
  extensions: { id: string; n: number; unit: ClockUnit; approvedBy: string; approvedByName: string; reason: string; at: string }[];
  restarts: { at: string; reason: string; by: string; byName?: string | null }[];
  calendarVersion: number;
};

export type CaseEvent = {
  seq: number;
  at: string;
  actorName: string | null;
  transition: string;
  transitionLabel: string;
  fromState: string | null;
  toState: string;
  toStateLabel: string;
  input: unknown;
  comment: string | null;
  auditEventId: string | null;
};
export type CaseHandoff = {
  id: string;
  kind: 'transfer' | 'assign';
  status: 'pending' | 'acknowledged' | 'objected' | 'withdrawn';
  sentAt: string;
  acknowledgedAt: string | null;
  note: string | null;
  fromOrgName: string;
  toOrgName: string;
};
export type CaseComment = { id: string; authorName: string | null; body: string; createdAt: string };
/** uploadedBy: the uploader's name; null for a file the public sent through the portal. */
export type CaseAttachment = { id: string; fileName: string; mimeType: string; sizeBytes: number; sm3: string; uploadedAt: string; uploadedBy: string | null };
export type CaseSupervision = {
  id: string;
  kind: string;
  reason: string;
  issuedAt: string;
  feedbackDue: string | null;
  feedback: string | null;
  feedbackAt: string | null;
  fromOrgName: string;
  toOrgName: string;
  awaitingMyFeedback: boolean;
};
export type CaseTransitionAction = { name: string; label: string; to: string; toLabel: string; reasonRequired: boolean; inputSchema: JsonSchema | null };
export type CaseActions = {
  transitions: CaseTransitionAction[];
  canHandoff: boolean;
  canAcknowledge: boolean;
  canObject: boolean;
  canWithdrawHandoff: boolean;
  canWithdraw: boolean;
  returnTargets: { state: string; label: string }[];
  canComment: boolean;
  canSupervise: boolean;
};
export type CaseDetail = {
  id: string;
  type: string;
  typeLabel: string;
  refNo: string;
  title: string;
  state: string;
  stateLabel: string;
  terminal: boolean;
  pendingHandoff: boolean;
  version: number;
  areaCode: string;
  orgUnitId: string;
  orgUnitName: string | null;
  supervisingOrgName: string | null;
  dueDate: string | null;
  clockState: ClockSummaryState | null;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  events: CaseEvent[];
  handoffs: CaseHandoff[];
  signoffs: unknown[];
  comments: CaseComment[];
  attachments: CaseAttachment[];
  supervisions: CaseSupervision[];
  clocks: CaseClock[];
  actions: CaseActions;
};
export type ClockExplain = { clock: { name: string; label: string; dueDate: string | null; state: string }; trace: unknown; text: string };
export type ClockChangeResult = { dueDate: string | null; state: string };

/* ── notifications ─────────────────────────────────────────────────────────────────────────── */

export type AppNotification = z.output<typeof NotificationSchema>;
export type NotificationPage = z.output<typeof NotificationPageSchema>;

/* ── working-day calendar ──────────────────────────────────────────────────────────────────── */

export type { DayCategory } from '../../../src/kernel/calendar/contract.ts';
export type CalendarYear = z.output<typeof CalendarYearDto>;
export type CalendarDay = CalendarYear['days'][number];
export type DayDecision = CalendarDay['decisions'][number];
export type CalendarComputeQuery = { from: string; workdays?: number; days?: number; months?: number; area?: string };
export type CalendarExplanation = { dueDate: string; periodEnd: string; countedDays: number; skippedRestDays: number; warnings: string[]; text: string };
export type CalendarDayInput = { date: string; areaCode: string | null; kind: 'rest' | 'work'; name: string; source?: string | null; reason: string };
export type CalendarChangeResult = z.output<typeof ChangeDto>;
