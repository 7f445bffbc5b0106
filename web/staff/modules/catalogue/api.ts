import { http } from '../../shared/api.ts';
import type { DiffReport } from '../../../../src/modules/catalogue/queries/diff.ts';

/** 政务服务事项 vocabularies: the server's contracts. */
export { ITEM_TYPES, LEVELS, DEPTHS, CASE_KINDS } from '../../../../src/modules/catalogue/contracts/codes.ts';
export type { DiffReport };

type Any = Record<string, any>;
export type { ListImportReport } from '../../../../src/modules/catalogue/imports/import-list.ts';
import type { ListImportReport } from '../../../../src/modules/catalogue/imports/import-list.ts';
import type { CatalogueImportReport } from '../../../../src/modules/catalogue/imports/import-catalogue.ts';

export const catalogueApi = {
  versions: () => http.get<Any[]>('/api/catalogue/versions'),
  version: (id: string) => http.get<Any>(`/api/catalogue/versions/${id}`),
  createVersion: (body: unknown) => http.post<{ id: string }>('/api/catalogue/versions', body),
  putItems: (id: string, items: unknown[]) => http.put<unknown>(`/api/catalogue/versions/${id}/items`, items),
  submit: (id: string) => http.post<unknown>(`/api/catalogue/versions/${id}/submit`, {}),
  review: (id: string, body: unknown) => http.post<unknown>(`/api/catalogue/versions/${id}/review`, body),
  offices: () => http.get<Any[]>('/api/catalogue/offices'),
  officeList: (id: string) => http.get<{ office: Any; rows: Any[] }>(`/api/catalogue/offices/${id}/list`),
  adopt: (id: string) => http.post<{ added: number; updated: number }>(`/api/catalogue/offices/${id}/adopt`, {}),
  importList: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.post<ListImportReport>(`/api/catalogue/offices/${id}/list-import`, form);
  },
  importCatalogue: (file: File, q: { title?: string; effectiveOn?: string }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString();
    return http.post<CatalogueImportReport>(`/api/catalogue/catalogue-import${qs ? `?${qs}` : ''}`, form);
  },
  updateRow: (id: string, body: unknown) => http.put<unknown>(`/api/catalogue/implementations/${id}`, body),
  diff: (areaCode: string) => http.get<DiffReport>('/api/catalogue/diff', { areaCode }),
  powers: (q: Record<string, string | undefined>) => http.get<Any>('/api/catalogue/powers', q as never),
  transfer: (id: string, body: unknown) => http.post<unknown>(`/api/catalogue/powers/${id}/transfer`, body),
  supervision: () => http.get<Any[]>('/api/catalogue/supervision'),
  enterSupervision: (body: unknown) => http.post<unknown>('/api/catalogue/supervision', body),
  reviewSupervision: (id: string, body: unknown) => http.post<unknown>(`/api/catalogue/supervision/${id}/review`, body),
  inspections: () => http.get<Any[]>('/api/catalogue/inspection-records'),
  enterInspection: (body: unknown) => http.post<{ id: string }>('/api/catalogue/inspection-records', body),
  reviewInspection: (id: string, body: unknown) => http.post<unknown>(`/api/catalogue/inspection-records/${id}/review`, body),
  /** Certified officers (行政执法证 valid) in the user's scope: the 检查人员 to pick from. */
  officers: () =>
    http.get<{ items: Array<{ id: string; name: string; certNo: string; orgName: string }> }>('/api/enforcement/officers', { status: 'valid' } as never),
};
