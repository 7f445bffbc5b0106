import { http } from '../../shared/api.ts';
import type { z } from 'zod';
import type { AnnualTables, Item, RequestListItem } from '../../../../src/modules/disclosure/contracts/http.ts';

/** 政务公开 vocabularies: the server's contract. */
export { ANSWER_KINDS, APPLICANT_KINDS, CATEGORIES, CHANNELS, RECEIPT_RULE } from '../../../../src/modules/disclosure/contracts/labels.ts';
export type { AnnualTables, Item };
export type RequestRow = z.infer<typeof RequestListItem>;
type Q = Record<string, string | number | undefined>;

export const disclosureApi = {
  requests: (q: Q) => http.get<{ items: RequestRow[]; total: number }>('/api/disclosure/requests', q as never),
  register: (body: unknown) => http.post<{ id: string; refNo: string; queryCode: string }>('/api/disclosure/requests', body),
  items: (q: Q) => http.get<{ items: Item[]; total: number }>('/api/disclosure/items', q as never),
  createItem: (body: unknown) => http.post<{ id: string; indexNo: string }>('/api/disclosure/items', body),
  annual: (year: number, area?: string) => http.get<AnnualTables>('/api/disclosure/annual', { year, area } as never),
  createFee: (body: unknown) => http.post<{ id: string }>('/api/disclosure/fee-items', body),
  fileUrl: (ext: 'docx' | 'xlsx', year: number, area?: string) => `/api/disclosure/annual.${ext}?year=${year}${area ? `&area=${area}` : ''}`,
};
