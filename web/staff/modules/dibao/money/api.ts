import { http } from '../../../shared/api.ts';
import type { DibaoSettingsView, RosterDetail, RosterLine, RosterSummary, Standard } from '../../../../../src/modules/dibao/contracts/money.ts';
import type { DibaoStats, GeneratedRoster, ImportPage, ImportReport, RosterCheckResult } from '../../../../../src/modules/dibao/contracts/money.ts';

const enc = encodeURIComponent;
export type { RosterSummary };
export type { RosterDetail, RosterLine };
export type { DibaoStats, GroupTime, ImportBatch, ImportReport } from '../../../../../src/modules/dibao/contracts/money.ts';
export type { Standard } from '../../../../../src/modules/dibao/contracts/money.ts';
export type SettingsResponse = DibaoSettingsView;

export const moneyApi = {
  rosters: (q: { month?: string; countyCode?: string; page: number; pageSize: number }) =>
    http.get<{ total: number; items: RosterSummary[] }>('/api/dibao/rosters', q),
  counties: () => http.get<{ items: Array<{ code: string; name: string }> }>('/api/dibao/roster-counties'),
  generate: (countyCode: string, month: string) => http.post<GeneratedRoster>('/api/dibao/rosters', { countyCode, month }),
  roster: (id: string, q: { page: number; pageSize: number; problemsOnly?: '1' }) => http.get<RosterDetail>(`/api/dibao/rosters/${enc(id)}`, q),
  check: (id: string) => http.post<RosterCheckResult>(`/api/dibao/rosters/${enc(id)}/check`, {}),
  approve: (id: string, version: number) => http.post<RosterSummary>(`/api/dibao/rosters/${enc(id)}/approve`, { version }),
  rosterXlsx: (id: string) => `/api/dibao/rosters/${enc(id)}.xlsx`,
  imports: (page: number) => http.get<ImportPage>('/api/dibao/imports', { page, pageSize: 20 }),
  upload: (file: File) => {
    const f = new FormData();
    f.append('file', file, file.name);
    return http.post<ImportReport>('/api/dibao/imports', f);
  },
  errorsXlsx: (id: string) => `/api/dibao/imports/${enc(id)}/errors.xlsx`,
  templateXlsx: '/api/dibao/imports/template.xlsx',
  standards: () => http.get<{ items: Standard[] }>('/api/dibao/standards'),
  createStandard: (body: unknown) => http.post<Standard>('/api/dibao/standards', body),
  settings: () => http.get<SettingsResponse>('/api/dibao/settings'),
  saveSettings: (body: Record<string, unknown>) => http.put<SettingsResponse>('/api/dibao/settings', body),
  stats: (q: { area?: string; from?: string; to?: string }) => http.get<DibaoStats>('/api/dibao/stats', q),
  statsXlsx: (q: { from?: string; to?: string }) =>
    `/api/dibao/stats.xlsx?${new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString()}`,
};
