import { http } from '../../shared/api.ts';
import type { CaseDetail, ClockSummaryState } from '../../shared/api-types.ts';

/** 信访 vocabularies (the server's contract.ts; the server validates again). */
export const CHANNELS = ['来信', '来访', '网上信访', '电话', '上级转来'] as const;
/** Channels a clerk registers (网上信访 arrives through the portal). */
export const STAFF_CHANNELS = ['来信', '来访', '电话', '上级转来'] as const;
export const SOURCE_BODIES = ['自治区信访局', '民政部', '12345', '其他'] as const;
export const CATEGORIES = ['建议意见', '检举控告', '申诉求决', '其他'] as const;
export const SUBJECTS = ['低保', '特困', '养老服务', '社会组织', '婚姻登记', '殡葬', '区划地名', '其他'] as const;
export const OPINIONS = ['支持', '解释说明', '不予支持'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
export const SATISFACTION_CHANNELS = ['电话', '信函', '当面'] as const;
export const REVIEW_KINDS = ['复查', '复核'] as const;
export const PETITION_STATES: { value: string; label: string }[] = [
  { value: 'registered', label: '已登记(甄别中)' },
  { value: 'accepted', label: '已受理' },
  { value: 'refused', label: '不予受理' },
  { value: 'simple', label: '简易办理中' },
  { value: 'handling', label: '办理中' },
  { value: 'drafted', label: '拟办意见待审批' },
  { value: 'approved', label: '已审批' },
  { value: 'delivered', label: '已送达' },
  { value: 'closed', label: '办结' },
  { value: 'review_requested', label: '复查申请' },
  { value: 'reviewing', label: '复查中' },
  { value: 'reviewed', label: '复查办结' },
  { value: 'recheck_requested', label: '复核申请' },
  { value: 'rechecking', label: '复核中' },
  { value: 'final', label: '终结' },
];

export type Channel = (typeof CHANNELS)[number];
export type Opinion = (typeof OPINIONS)[number];

export type PetitionFilters = {
  state?: string;
  channel?: string;
  category?: string;
  subject?: string;
  flag?: 'repeat' | 'skip_level';
  q?: string;
  /** Registration period (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export type PetitionListItem = {
  id: string;
  refNo: string;
  title: string;
  state: string;
  stateLabel: string;
  dueDate: string | null;
  clockState: ClockSummaryState | null;
  createdAt: string;
  orgUnitName: string;
  channel: string;
  category: string;
  subject: string;
  isRepeat: boolean;
  isSkipLevel: boolean;
  anonymous: boolean;
  satisfaction: string | null;
  /** Present when the server sends them (area concerned, content excerpt). */
  concernedAreaCode?: string | null;
  concernedAreaName?: string | null;
  contentExcerpt?: string | null;
  petitioners: { name: string; idNumberMasked: string | null; phoneMasked: string | null }[];
};
export type PetitionPage = { total: number; page: number; pageSize: number; items: PetitionListItem[] };

export type PetitionerInput = { name: string; idNumber?: string; phone?: string; address?: string; role: '信访人' | '代表' };
export type RegisterPetitionInput = {
  channel: string;
  sourceBody?: string;
  sourceRef?: string;
  title: string;
  category: string;
  subject: string;
  concernedAreaCode: string;
  content: string;
  anonymous: boolean;
  petitioners: PetitionerInput[];
  visitBatch?: number;
  visitPersons?: number;
  representatives?: number;
};
export type RegisterResult = {
  id: string;
  refNo: string;
  state?: string;
  /** 复核终结 the same facts and reasons again: refused at once by the system (第三十六条). */
  refusal?: { reasonCode: string; reason: string; legalBasis: string; guidance: string; originalRefNo: string; auto: true } | null;
  flags: { repeat: { caseId: string; refNo: string; state: string; similarity: number } | null; skipLevel: boolean; firstTime: boolean };
  suggestions: string[];
};

export type PetitionPerson = {
  id: string;
  name: string;
  role: string;
  address: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  /** Only for handlers of the case (the server decides and logs the read). */
  idNumber?: string | null;
  phone?: string | null;
};
export type PetitionFacts = {
  channel: string;
  sourceBody: string | null;
  sourceRef: string | null;
  category: string;
  subject: string;
  concernedAreaCode: string;
  concernedAreaName?: string | null;
  content: string;
  visitBatch: number | null;
  visitPersons: number | null;
  representatives: number | null;
  anonymous: boolean;
  opinion: string | null;
  opinionText: string | null;
  deliveredAt: string | null;
  satisfaction: string | null;
  ratedAt: string | null;
  isRepeat: boolean;
  repeatOf: string | null;
  isSkipLevel: boolean;
  [extra: string]: unknown;
};
export type PetitionRefusal = { reasonCode: string; reason: string | null; legalBasis: string | null; guidance: string | null; detail?: string | null; refusedAt?: string | null; auto?: boolean | null };
export type PetitionAssignment = {
  handoffId: string; toOrgName: string; handoffStatus: string; acknowledgedAt: string | null; assignedAt: string;
  reportDueDate: string | null; reportDays: number | null; reportedAt: string | null; reportOverdue: boolean;
};
export type PetitionFollowUp = { id: string; dueDate: string | null; note: string | null; leaderName: string | null; notifiedAt: string | null; result: string | null; resultAt: string | null; resultByName: string | null };
export type PetitionExtension = { clock: string; clockLabel: string; days: number; unit: string; reason: string; at: string; approvedByName: string | null; dueDate: string | null };
export type PetitionReviewRequest = { id: string; which: string; channel: string | null; reason: string; receivedOn: string | null; recordedByName: string | null; recordedAt: string };
export type PetitionDetail = CaseDetail & {
  petition: PetitionFacts & {
    firstTime?: boolean | null;
    acceptanceNotice?: string | null;
    acceptedAt?: string | null;
    refusal?: PetitionRefusal | null;
    satisfactionChannel?: string | null;
    satisfactionComment?: string | null;
    lead?: { userId: string; name: string | null; at: string; note: string | null } | null;
  };
  petitioners: PetitionPerson[];
  piiShown: boolean;
  piiAllowed?: boolean;
  extensions?: PetitionExtension[];
  assignments?: PetitionAssignment[];
  followUps?: PetitionFollowUp[];
  reviewRequests?: PetitionReviewRequest[];
};

const enc = encodeURIComponent;

export const petitionApi = {
  list: (f: PetitionFilters) => http.get<PetitionPage>('/api/petitions', f),
  /** Facts with masked petitioners (masked=1: nothing decrypted, nothing logged); `full` asks for the identity (the server decides and logs it). */
  get: (id: string, full = false) => http.get<PetitionDetail>(`/api/petitions/${enc(id)}`, full ? undefined : { masked: 1 }),
  register: (input: RegisterPetitionInput) => http.post<RegisterResult>('/api/petitions', input),
  /** 交办 with a 报告期限 (days from today or a date). */
  assign: (id: string, body: { toOrgId: string; note?: string; reportDays?: number; reportDueDate?: string; expectedVersion: number }) =>
    http.post<{ id: string; reportDueDate: string }>(`/api/petitions/${enc(id)}/assign`, body),
  takeLead: (id: string, note?: string) => http.post<unknown>(`/api/petitions/${enc(id)}/lead`, { note }),
  scheduleFollowUps: (id: string, dates: string[], note?: string) => http.post<unknown>(`/api/petitions/${enc(id)}/follow-ups`, { dates, note }),
  followUpResult: (id: string, fid: string, result: string) => http.post<unknown>(`/api/petitions/${enc(id)}/follow-ups/${enc(fid)}/result`, { result }),
  recordSatisfaction: (id: string, body: { satisfaction: string; channel: string; comment?: string }) => http.post<unknown>(`/api/petitions/${enc(id)}/satisfaction`, body),
  reviewRequest: (id: string, body: { which: string; reason: string; receivedOn: string }) => http.post<unknown>(`/api/petitions/${enc(id)}/review-request`, body),
};

/** GET/PUT /api/petitions/settings (src/modules/petitions/commands/settings.ts). */
export type PetitionSetting = { key: string; label: string; basis: string; unverified: boolean; value: number | string; default: number | string; updatedAt: string | null };
export type PetitionSettings = { items: PetitionSetting[]; canEdit: boolean };
export const petitionSettingsApi = {
  get: () => http.get<PetitionSettings>('/api/petitions/settings'),
  put: (body: Record<string, unknown>) => http.put<{ items: PetitionSetting[] }>('/api/petitions/settings', body),
};
