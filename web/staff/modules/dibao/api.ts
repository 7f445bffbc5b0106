import { http } from '../../shared/api.ts';
import { yuanText } from '../../../../src/platform/money.ts';
import type { ApplicationDetail, ApplicationIdentities, ApplicationItem, ApplicationRegistered } from '../../../../src/modules/dibao/contracts/applications.ts';
import type { Delegation, DelegationAdded } from '../../../../src/modules/dibao/contracts/delegations.ts';
import type { HouseholdDetail, HouseholdItem, HouseholdMember } from '../../../../src/modules/dibao/contracts/households.ts';
import type { RecheckItem } from '../../../../src/modules/dibao/contracts/rechecks.ts';
import type { SpotCheckDetail, SpotCheckDrawn, SpotCheckItem } from '../../../../src/modules/dibao/contracts/spot-checks.ts';
import type { FilingItem, PublicationItem } from '../../../../src/modules/dibao/contracts/steps.ts';

/** 低保 vocabularies: the server's contract.ts (申请方式 includes 网上, which the portal uses). */
export {
  ASSET_KINDS,
  CHANNELS,
  DISABILITY,
  EXPENSE_KINDS,
  HEALTH,
  INCOME_KINDS,
  MATERIALS,
  RELATIONS,
  WORK_ABILITY,
} from '../../../../src/modules/dibao/contract.ts';
export const DIBAO_STATES: { value: string; label: string }[] = [
  { value: 'applied', label: '已申请（待受理）' },
  { value: 'supplementing', label: '待补齐材料' },
  { value: 'checking', label: '家庭经济状况核对' },
  { value: 'investigating', label: '入户调查' },
  { value: 'investigated', label: '已调查（待评议或审核）' },
  { value: 'appraised', label: '已民主评议' },
  { value: 'reviewed', label: '乡镇已审核（待公示）' },
  { value: 'publicizing', label: '公示中' },
  { value: 'reinvestigating', label: '公示异议复查中' },
  { value: 'awaiting_confirm', label: '待确认' },
  { value: 'confirmed', label: '确认同意' },
  { value: 'refusing', label: '不予确认（待书面告知）' },
  { value: 'refused', label: '不予确认' },
  { value: 'withdrawn', label: '申请人撤回' },
  { value: 'not_accepted', label: '不予受理' },
];

export type Authority = 'county' | 'township';
export type { ApplicationIdentities, ApplicationItem, Delegation, HouseholdItem, RecheckItem, SpotCheckDetail as SpotCheck, SpotCheckItem };
export type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };
export type Household = HouseholdDetail;
export type Member = HouseholdMember;
export type { CheckResult, DibaoFacts, Eligibility } from '../../../../src/modules/dibao/contracts/applications.ts';

type Q = Record<string, string | number | undefined>;
export const dibaoApi = {
  applications: (q: Q) => http.get<Paged<ApplicationItem>>('/api/dibao/applications', q as never),
  application: (id: string) => http.get<ApplicationDetail>(`/api/dibao/applications/${id}`),
  /** 「查看完整信息」: the members' full 身份证号 (the server decides who may see them and logs the read). */
  identities: (id: string) => http.get<ApplicationIdentities>(`/api/dibao/applications/${id}/identities`),
  register: (body: unknown) => http.post<ApplicationRegistered>('/api/dibao/applications', body),
  submitCounty: (id: string) => http.post<ApplicationDetail>(`/api/dibao/applications/${id}/submit-county`, {}),
  extendSpecial: (id: string, reasons: string) => http.post<ApplicationDetail>(`/api/dibao/applications/${id}/extend-special`, { reasons }),
  households: (q: Q) => http.get<Paged<HouseholdItem>>('/api/dibao/households', q as never),
  /** Masked unless `full` (「查看完整信息」: the read of the full identities is logged). */
  household: (id: string, full = false) => http.get<Household>(`/api/dibao/households/${id}${full ? '' : '?masked=1'}`),
  delegations: () => http.get<{ today: string; items: Delegation[] }>('/api/dibao/delegations'),
  addDelegation: (body: unknown) => http.post<DelegationAdded>('/api/dibao/delegations', body),
  townships: () => http.get<{ items: { code: string; name: string; level: number; parentCode: string; county: string }[] }>('/api/public/dibao/townships'),
};

/** 元 with two decimals ('1234.50'), '—' when there is no amount; the text comes from src/platform/money.ts. */
export const yuan = (cents: number | null | undefined) => (cents == null ? '—' : yuanText(cents));

export const spotCheckApi = {
  list: () => http.get<{ items: SpotCheckItem[] }>('/api/dibao/spot-checks'),
  get: (id: string) => http.get<SpotCheckDetail>(`/api/dibao/spot-checks/${id}`),
  draw: (body: { countyCode: string; from: string; to: string; seed?: string; ratio?: number }) => http.post<SpotCheckDrawn>('/api/dibao/spot-checks', body),
  visit: (id: string, caseId: string, body: { visitedOn: string; result: string; findings: string }) =>
    http.post<{ ok: true }>(`/api/dibao/spot-checks/${id}/items/${caseId}`, body),
};
export const recheckApi = {
  list: (q: Q) =>
    http.get<Paged<RecheckItem> & { counts: { open: number; overdue: number; deciding: number; done: number } }>('/api/dibao/rechecks', q as never),
};

export { NEAR_RELATIONS, PUBLICATION_CHANNELS, STAFF_POSTS } from '../../../../src/modules/dibao/contracts/steps.ts';
export type { FilingItem, PublicationItem } from '../../../../src/modules/dibao/contracts/steps.ts';
/** 公布 (and, below, 近亲属备案): the steps of issue 10 (C2). */
export const stepsApi = {
  publications: (q: Q) => http.get<Paged<PublicationItem>>('/api/dibao/publications', q as never),
  publish: (caseId: string, body: { date: string; channel: string; place: string }) =>
    http.post<{ id: string; publishedOn: string }>(`/api/dibao/applications/${caseId}/publications`, body),
  filings: (q: Q) => http.get<Paged<FilingItem>>('/api/dibao/relative-filings', q as never),
  countyVisit: (caseId: string, body: { staff: string; date: string; result: string; findings: string }) =>
    http.post<{ ok: true }>(`/api/dibao/applications/${caseId}/county-visit`, body),
};
