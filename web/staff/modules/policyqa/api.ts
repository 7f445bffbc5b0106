import type { z } from 'zod';
import { http } from '../../shared/api.ts';
import type { EntryInput, EntryPage, FlagResult } from '../../../../src/modules/policyqa/contracts/http.ts';

/** 政策问答 vocabularies and shapes: the server's contract. */
export { QA_CATEGORIES, QA_STATUS_LABEL } from '../../../../src/modules/policyqa/contracts/vocab.ts';
export type EntryRow = z.infer<typeof EntryPage>['items'][number];
export type EntryFilters = { q?: string; status?: string; category?: string; page?: number; pageSize?: number };
type Saved = { id: string; seq: number };

export const policyqaApi = {
  list: (f: EntryFilters) => http.get<z.infer<typeof EntryPage>>('/api/policyqa', f),
  create: (input: z.input<typeof EntryInput>) => http.post<Saved>('/api/policyqa', input),
  update: (id: string, input: z.input<typeof EntryInput>) => http.put<Saved>(`/api/policyqa/${encodeURIComponent(id)}`, input),
  flag: (id: string, reason: string) => http.post<z.infer<typeof FlagResult>>(`/api/policyqa/${encodeURIComponent(id)}/flag`, { reason }),
  flagDocument: (documentId: string, reason: string) =>
    http.post<z.infer<typeof FlagResult>>(`/api/policyqa/documents/${encodeURIComponent(documentId)}/flag`, { reason }),
  review: (id: string, input: { outcome: 'keep' | 'withdraw'; note: string }) => http.post<Saved>(`/api/policyqa/${encodeURIComponent(id)}/review`, input),
};
