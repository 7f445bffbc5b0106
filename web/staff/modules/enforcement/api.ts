import type { z } from 'zod';
import { http } from '../../shared/api.ts';
import type { FileCaseInput } from '../../../../src/modules/enforcement/contracts/inputs.ts';

export { CERT_STATUS_LABELS, PENALTY_STATES } from '../../../../src/modules/enforcement/contracts/labels.ts';

export type OfficerRow = {
  id: string;
  name: string;
  certNo: string;
  orgName: string;
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
type Page<T> = { items: T[]; total: number };
export type PowerItem = { code: string; name: string; reviewListed: boolean };

export const enforcementApi = {
  cases: (f: { state?: string; q?: string; page?: number }) => http.get<Page<CaseRow>>('/api/enforcement/cases', f),
  file: (input: z.input<typeof FileCaseInput>) => http.post<{ id: string; refNo: string }>('/api/enforcement/cases', input),
  officers: (f: { q?: string }) => http.get<Page<OfficerRow>>('/api/enforcement/officers', f),
  expiring: () => http.get<Page<OfficerRow>>('/api/enforcement/officers/expiring', { days: 60 }),
  catalogue: () => http.get<{ items: PowerItem[] }>('/api/public/enforcement/catalogue'),
};
