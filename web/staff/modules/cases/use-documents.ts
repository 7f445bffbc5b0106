import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../shared/api.ts';
import type { IssuedDocument } from '../../../../src/kernel/documents/issue-document.ts';

/** One issued version of a document, as GET /api/cases/:id/documents lists it (src/kernel/documents/queries.ts). */
export type CaseDocument = {
  id: string;
  type: string;
  title: string;
  docNo: string;
  version: number;
  current: boolean;
  issuer: string;
  issuedOn: string;
  issuedAt: string;
  issuedBy: string | null;
  verifyCode: string;
  sm3: string;
  sizeBytes: number;
  pdfUrl: string;
  docxUrl: string | null;
};
/** A type the user may issue by hand on this case now; `issued`: a re-issue (new version, same number). */
export type IssuableDocument = { type: string; title: string; issued: boolean };
export type CaseDocuments = { items: CaseDocument[]; issuable: IssuableDocument[] };

export const documentsKey = (caseId: string) => ['case', caseId, 'documents'] as const;

/** The case's documents; `stamp` (case version) refetches them after every step, which may issue one. */
export function useCaseDocuments(caseId: string, stamp: number) {
  return useQuery({
    queryKey: [...documentsKey(caseId), stamp],
    queryFn: () => http.get<CaseDocuments>(`/api/cases/${encodeURIComponent(caseId)}/documents`),
    staleTime: 0,
  });
}

/** 出具 / 重新出具 by hand: POST /api/cases/:id/documents { type }. */
export function useIssueDocument(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (type: string) => http.post<IssuedDocument>(`/api/cases/${encodeURIComponent(caseId)}/documents`, { type }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentsKey(caseId) }),
  });
}
