import type { z } from 'zod';
import { http } from '../../shared/api.ts';
import type { HeadCandidates, NormdocDetail, NormdocPage, RegisterResult } from '../../../../src/modules/normdocs/contracts/http.ts';
import type { CleanupClosed, CleanupDetail, CleanupList, CleanupOpened } from '../../../../src/modules/normdocs/cleanup/contracts.ts';

/** 规范性文件 vocabularies: the server's contract.ts. */
export { CLEANUP_CONCLUSIONS, DISPOSITIONS, EVALUATION_CONCLUSIONS, EVALUATION_METHODS } from '../../../../src/modules/normdocs/contract.ts';
export type Cleanup = z.infer<typeof CleanupDetail>;
export type CleanupRow = z.infer<typeof CleanupList>['items'][number];

export type Normdoc = z.infer<typeof NormdocDetail>;
export type NormdocRow = z.infer<typeof NormdocPage>['items'][number];
export type NormdocFilters = { q?: string; state?: string; year?: number; page?: number; pageSize?: number };

export const normdocApi = {
  list: (f: NormdocFilters) => http.get<z.infer<typeof NormdocPage>>('/api/normdocs', f),
  get: (id: string) => http.get<Normdoc>(`/api/normdocs/${encodeURIComponent(id)}`),
  register: (input: { title: string; text: string; note?: string }) => http.post<z.infer<typeof RegisterResult>>('/api/normdocs', input),
  version: (id: string, input: { text: string; note: string }) => http.post<{ versionNo?: number }>(`/api/normdocs/${encodeURIComponent(id)}/versions`, input),
  comment: (id: string, input: { commenter: string; content: string; receivedOn: string }) =>
    http.post<{ id?: string }>(`/api/normdocs/${encodeURIComponent(id)}/comments`, input),
  meeting: (id: string, input: { metOn: string; name: string; attendees: string; decision: string }) =>
    http.post<{ id?: string }>(`/api/normdocs/${encodeURIComponent(id)}/meeting`, input),
  heads: (id: string) => http.get<z.infer<typeof HeadCandidates>>(`/api/normdocs/${encodeURIComponent(id)}/heads`),
  dispose: (id: string, input: { commentId: string; disposition: string; reason: string }) =>
    http.post<{ id?: string }>(`/api/normdocs/${encodeURIComponent(id)}/dispositions`, input),
  evaluate: (id: string, input: { evaluatedOn: string; evaluator: string; method: string; findings: string; conclusion: string }) =>
    http.post<{ id: string; revisionCaseId: string | null }>(`/api/normdocs/${encodeURIComponent(id)}/evaluations`, input),
  cleanups: () => http.get<z.infer<typeof CleanupList>>('/api/normdocs/cleanups'),
  cleanup: (id: string) => http.get<Cleanup>(`/api/normdocs/cleanups/${encodeURIComponent(id)}`),
  openCleanup: (input: { name: string; basis: string; asOf: string; dueOn?: string }) =>
    http.post<z.infer<typeof CleanupOpened>>('/api/normdocs/cleanups', input),
  conclude: (id: string, caseId: string, input: { conclusion: string; reason: string }) =>
    http.put<{ caseId: string }>(`/api/normdocs/cleanups/${encodeURIComponent(id)}/items/${encodeURIComponent(caseId)}`, input),
  closeCleanup: (id: string) => http.post<z.infer<typeof CleanupClosed>>(`/api/normdocs/cleanups/${encodeURIComponent(id)}/close`, {}),
};

export const NORMDOC_STATES: { value: string; label: string }[] = [
  { value: 'drafting', label: '起草中' },
  { value: 'consulting', label: '征求意见中' },
  { value: 'reviewing', label: '合法性审核中' },
  { value: 'reviewed', label: '审核通过待集体审议' },
  { value: 'deliberated', label: '集体审议通过待政策法规处签字' },
  { value: 'legal_signed', label: '政策法规处已签字待签发' },
  { value: 'signed', label: '已签发待登记编号' },
  { value: 'numbered', label: '已登记编号待公布' },
  { value: 'published', label: '已公布待备案' },
  { value: 'filed', label: '已备案（施行）' },
  { value: 'revised', label: '已修改（由修改后的文件替代）' },
  { value: 'continued', label: '已继续施行（重新登记，由新登记的文件替代）' },
  { value: 'repealed', label: '已废止' },
  { value: 'expired', label: '已失效' },
];
