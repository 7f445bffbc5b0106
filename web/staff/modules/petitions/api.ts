import { http } from '../../shared/api.ts';

import { CHANNELS } from '../../../../src/modules/petitions/contract.ts';
import type { z } from 'zod';
import type { RegisterPetitionInput as RegisterPetitionSchema } from '../../../../src/modules/petitions/commands/petition-input.ts';
import type {
  PetitionDetail,
  PetitionPage,
  PetitionSetting,
  PetitionSettings,
  RegisterPetitionResult,
  AssignResult,
} from '../../../../src/modules/petitions/contracts/http.ts';

/** 信访 vocabularies: the server's contract.ts. */
export {
  CATEGORIES,
  CHANNELS,
  NOTICE_METHODS,
  OPINIONS,
  ORIGINAL_FORMS,
  ROUTING_TARGETS,
  REVIEW_KINDS,
  SATISFACTION,
  SATISFACTION_CHANNELS,
  SOURCE_BODIES,
  SUBJECTS,
} from '../../../../src/modules/petitions/contract.ts';
/** Channels a clerk registers (网上信访 arrives through the portal). */
export const STAFF_CHANNELS = CHANNELS.filter((c) => c !== '网上信访');
export const PETITION_STATES: { value: string; label: string }[] = [
  { value: 'registered', label: '已登记（甄别中）' },
  { value: 'accepted', label: '已受理' },
  { value: 'refused', label: '不予受理' },
  { value: 'forwarded_out', label: '已转送外部机关' },
  { value: 'simple', label: '简易办理中' },
  { value: 'handling', label: '办理中' },
  { value: 'drafted', label: '拟办意见待审批' },
  { value: 'approved', label: '已审批' },
  { value: 'delivered', label: '已送达' },
  { value: 'closed', label: '办结' },
  { value: 'review_requested', label: '复查申请' },
  { value: 'reviewing', label: '复查中' },
  { value: 'review_referred', label: '复查已转外部机关' },
  { value: 'reviewed', label: '复查意见待送达' },
  { value: 'review_delivered', label: '复查意见已送达' },
  { value: 'recheck_requested', label: '复核申请' },
  { value: 'rechecking', label: '复核中' },
  { value: 'recheck_referred', label: '复核已转外部机关' },
  { value: 'rechecked', label: '复核意见待送达' },
  { value: 'final', label: '终结' },
];

export type Channel = (typeof CHANNELS)[number];

export type PetitionFilters = {
  state?: string;
  channel?: string;
  category?: string;
  subject?: string;
  flag?: 'repeat' | 'skip_level' | 'urgent';
  q?: string;
  /** Registration period (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export type {
  PetitionDetail,
  PetitionListItem,
  PetitionPage,
  PetitionPerson,
  PetitionSetting,
  PetitionSettings,
} from '../../../../src/modules/petitions/contracts/http.ts';
/** The register form's body: the server's input, with the vocabulary fields as the form's select values (the server checks them). */
export type RegisterPetitionInput = Omit<z.input<typeof RegisterPetitionSchema>, 'channel' | 'sourceBody' | 'originalForm' | 'category' | 'subject'> & {
  channel: string;
  sourceBody?: string;
  originalForm?: string;
  category: string;
  subject: string;
};
export type RegisterResult = RegisterPetitionResult;

const enc = encodeURIComponent;

export const petitionApi = {
  list: (f: PetitionFilters) => http.get<PetitionPage>('/api/petitions', f),
  /** Facts with masked petitioners (masked=1: nothing decrypted, nothing logged); `full` asks for the identity (the server decides and logs it). */
  get: (id: string, full = false) => http.get<PetitionDetail>(`/api/petitions/${enc(id)}`, full ? undefined : { masked: 1 }),
  register: (input: RegisterPetitionInput) => http.post<RegisterResult>('/api/petitions', input),
  /** 交办 with a 报告期限 (days from today or a date). */
  assign: (id: string, body: { toOrgId: string; note?: string; reportDays?: number; reportDueDate?: string; expectedVersion: number }) =>
    http.post<AssignResult>(`/api/petitions/${enc(id)}/assign`, body),
  takeLead: (id: string, note?: string) => http.post<unknown>(`/api/petitions/${enc(id)}/lead`, { note }),
  scheduleFollowUps: (id: string, dates: string[], note?: string) => http.post<unknown>(`/api/petitions/${enc(id)}/follow-ups`, { dates, note }),
  followUpResult: (id: string, fid: string, result: string) => http.post<unknown>(`/api/petitions/${enc(id)}/follow-ups/${enc(fid)}/result`, { result }),
  recordSatisfaction: (id: string, body: { satisfaction: string; channel: string; comment?: string }) =>
    http.post<unknown>(`/api/petitions/${enc(id)}/satisfaction`, body),
  reviewRequest: (id: string, body: { which: string; reason: string; receivedOn: string; postmarkOn?: string }) =>
    http.post<unknown>(`/api/petitions/${enc(id)}/review-request`, body),
  /** 异议 of the receiving unit (5 个工作日 from receipt); the sender decides. */
  raiseObjection: (id: string, reason: string) => http.post<unknown>(`/api/petitions/${enc(id)}/objection`, { reason }),
  decideObjection: (id: string, body: { agree: boolean; note: string }) => http.post<unknown>(`/api/petitions/${enc(id)}/objection/decide`, body),
  /** How and when the 受理 / 不予受理 告知书 was served. */
  serveNotice: (id: string, body: { servedMethod: string; servedOn: string }) => http.post<unknown>(`/api/petitions/${enc(id)}/notice-service`, body),
  /** 导入相应程序 (第三十一条). */
  route: (id: string, body: { target: string; note: string }) => http.post<unknown>(`/api/petitions/${enc(id)}/routing`, body),
};

import type { ReceptionLogEntry, ReceptionLogPage } from '../../../../src/modules/petitions/contracts/intake.ts';
export type { ReceptionLogEntry, ReceptionLogPage };
/** 接待登记 (src/modules/petitions/commands/reception-log.ts). */
export const receptionLogApi = {
  list: (q: { page: number; pageSize: number; from?: string; to?: string }) => http.get<ReceptionLogPage>('/api/petitions/reception-log', q),
  add: (body: { day: string; kind: '来信' | '来访'; batches: number; persons: number; note?: string }) =>
    http.post<ReceptionLogEntry>('/api/petitions/reception-log', body),
};

/** GET/PUT /api/petitions/settings (src/modules/petitions/commands/settings.ts). */
export const petitionSettingsApi = {
  get: () => http.get<PetitionSettings>('/api/petitions/settings'),
  put: (body: Record<string, unknown>) => http.put<{ items: PetitionSetting[] }>('/api/petitions/settings', body),
};
