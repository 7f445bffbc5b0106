/** Shapes of the JSON API (camelCase). Kept loose where the server is still settling. */

export type Scope = 'self' | 'org' | 'subtree';

export type MeRole = {
  assignmentId: string;
  code: string;
  name: string;
  orgUnitId: string;
  orgUnitName: string;
  areaCode: string;
  scope: Scope;
  scopeLabel: string;
  permissions: string[];
  delegatedBy: string | null;
  validTo: string | null;
};

export type OrgRef = { id: string; code: string; name: string };

export type Me = {
  user: { id: string; username: string; displayName: string; mustChangePassword: boolean; totpEnabled: boolean };
  orgUnit: OrgRef;
  areaCode: string;
  areaPath: string;
  areaName: string;
  roles: MeRole[];
  permissions: string[];
  /** Admin functions are refused until TOTP is enrolled (ADMIN_TOTP=required). */
  totpEnrolmentRequired?: boolean;
  csrfToken: string;
};

export type LoginInput = { username: string; password: string; totp?: string };
export type Health = { status: string; db: string; version: string; demo?: boolean };
export type TotpSetup = { secret: string; otpauthUri: string };
export type Page<T> = { items: T[]; total: number };

export type UserStatus = 'active' | 'disabled';
export type User = {
  id: string;
  username: string;
  displayName: string;
  orgUnit: OrgRef;
  areaCode: string;
  areaPath: string;
  phoneMasked: string | null;
  email: string | null;
  status: UserStatus;
  locked: boolean;
  lockedUntil: string | null;
  failedLogins: number;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  isDemo: boolean;
  version: number;
  createdAt: string;
};
export type UserDetail = User & { phone: string | null; roles: RoleAssignment[] };
export type UserFilters = { q?: string; orgUnitId?: string; status?: 'active' | 'disabled' | 'locked'; page: number; pageSize: number };
export type UserInput = {
  username: string;
  displayName: string;
  orgUnitId: string;
  phone?: string | null;
  email?: string | null;
  password?: string;
};
export type UserUpdate = { version: number; displayName?: string; orgUnitId?: string; phone?: string | null; email?: string | null; reason?: string };

export type Role = { code: string; name: string; nameEn: string | null; description: string | null; builtin: boolean; permissions: { code: string; label: string }[] };
export type RoleCatalogue = { items: Role[]; permissions: { code: string; label: string; group: string }[]; scopes: { code: Scope; label: string }[] };
export type AssignmentStatus = 'pending' | 'active' | 'expired' | 'revoked';
export type RoleAssignment = {
  id: string;
  userId: string;
  roleCode: string;
  roleName: string;
  orgUnit: OrgRef;
  scope: Scope;
  scopeLabel: string;
  validFrom: string;
  validTo: string | null;
  delegatedFrom: string | null;
  delegatedBy: { id: string; displayName: string } | null;
  reason: string | null;
  revokedAt: string | null;
  status: AssignmentStatus;
};
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
export type AreaNode = {
  code: string;
  name: string;
  nameEn: string | null;
  level: AreaLevel;
  isSample: boolean;
  active: boolean;
  parentCode: string | null;
  path: string;
  children: AreaNode[];
};
export type AreaInput = { code: string; name: string; nameEn?: string; parentCode: string };

export type OrgUnit = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  areaCode: string;
  areaName: string;
  parentId: string | null;
  kindName: string;
  parentName: string | null;
  active: boolean;
  isSample: boolean;
};
export type OrgUnitFilters = { areaCode?: string; q?: string; kind?: string; page: number; pageSize: number };
export type OrgUnitInput = { code: string; name: string; nameEn?: string; kind: string; areaCode: string; parentId?: string | null };

export type ImportResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; field: string; message: string }[];
};

export type AuditEvent = {
  id: string;
  chainId: number;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  orgUnitId: string | null;
  areaCode: string | null;
  areaPath: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  reason: string | null;
  clientIp: string | null;
};
export type AuditEventDetail = AuditEvent & { before: unknown; after: unknown; prevId: string | null; prevHash: string; hash: string };
export type AuditPage = Page<AuditEvent> & { totalCapped?: boolean };
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
export type AuditProblem = { kind: string; chainId: number | null; seq: number; eventId: string | null; message: string };
export type AuditVerifyResult = {
  ok: boolean;
  events: number;
  chains: number;
  checkpoints?: number;
  headHash: string;
  problems: AuditProblem[];
  truncated?: boolean;
};
