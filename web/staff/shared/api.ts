import type {
  AreaInput, AreaNode, AuditEventDetail, AuditFilters, AuditPage, AuditVerifyResult, DelegationInput, Health, ImportResult,
  LoginInput, LoginLogEntry, LoginLogFilters, Me, OrgUnit, OrgUnitFilters, OrgUnitInput, Page, RoleAssignment,
  RoleAssignmentInput, RoleCatalogue, TotpSetup, User, UserDetail, UserFilters, UserInput, UserUpdate,
} from './api-types.ts';

/** A failed API call, carrying the server's problem+json: show `title` to the user. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly details?: Record<string, unknown>;
  constructor(status: number, code: string, title: string, details?: Record<string, unknown>) {
    super(title);
    this.status = status;
    this.code = code;
    this.title = title;
    this.details = details;
  }
  /** Field errors from details.fields, keyed by field name. */
  get fieldErrors(): Record<string, string> {
    const fields = this.details?.fields;
    const out: Record<string, string> = {};
    if (Array.isArray(fields)) for (const f of fields) if (f?.field) out[String(f.field)] = String(f.message ?? '');
    return out;
  }
}

let csrfToken: string | null = null;
/** The session's CSRF token, from login or /api/me; sent on every mutating request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query) {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; title?: string; details?: Record<string, unknown> };
    throw new ApiError(res.status, p.code ?? `HTTP_${res.status}`, p.title ?? `请求失败（${res.status}）`, p.details);
  }
  return data as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query);
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const del = <T>(path: string) => request<T>('DELETE', path);
const enc = encodeURIComponent;

export const api = {
  health: () => get<Health>('/api/health'),

  login: (input: LoginInput) => post<Me>('/api/auth/login', input),
  logout: () => post<void>('/api/auth/logout'),
  me: () => get<Me>('/api/me'),
  changePassword: (oldPassword: string, newPassword: string) => post<void>('/api/me/password', { oldPassword, newPassword }),
  totpSetup: () => post<TotpSetup>('/api/me/totp/setup'),
  totpEnable: (code: string) => post<void>('/api/me/totp/enable', { code }),
  totpDisable: (password: string, code: string) => post<void>('/api/me/totp/disable', { password, code }),

  users: (f: UserFilters) => get<Page<User>>('/api/users', f),
  user: (id: string) => get<UserDetail>(`/api/users/${enc(id)}`),
  createUser: (input: UserInput) => post<{ user: User; initialPassword?: string }>('/api/users', input),
  updateUser: (id: string, input: UserUpdate) => patch<User>(`/api/users/${enc(id)}`, input),
  userAction: (id: string, action: 'disable' | 'enable' | 'unlock' | 'reset-totp') => post<User>(`/api/users/${enc(id)}/${action}`),
  resetPassword: (id: string) => post<{ initialPassword?: string }>(`/api/users/${enc(id)}/reset-password`),
  userRoles: (id: string) => get<{ items: RoleAssignment[] }>(`/api/users/${enc(id)}/roles`),
  addUserRole: (id: string, input: RoleAssignmentInput) => post<RoleAssignment>(`/api/users/${enc(id)}/roles`, input),
  removeUserRole: (id: string, assignmentId: string) => del<void>(`/api/users/${enc(id)}/roles/${enc(assignmentId)}`),
  delegate: (input: DelegationInput) => post<RoleAssignment>('/api/delegations', input),
  roles: () => get<RoleCatalogue>('/api/roles'),
  loginLog: (f: LoginLogFilters) => get<Page<LoginLogEntry>>('/api/login-log', f),

  areaTree: () => get<{ roots: AreaNode[] }>('/api/areas/tree'),
  createArea: (input: AreaInput) => post<AreaNode>('/api/areas', input),
  updateArea: (code: string, input: Partial<AreaInput> & { active?: boolean }) => patch<AreaNode>(`/api/areas/${enc(code)}`, input),
  importAreas: (csv: string, sample: boolean) => post<ImportResult>('/api/areas/import', { csv, sample }),

  orgUnits: (f: OrgUnitFilters) => get<Page<OrgUnit>>('/api/org-units', f),
  createOrgUnit: (input: OrgUnitInput) => post<OrgUnit>('/api/org-units', input),
  updateOrgUnit: (id: string, input: Partial<Omit<OrgUnitInput, 'code' | 'areaCode'>> & { active?: boolean }) =>
    patch<OrgUnit>(`/api/org-units/${enc(id)}`, input),
  importOrgUnits: (csv: string, sample: boolean) => post<ImportResult>('/api/org-units/import', { csv, sample }),

  auditEvents: (f: AuditFilters) => get<AuditPage>('/api/audit/events', f),
  auditEvent: (id: string) => get<AuditEventDetail>(`/api/audit/events/${enc(id)}`),
  auditVerify: () => post<AuditVerifyResult>('/api/audit/verify'),
};

