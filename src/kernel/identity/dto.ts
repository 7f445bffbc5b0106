import { z } from 'zod';
import type { DataScope } from '../../platform/db/tables/identity.ts';
import { SCOPE_LABELS } from './permissions.ts';

/** API shapes (camelCase) and the explicit row → DTO mappers of the identity kernel. */
export const Scope = z.enum(['self', 'org', 'subtree'], { message: '数据范围应为 self（本人）、org（本级）或 subtree（本级及下级）' });
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, '用户名为 2–40 位小写字母、数字、.、_、-，以字母或数字开头');
export const DisplayName = z.string().trim().min(1, '姓名不能为空').max(50, '姓名不超过 50 字');
export const Phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确（手机 11 位或座机 区号-号码）');
export const Email = z.email('电子邮箱格式不正确').max(200);

const OrgRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** POST /api/users. */
export const CreateUserBody = z.object({
  username: Username,
  displayName: DisplayName,
  orgUnitId: z.uuid('机构 ID 格式不正确'),
  phone: Phone.nullish(),
  email: Email.nullish(),
  password: z.string().min(1).max(200).optional(),
  roles: z
    .array(z.object({ roleCode: z.string().min(1).max(40), scope: Scope, orgUnitId: z.uuid().optional() }))
    .max(20)
    .optional(),
});
/** PATCH /api/users/:id (optimistic lock on version). */
export const UpdateUserBody = z.object({
  version: z.number().int().min(1),
  displayName: DisplayName.optional(),
  phone: Phone.nullish(),
  email: Email.nullish(),
  orgUnitId: z.uuid().optional(),
  reason: z.string().trim().max(500).nullish(),
});

export const UserSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgUnit: OrgRef,
  areaCode: z.string(),
  areaPath: z.string(),
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number().int(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** A role a user holds today (not revoked, begun, not ended), as the user list shows it. */
export const HeldRole = z.object({
  code: z.string(),
  name: z.string(),
  orgUnitName: z.string(),
  scope: Scope,
  /** 代管: the name of who delegated it (held until validTo), else null. */
  delegatedBy: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type HeldRole = z.infer<typeof HeldRole>;

/** A row of 用户管理: the summary with the user's area by name and the roles held today. */
export const UserListItem = UserSummary.extend({ areaName: z.string().nullable(), roles: z.array(HeldRole) });
export type UserListItem = z.infer<typeof UserListItem>;

export type UserJoinedRow = {
  id: string;
  username: string;
  display_name: string;
  org_unit_id: string;
  org_code: string;
  org_name: string;
  area_code: string;
  area_path: string;
  phone_masked: string | null;
  email: string | null;
  status: string;
  locked_until: Date | null;
  failed_logins: number;
  must_change_password: boolean;
  totp_enabled_at: Date | null;
  last_login_at: Date | null;
  is_demo: boolean;
  version: number;
  created_at: Date;
};

export function toUserSummary(r: UserJoinedRow, now: Date): UserSummary {
  const locked = !!r.locked_until && r.locked_until > now;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgUnit: { id: r.org_unit_id, code: r.org_code, name: r.org_name },
    areaCode: r.area_code,
    areaPath: r.area_path,
    phoneMasked: r.phone_masked,
    email: r.email,
    status: r.status as 'active' | 'disabled',
    locked,
    lockedUntil: locked ? r.locked_until!.toISOString() : null,
    failedLogins: r.failed_logins,
    mustChangePassword: r.must_change_password,
    totpEnabled: r.totp_enabled_at !== null,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    isDemo: r.is_demo,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export const AssignmentDto = z.object({
  id: z.string(),
  userId: z.string(),
  roleCode: z.string(),
  roleName: z.string(),
  orgUnit: OrgRef,
  areaPath: z.string(),
  scope: Scope,
  scopeLabel: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  delegatedFrom: z.string().nullable(),
  delegatedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  reason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** pending (not yet valid) | active | expired | revoked */
  status: z.enum(['pending', 'active', 'expired', 'revoked']),
});
export type AssignmentDto = z.infer<typeof AssignmentDto>;

export type AssignmentJoinedRow = {
  id: string;
  user_id: string;
  role_code: string;
  role_name: string;
  org_unit_id: string;
  org_code: string;
  org_name: string;
  area_path: string;
  scope: string;
  valid_from: Date;
  valid_to: Date | null;
  delegated_from: string | null;
  delegated_by: string | null;
  delegated_by_name: string | null;
  reason: string | null;
  revoked_at: Date | null;
};

export function toAssignmentDto(r: AssignmentJoinedRow, now: Date): AssignmentDto {
  const status = r.revoked_at ? 'revoked' : r.valid_from > now ? 'pending' : r.valid_to && r.valid_to <= now ? 'expired' : 'active';
  return {
    id: r.id,
    userId: r.user_id,
    roleCode: r.role_code,
    roleName: r.role_name,
    orgUnit: { id: r.org_unit_id, code: r.org_code, name: r.org_name },
    areaPath: r.area_path,
    scope: r.scope as DataScope,
    scopeLabel: SCOPE_LABELS[r.scope as DataScope],
    validFrom: r.valid_from.toISOString(),
    validTo: r.valid_to?.toISOString() ?? null,
    delegatedFrom: r.delegated_from,
    delegatedBy: r.delegated_by ? { id: r.delegated_by, displayName: r.delegated_by_name ?? '' } : null,
    reason: r.reason,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    status,
  };
}

export const MeDto = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean(), totpEnabled: z.boolean() }),
  orgUnit: OrgRef,
  areaCode: z.string(),
  areaPath: z.string(),
  areaName: z.string(),
  roles: z.array(
    z.object({
      assignmentId: z.string(),
      code: z.string(),
      name: z.string(),
      orgUnitId: z.string(),
      orgUnitName: z.string(),
      areaCode: z.string(),
      areaPath: z.string(),
      scope: Scope,
      scopeLabel: z.string(),
      permissions: z.array(z.string()),
      delegatedBy: z.string().nullable(),
      delegatedById: z.string().nullable(),
      validTo: z.string().nullable(),
    }),
  ),
  permissions: z.array(z.string()),
  /** Whether admin functions are refused until TOTP is enrolled (config ADMIN_TOTP=required). */
  totpEnrolmentRequired: z.boolean(),
  csrfToken: z.string(),
});
export type MeDto = z.infer<typeof MeDto>;
