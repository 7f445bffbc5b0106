import { http } from '../../shared/api.ts';
import type { SpotCheckDto, SpotCheckList } from '../../../../src/modules/orgs/spot-check/spot-check-read.ts';
import type { SpotItemDto } from '../../../../src/modules/orgs/spot-check/spot-check-pages.ts';
import type { InspectionOptions } from '../../../../src/modules/orgs/spot-check/inspection-options.ts';
import type { PoolOptions } from '../../../../src/modules/orgs/spot-check/pool-options.ts';
import type { PenaltyList } from '../../../../src/modules/orgs/registry/list-penalties.ts';
import type { SupervisedPage } from '../../../../src/modules/orgs/registry/supervised.ts';
import type { z } from 'zod';
import type { CreditListItem, EligibilityDto, NameCheckResult, OrgDetail, OrgItem, OrgListItem } from '../../../../src/modules/orgs/contracts/http.ts';
import type { ImportResult } from '../../../../src/modules/orgs/imports/import-registry.ts';

/** 社会组织 vocabularies: the server's contract.ts. */
export {
  CREDIT_LIST_LABEL,
  ORG_KIND_LABEL,
  ORG_STATUS_LABEL,
  ORG_KINDS,
  ORG_STATUSES,
  CREDIT_LISTS,
  IMPORT_COLUMNS,
} from '../../../../src/modules/orgs/contract.ts';
export type { CreditListItem, EligibilityDto, NameCheckResult, OrgDetail, OrgItem, OrgListItem };
export type SpotItem = z.infer<typeof SpotItemDto>;
export type Penalty = z.infer<typeof PenaltyList>['items'][number];
export type SupervisedItem = z.infer<typeof SupervisedPage>['items'][number];

export type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };
type Q = Record<string, string | number | undefined>;

export const orgsApi = {
  list: (q: Q) => http.get<Paged<OrgListItem>>('/api/orgs', q as never),
  detail: (id: string) => http.get<OrgDetail>(`/api/orgs/${id}`),
  eligibility: (id: string, q: Q) => http.get<EligibilityDto>(`/api/orgs/${id}/eligibility`, q as never),
  creditLists: (q: Q) => http.get<Paged<CreditListItem>>('/api/orgs/credit-lists', q as never),
  nameCheck: (body: unknown) => http.post<NameCheckResult>('/api/orgs/name-check', body),
  spotChecks: () => http.get<z.infer<typeof SpotCheckList>>('/api/orgs/spot-checks'),
  spotCheck: (id: string) => http.get<z.infer<typeof SpotCheckDto>>(`/api/orgs/spot-checks/${id}`),
  commitSpotCheck: (body: unknown) => http.post<{ id: string; commitment: string }>('/api/orgs/spot-checks', body),
  spotPoolOptions: () => http.get<z.infer<typeof PoolOptions>>('/api/orgs/spot-checks/pool-options'),
  spotItems: (id: string, q: Q) => http.get<Paged<SpotItem>>(`/api/orgs/spot-checks/${id}/items`, q as never),
  spotInspectionOptions: (id: string, q: Q) => http.get<z.infer<typeof InspectionOptions>>(`/api/orgs/spot-checks/${id}/inspection-options`, q as never),
  recordSpotInspection: (id: string, body: unknown) => http.post<unknown>(`/api/orgs/spot-checks/${id}/inspections`, body),
  recordSpotFollowUp: (id: string, body: unknown) => http.post<unknown>(`/api/orgs/spot-checks/${id}/follow-ups`, body),
  penalties: (id: string) => http.get<{ items: Penalty[] }>(`/api/orgs/${id}/penalties`),
  penalize: (id: string, body: unknown) => http.post<{ id: string; basis: string }>(`/api/orgs/${id}/penalties`, body),
  drawSpotCheck: (id: string) => http.post<unknown>(`/api/orgs/spot-checks/${id}/draw`, {}),
  revealSpotCheck: (id: string) => http.post<unknown>(`/api/orgs/spot-checks/${id}/reveal`, {}),
  issueFilingCode: (id: string) => http.post<{ code: string; issuedOn: string }>(`/api/orgs/${id}/filing-code`, {}),
  recordInspection: (id: string, body: unknown) => http.post<unknown>(`/api/orgs/${id}/inspections`, body),
  recordInterview: (id: string, body: unknown) => http.post<{ id: string }>(`/api/orgs/${id}/interviews`, body),
  supervised: (q: Q) => http.get<Paged<SupervisedItem>>('/api/orgs/supervised', q as never),
  giveOpinion: (id: string, body: unknown) => http.post<unknown>(`/api/orgs/supervised/${id}/opinions`, body),
  importRegistry: (body: { csv?: string; xlsxBase64?: string }) => http.post<z.infer<typeof ImportResult>>('/api/orgs/import', body),
  followUpInterview: (id: string, body: unknown) => http.post<unknown>(`/api/orgs/interviews/${id}/follow-up`, body),
};
