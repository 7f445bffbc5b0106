import type { DataScope } from '../../platform/db/tables/identity.ts';
import { forbidden } from '../../platform/errors.ts';

/** One effective role assignment: a role's permissions, held at an org unit, with a data scope. */
export type Grant = {
  assignmentId: string;
  roleCode: string;
  roleName: string;
  orgUnitId: string;
  orgUnitName: string;
  areaCode: string;
  /** Area path of the org unit the role is held at. */
  areaPath: string;
  scope: DataScope;
  permissions: readonly string[];
  /** Set when the grant was delegated (代管) to this user; valid until validTo. */
  delegatedBy: string | null;
  /** Display name of the delegator, for the UI. */
  delegatedByName?: string | null;
  validTo: Date | null;
};

/** The signed-in person, as every command and repository sees them. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  orgUnitId: string;
  areaCode: string;
  areaPath: string;
  grants: readonly Grant[];
  sessionId: string | null;
  clientIp: string | null;
  /** Whether the user has TOTP enabled (checked by requireAdminTotp). */
  totpEnabled?: boolean;
  /** Set after an administrator's reset: everything but changing the password is refused. */
  mustChangePassword?: boolean;
};

/** The built-in actor for migrations, seeds and jobs. It holds no grants: system code bypasses scope explicitly. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  orgUnitId: '00000000-0000-0000-0000-000000000000',
  areaCode: '640000',
  areaPath: '640000',
  grants: [],
  sessionId: null,
  clientIp: null,
};

/** The user id to store as a foreign key: null for the system actor. */
export function userRef(actor: Actor): string | null {
  return actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId;
}

export function hasPermission(actor: Actor, permission: string): boolean {
  return actor.grants.some((g) => g.permissions.includes(permission));
}

/** Throws 403 unless some grant of the actor carries the permission. */
export function requirePermission(actor: Actor, permission: string): void {
  if (!hasPermission(actor, permission)) throw forbidden(`没有「${permission}」权限`);
}
