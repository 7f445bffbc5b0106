/**
 * Shapes of the JSON API (camelCase). Where a route declares its response, the type is the
 * server's schema (`import type`, erased at build).
 */
import type { z } from 'zod';
import type { AssignmentDto, CreateUserBody, MeDto, UpdateUserBody, UserListItem as UserListItemDto, UserSummary } from '../../../src/kernel/identity/dto.ts';
import type { AreaNode as AreaNodeDto, OrgUnitDto, ImportResult as ImportResultDto } from '../../../src/kernel/areas/contract.ts';
import type { AuditEventDetailSchema, AuditEventPageSchema, AuditEventSummarySchema, VerifyResultSchema } from '../../../src/kernel/audit/audit-schemas.ts';
import type { NotificationPageSchema, NotificationSchema } from '../../../src/kernel/notify/schemas.ts';
import type { CalendarYearDto, ChangeDto } from '../../../src/kernel/calendar/dto.ts';
import type {
  CaseDetail,
  ClockChangeResult as ClockChangeResultSchema,
  ClockExplain as ClockExplainSchema,
  CLOCK_SUMMARY_STATES,
  CLOCK_UNITS,
  CreateCaseBody,
  SUSPEND_KINDS,
  WorklistCounts as WorklistCountsSchema,
  WorklistQuery,
} from '../../../src/kernel/workflow/contract.ts';

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
/** A row of 用户管理: with the area's name and the roles held today. */
export type UserListItem = UserListItemDto;
export type UserDetail = User & { phone: string | null; roles: RoleAssignment[] };
export type UserFilters = { q?: string; orgUnitId?: string; status?: 'active' | 'disabled' | 'locked'; page: number; pageSize: number };
export type UserInput = z.input<typeof CreateUserBody>;
export type UserUpdate = z.input<typeof UpdateUserBody>;

export type Role = {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  builtin: boolean;
  permissions: { code: string; label: string }[];
};
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
  /** The one search box: 操作人, 案件编号 or id (server-side), with the action codes whose label matches it. */
  q?: string;
  qActions?: string;
  actorId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};
export type AuditVerifyResult = z.output<typeof VerifyResultSchema>;
export type AuditProblem = AuditVerifyResult['problems'][number];

/* ── workflow kernel: worklist, case types, cases (the route schemas' types) ────────────────── */

export type { CaseDetail, CaseType, JsonSchema, WorklistItem, WorklistTab } from '../../../src/kernel/workflow/contract.ts';
export type WorklistCounts = z.output<typeof WorklistCountsSchema>;
export type WorklistFilters = Omit<z.output<typeof WorklistQuery>, 'sort'> & Partial<Pick<z.output<typeof WorklistQuery>, 'sort'>>;
export type CaseCreateInput = z.input<typeof CreateCaseBody>;
export type ClockSummaryState = (typeof CLOCK_SUMMARY_STATES)[number];
export type ClockUnit = (typeof CLOCK_UNITS)[number];
export type SuspensionKind = (typeof SUSPEND_KINDS)[number];
export type CaseClock = CaseDetail['clocks'][number];
export type ClockStatus = CaseClock['status'];
export type CaseEvent = CaseDetail['events'][number];
export type CaseHandoff = CaseDetail['handoffs'][number];
export type CaseComment = CaseDetail['comments'][number];
export type CaseAttachment = CaseDetail['attachments'][number];
export type CaseSupervision = CaseDetail['supervisions'][number];
export type CaseActions = CaseDetail['actions'];
export type CaseTransitionAction = CaseActions['transitions'][number];
export type ClockExplain = z.output<typeof ClockExplainSchema>;
export type ClockChangeResult = z.output<typeof ClockChangeResultSchema>;

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

/** Where a case may be handed (转送/交办 targets) and where an approval after a move goes (guide-routes.ts). */
export type HandoffTargets = z.output<typeof import('../../../src/kernel/workflow/guide-routes.ts').HandoffTargets>;
export type ApprovalRoutes = z.output<typeof import('../../../src/kernel/workflow/guide-routes.ts').ApprovalRoutes>;
