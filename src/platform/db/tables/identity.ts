import type { ColumnType, Generated } from 'kysely';
import type { Ts } from './columns.ts';

/** Row types of users, roles, their assignments, sessions and the login log. */
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
