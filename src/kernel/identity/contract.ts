import { AppError } from '../../platform/errors.ts';

/**
 * Identity kernel (用户、角色、会话、数据范围、代管) — what other modules may import:
 * Actor/Grant and requirePermission (actor.ts), inScope/recordInScope (scope.ts),
 * actorOf (http/request-actor.ts), requireAdminTotp (admin-totp.ts), and these error codes.
 */
export const IDENTITY_ERRORS = {
  INVALID_CREDENTIALS: [401, '用户名或密码错误'],
  LOGIN_THROTTLED: [429, '登录尝试过于频繁，请稍后再试'],
  ACCOUNT_DISABLED: [403, '账号已停用，请联系管理员'],
  TOTP_REQUIRED: [401, '请输入 6 位动态验证码'],
  TOTP_INVALID: [401, '动态验证码错误或已使用，请输入验证器上的最新验证码'],
  SESSION_EXPIRED: [401, '登录已超时，请重新登录'],
  CSRF_INVALID: [403, '请求校验失败（CSRF 令牌缺失或不正确），请刷新页面后重试'],
  TOTP_ENROLMENT_REQUIRED: [403, '管理员须先启用动态验证码（TOTP）后才能使用管理功能'],
  PASSWORD_CHANGE_REQUIRED: [403, '请先修改初始密码后再使用系统'],
  PASSWORD_INCORRECT: [400, '当前密码不正确'],
  USER_NOT_FOUND: [404, '用户不存在或无权查看'],
  USERNAME_TAKEN: [409, '用户名已被使用'],
  VERSION_CONFLICT: [409, '数据已被他人修改，请刷新后重试'],
  ORG_UNIT_NOT_FOUND: [404, '组织机构不存在或不在您的管理范围内'],
  ROLE_NOT_FOUND: [404, '角色不存在'],
  ASSIGNMENT_NOT_FOUND: [404, '授权记录不存在或无权查看'],
  GRANT_EXCEEDS_OWN: [403, '不能授予超出本人权限或管理范围的角色'],
  ASSIGNMENT_EXISTS: [409, '该用户已在此单位拥有相同的角色和数据范围'],
  DELEGATION_INVALID: [400, '代管设置无效'],
  TOTP_ALREADY_ENABLED: [409, '动态验证码已启用'],
  TOTP_NOT_SET_UP: [409, '请先生成动态验证码密钥'],
  CANNOT_CHANGE_SELF: [400, '不能对自己的账号执行此操作'],
} as const satisfies Record<string, readonly [number, string]>;

export type IdentityErrorCode = keyof typeof IDENTITY_ERRORS;

export function identityError(code: IdentityErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  const [status, text] = IDENTITY_ERRORS[code];
  return new AppError(code, status, message ?? text, details);
}

/** Beijing time for messages ("请于 2026-11-29 18:45 后再试"): the users are all in UTC+8. */
export function formatBeijing(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
