import type { z } from 'zod';
import { http } from '../../shared/api.ts';
import type { RegisterProposalInput } from '../../../../src/modules/proposals/commands/inputs.ts';
import type { ProposalDetail, ProposalPage, ProposalStats, RegisterResult } from '../../../../src/modules/proposals/contracts/http.ts';

/** 建议提案 vocabularies: the server's contract.ts. */
export { CATEGORIES, CATEGORY_LABEL, CONTACT_WAYS, KINDS, RATINGS, ROLES } from '../../../../src/modules/proposals/contract.ts';

export type Proposal = z.infer<typeof ProposalDetail>;
export type ProposalRow = z.infer<typeof ProposalPage>['items'][number];
export type Stats = z.infer<typeof ProposalStats>;
export type ProposalFilters = {
  kind?: string;
  session?: string;
  role?: string;
  category?: string;
  state?: string;
  year?: number;
  q?: string;
  page?: number;
  pageSize?: number;
};

export const proposalApi = {
  list: (f: ProposalFilters) => http.get<z.infer<typeof ProposalPage>>('/api/proposals', f),
  get: (id: string) => http.get<Proposal>(`/api/proposals/${encodeURIComponent(id)}`),
  stats: (year: number) => http.get<Stats>('/api/proposals/stats', { year }),
  register: (input: z.input<typeof RegisterProposalInput>) => http.post<z.infer<typeof RegisterResult>>('/api/proposals', input),
  contact: (id: string, input: { metOn: string; way: string; people: string; content: string }) =>
    http.post<{ id: string }>(`/api/proposals/${encodeURIComponent(id)}/contacts`, input),
  disclose: (id: string, agreedOn: string) => http.post<{ id: string }>(`/api/proposals/${encodeURIComponent(id)}/disclosure`, { agreedOn }),
  implementation: (id: string, input: { repliedOn: string; text: string }) =>
    http.post<{ id: string }>(`/api/proposals/${encodeURIComponent(id)}/implementation`, input),
};

export const PROPOSAL_STATES: { value: string; label: string }[] = [
  { value: 'registered', label: '已交办待签收' },
  { value: 'handling', label: '办理中' },
  { value: 'drafted', label: '答复待签发' },
  { value: 'answered', label: '已答复待征询意见' },
  { value: 'reworking', label: '重新办理中' },
  { value: 'rated', label: '已评价' },
  { value: 'closed', label: '办结' },
  { value: 'returned', label: '已异议退回' },
];
