import dayjs from 'dayjs';
import type { z } from 'zod';
import { http } from '../../shared/api.ts';
import type { FileCaseInput, UploadStartInput } from '../../../../src/modules/enforcement/contracts/inputs.ts';

export { CERT_STATUS_LABELS, EVIDENCE_KINDS, PENALTY_STATES } from '../../../../src/modules/enforcement/contracts/labels.ts';
export { STAFF_CHANNELS, TIPOFF_STATES } from '../../../../src/modules/enforcement/contracts/tipoff-labels.ts';

export type OfficerRow = {
  id: string;
  name: string;
  certNo: string;
  orgName: string;
  orgUnitId: string;
  areaPath: string;
  validFrom: string;
  validTo: string;
  status: 'valid' | 'suspended' | 'revoked';
  statusLabel: string;
  trainingHours: number;
  legalReviewer: boolean;
  legalQualification: string | null;
  examApplicant: boolean;
  qualificationPassedOn: string | null;
  qualificationScore: number | null;
  problem: string | null;
  daysLeft?: number;
};
export type CaseRow = {
  id: string;
  refNo: string;
  partyName: string;
  org: string;
  filedOn: string;
  state: string;
  stateLabel: string;
  decisionNo: string | null;
  fine: number | null;
  nextDue: string | null;
};
/** Today as the server counts it (China date), whatever the browser's time zone: the forms' default dates. */
export const chinaToday = () => dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));

type Page<T> = { items: T[]; total: number };
export type TipoffRow = {
  id: string;
  refNo: string;
  org: string;
  channel: string;
  receivedOn: string;
  reportedParty: string;
  state: 'received' | 'verified' | 'decided' | 'closed';
  stateLabel: string;
  replyDue: string;
  repliedOn: string | null;
  outcome: string | null;
  caseId: string | null;
  caseRefNo: string | null;
  anonymous: boolean;
  overdue: boolean;
};
export type TipoffDetail = TipoffRow & {
  reportedPartyCode: string | null;
  content: string;
  findings: string | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
  outcomeReason: string | null;
  decidedOn: string | null;
  reply: string | null;
  canReveal: boolean;
};
export type PowerItem = { code: string; name: string; reviewListed: boolean };

export type EvidenceRow = {
  id: string;
  kind: string;
  title: string;
  collectedOn: string;
  sm3: string | null;
  sizeBytes: number | null;
  fileName: string | null;
  recordedBy: string;
};
/** A chunked upload as the server sees it: which chunks arrived (resume sends the missing ones). */
export type UploadStatus = {
  id: string;
  fileName: string;
  sizeBytes: number;
  chunkBytes: number;
  chunkCount: number;
  missing: number[];
  receivedBytes: number;
};

export const enforcementApi = {
  penalty: (id: string) => http.get<{ investigatorIds: string[]; evidence: EvidenceRow[] }>(`/api/enforcement/cases/${id}`),
  startUpload: (input: z.input<typeof UploadStartInput>) => http.post<UploadStatus>('/api/enforcement/evidence-uploads', input),
  uploadStatus: (id: string) => http.get<UploadStatus>(`/api/enforcement/evidence-uploads/${id}`),
  putChunk: (id: string, index: number, bytes: Blob) => http.put<UploadStatus>(`/api/enforcement/evidence-uploads/${id}/chunks/${index}`, bytes),
  completeUpload: (id: string) => http.post<{ id: string; sm3: string }>(`/api/enforcement/evidence-uploads/${id}/complete`),
  cancelUpload: (id: string) => http.del<void>(`/api/enforcement/evidence-uploads/${id}`),
  cases: (f: { state?: string; q?: string; page?: number }) => http.get<Page<CaseRow>>('/api/enforcement/cases', f),
  file: (input: z.input<typeof FileCaseInput>) => http.post<{ id: string; refNo: string }>('/api/enforcement/cases', input),
  officers: (f: { q?: string }) => http.get<Page<OfficerRow>>('/api/enforcement/officers', f),
  expiring: () => http.get<Page<OfficerRow>>('/api/enforcement/officers/expiring', { days: 60 }),
  tipoffs: (f: { state?: string; q?: string; page?: number }) => http.get<Page<TipoffRow>>('/api/enforcement/tipoffs', f),
  tipoff: (id: string) => http.get<TipoffDetail>(`/api/enforcement/tipoffs/${id}`),
  receive: (input: unknown) => http.post<{ id: string; refNo: string; queryCode: string; replyDue: string }>('/api/enforcement/tipoffs', input),
  tipoffStep: (id: string, step: 'verify' | 'decide' | 'reply', input: unknown) => http.post<{ id: string }>(`/api/enforcement/tipoffs/${id}/${step}`, input),
  informant: (id: string) => http.post<{ name: string | null; phone: string | null }>(`/api/enforcement/tipoffs/${id}/informant`, {}),
  catalogue: () => http.get<{ items: PowerItem[] }>('/api/public/enforcement/catalogue'),
};
