import { http } from '../../shared/api.ts';

export { COERCION_MEASURES, REMEDY_KINDS, REMEDY_MATTERS, REMEDY_RESULTS } from '../../../../src/modules/enforcement/contracts/remedy-labels.ts';

export type RemedyRow = {
  id: string;
  orgUnitId: string;
  org: string;
  areaPath: string;
  kind: string;
  afterReview: boolean;
  matter: string;
  decisionCaseId: string | null;
  decisionRefNo: string | null;
  decisionText: string | null;
  applicant: string;
  body: string;
  caseNo: string | null;
  acceptedOn: string;
  result: string;
  resultOn: string | null;
  resultNote: string | null;
};
export type CoercionRow = {
  id: string;
  org: string;
  areaPath: string;
  penaltyCaseId: string | null;
  penaltyRefNo: string | null;
  party: string;
  measure: string;
  object: string;
  basis: string;
  documentNo: string | null;
  decidedOn: string;
};
type Q = { year?: number; id?: string; page?: number };
type Page<T> = { items: T[]; total: number };

export const remediesApi = {
  remedies: (q: Q) => http.get<Page<RemedyRow>>('/api/enforcement/remedies', q as never),
  createRemedy: (body: unknown) => http.post<{ id: string }>('/api/enforcement/remedies', body),
  updateRemedy: (id: string, body: unknown) => http.put<{ id: string }>(`/api/enforcement/remedies/${id}`, body),
  coercions: (q: Q) => http.get<Page<CoercionRow>>('/api/enforcement/coercions', q as never),
  createCoercion: (body: unknown) => http.post<{ id: string }>('/api/enforcement/coercions', body),
};
