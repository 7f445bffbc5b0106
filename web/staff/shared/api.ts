import type {
  AreaInput,
  AreaNode,
  AuditEventDetail,
  AuditFilters,
  AuditPage,
  AuditVerifyResult,
  CalendarChangeResult,
  CalendarComputeQuery,
  CalendarDayInput,
  CalendarExplanation,
  CalendarYear,
  CaseCreateInput,
  CaseDetail,
  CaseType,
  ClockChangeResult,
  ClockExplain,
  ClockUnit,
  DelegationInput,
  Health,
  ImportResult,
  LoginInput,
  LoginLogEntry,
  LoginLogFilters,
  Me,
  NotificationPage,
  OrgUnit,
  OrgUnitFilters,
  OrgUnitInput,
  Page,
  RoleAssignment,
  RoleAssignmentInput,
  RoleCatalogue,
  SuspensionKind,
  TotpSetup,
  User,
  UserDetail,
  UserFilters,
  UserListItem,
  UserInput,
  UserUpdate,
  WorklistFilters,
  WorklistCounts,
  WorklistItem,
} from './api-types.ts';
import type { ApprovalRoutes, HandoffTargets } from './api-types.ts';

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
  const multipart = body instanceof FormData;
  // Raw bytes (a Blob: a chunk of a chunked upload) go as they are.
  const raw = body instanceof Blob;
  // FormData sets its own multipart boundary; everything else goes as JSON.
  if (body !== undefined && !multipart) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart || raw ? (body as BodyInit) : JSON.stringify(body),
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
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
const del = <T>(path: string, body?: unknown) => request<T>('DELETE', path, body);
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

  users: (f: UserFilters) => get<Page<UserListItem>>('/api/users', f),
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

  worklist: (f: WorklistFilters) => get<Page<WorklistItem>>('/api/worklist', f),
  worklistCounts: (f: Pick<WorklistFilters, 'type' | 'q' | 'view'>) => get<WorklistCounts>('/api/worklist/counts', f),
  caseTypes: () => get<{ items: CaseType[] }>('/api/case-types'),
  createCase: (input: CaseCreateInput) => post<CaseDetail>('/api/cases', input),
  case: (id: string) => get<CaseDetail>(`/api/cases/${enc(id)}`),
  caseTransition: (id: string, name: string, body: { input?: unknown; comment?: string | null; expectedVersion: number }) =>
    post<CaseDetail>(`/api/cases/${enc(id)}/transitions/${enc(name)}`, body),
  caseHandoff: (id: string, body: { kind: 'transfer' | 'assign'; toOrgId: string; note?: string | null; expectedVersion: number }) =>
    post<CaseDetail>(`/api/cases/${enc(id)}/handoff`, body),
  caseHandoffTargets: (id: string) => get<HandoffTargets>(`/api/cases/${enc(id)}/handoff-targets`),
  caseApprovalRoutes: (id: string) => get<ApprovalRoutes>(`/api/cases/${enc(id)}/approval-routes`),
  caseAcknowledge: (id: string, expectedVersion: number) => post<CaseDetail>(`/api/cases/${enc(id)}/acknowledge`, { expectedVersion }),
  caseObject: (id: string, reason: string, expectedVersion: number) => post<CaseDetail>(`/api/cases/${enc(id)}/object`, { reason, expectedVersion }),
  caseWithdrawHandoff: (id: string, reason: string | undefined, expectedVersion: number) =>
    post<CaseDetail>(`/api/cases/${enc(id)}/withdraw-handoff`, { reason, expectedVersion }),
  caseReturn: (id: string, toState: string, reason: string, expectedVersion: number) =>
    post<CaseDetail>(`/api/cases/${enc(id)}/return`, { toState, reason, expectedVersion }),
  caseWithdraw: (id: string, reason: string | undefined, expectedVersion: number) =>
    post<CaseDetail>(`/api/cases/${enc(id)}/withdraw`, { reason, expectedVersion }),
  caseSupervise: (id: string, reason: string) => post<unknown>(`/api/cases/${enc(id)}/supervise`, { reason }),
  caseSupervisionFeedback: (id: string, sid: string, feedback: string) =>
    post<unknown>(`/api/cases/${enc(id)}/supervisions/${enc(sid)}/feedback`, { feedback }),
  caseComment: (id: string, body: string) => post<{ id: string }>(`/api/cases/${enc(id)}/comments`, { body }),
  caseUpload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return post<{ id: string; sm3: string; sizeBytes: number }>(`/api/cases/${enc(id)}/attachments`, form);
  },
  attachmentUrl: (id: string, aid: string) => `/api/cases/${enc(id)}/attachments/${enc(aid)}`,
  clockExplain: (id: string, clock: string) => get<ClockExplain>(`/api/cases/${enc(id)}/clocks/${enc(clock)}/explain`),
  clockSuspend: (id: string, clock: string, kind: SuspensionKind, reason: string) =>
    post<ClockChangeResult>(`/api/cases/${enc(id)}/clocks/${enc(clock)}/suspend`, { kind, reason }),
  clockResume: (id: string, clock: string) => post<ClockChangeResult>(`/api/cases/${enc(id)}/clocks/${enc(clock)}/resume`, {}),
  clockExtend: (id: string, clock: string, n: number, unit: ClockUnit, reason: string) =>
    post<ClockChangeResult>(`/api/cases/${enc(id)}/clocks/${enc(clock)}/extend`, { n, unit, reason }),

  notifications: (page: number, pageSize: number) => get<NotificationPage>('/api/notifications', { page, pageSize }),
  unreadCount: () => get<{ count: number }>('/api/notifications/unread-count'),
  markRead: (id: string) => post<void>(`/api/notifications/${enc(id)}/read`),
  markAllRead: () => post<{ count: number }>('/api/notifications/read-all'),

  calendarYear: (year: number, area: string | null) => get<CalendarYear>('/api/calendar/year', { year, area }),
  calendarCompute: (q: CalendarComputeQuery) => get<{ dueDate: string; explanation: CalendarExplanation }>('/api/calendar/compute', q),
  setCalendarDay: (input: CalendarDayInput) => put<CalendarChangeResult>('/api/calendar/days', input),
  clearCalendarDay: (input: { date: string; areaCode: string | null; reason: string }) => del<CalendarChangeResult>('/api/calendar/days', input),
};

/** The same typed calls (session cookie, CSRF, problem+json → ApiError) for a module's own api file (modules/<name>/api.ts). */
export const http = { get, post, patch, put, del };
