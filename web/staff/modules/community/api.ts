import type { z } from 'zod';
import { http } from '../../shared/api.ts';
import type {
  AssignmentCheckResult,
  DutyPage,
  DutyRequestInput,
  ImportResult,
  RegisterResult,
  StationPage,
  StationStats,
} from '../../../../src/modules/community/contracts/http.ts';

/** 城乡社区 vocabularies and shapes: the server's contract. */
export { DUTY_ASPECTS, STATION_KIND_LABEL } from '../../../../src/modules/community/contract.ts';
export type StationRow = z.infer<typeof StationPage>['items'][number];
export type DutyRow = z.infer<typeof DutyPage>['items'][number];
export type StationFilters = { q?: string; kind?: string; county?: string; page?: number; pageSize?: number };

export const communityApi = {
  stations: (f: StationFilters) => http.get<z.infer<typeof StationPage>>('/api/community/stations', f),
  stats: (asOf?: string) => http.get<z.infer<typeof StationStats>>('/api/community/stations/stats', asOf ? { asOf } : {}),
  importStations: (input: { csv?: string; xlsxBase64?: string }) => http.post<z.infer<typeof ImportResult>>('/api/community/stations/import', input),
  duties: (areaCode: string) => http.get<z.infer<typeof DutyPage>>('/api/community/duties', { areaCode }),
  requests: (state?: string) => http.get<z.infer<typeof DutyPage>>('/api/community/duties/requests', state ? { state } : {}),
  request: (input: DutyRequestInput) => http.post<z.infer<typeof RegisterResult>>('/api/community/duties/requests', input),
  check: (input: { areaCode: string; title: string }) => http.post<z.infer<typeof AssignmentCheckResult>>('/api/community/duties/check', input),
};
