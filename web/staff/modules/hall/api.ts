import { http } from '../../shared/api.ts';
import type { HallItem } from '../../../../src/modules/hall/contracts/items.ts';
import type { listApplications } from '../../../../src/modules/hall/queries/list-applications.ts';
import type { listComplaints } from '../../../../src/modules/hall/queries/list-complaints.ts';
import type { ratingStats } from '../../../../src/modules/hall/queries/rating-stats.ts';
import type { noVisitRate } from '../../../../src/modules/hall/queries/no-visit.ts';

/** 政务服务大厅 vocabularies: the server's contract.ts. */
export { CHANNELS, RATING_LEVELS, NEGATIVE_LEVELS } from '../../../../src/modules/hall/contract.ts';
export type { HallItem };

export type ApplicationPage = Awaited<ReturnType<typeof listApplications>>;
export type ComplaintPage = Awaited<ReturnType<typeof listComplaints>>;
export type RatingStats = Awaited<ReturnType<typeof ratingStats>>;
export type NoVisit = Awaited<ReturnType<typeof noVisitRate>>;
export type MaterialRow = {
  index: number;
  name: string;
  required: boolean;
  present: boolean;
  files: Array<{ id: string; fileName: string; sizeBytes: number }>;
};
export type Registered = { id: string; refNo: string; dueDate: string | null; missing: string[] };

export const hallApi = {
  items: () => http.get<{ items: Array<{ code: string; name: string }> }>('/api/public/hall/items'),
  item: (code: string, area?: string) => http.get<HallItem>(`/api/public/hall/items/${encodeURIComponent(code)}`, area ? { area } : {}),
  list: (f: { state?: string; channel?: string; q?: string; page?: number; pageSize?: number }) => http.get<ApplicationPage>('/api/hall/applications', f),
  /** 窗口登记 with the scanned materials: files by their place in the item's list. */
  register: (input: unknown, files: Map<number, File>) => {
    const fd = new FormData();
    fd.append('application', JSON.stringify(input));
    for (const [i, f] of files) fd.append(`material.${i}`, f, f.name);
    return http.post<Registered>('/api/hall/applications', fd);
  },
  materials: (id: string) => http.get<{ materials: MaterialRow[] }>(`/api/hall/applications/${id}/materials`),
  uploadMaterial: (id: string, index: number, file: File) => {
    const fd = new FormData();
    fd.append(`material.${index}`, file, file.name);
    return http.post<{ materials: MaterialRow[] }>(`/api/hall/applications/${id}/materials`, fd);
  },
  complaints: (f: { state?: string; page?: number }) => http.get<ComplaintPage>('/api/hall/complaints', f),
  stats: (f: { by: string; from?: string; to?: string }) => http.get<RatingStats>('/api/hall/ratings/stats', f),
  noVisit: (f: { from?: string; to?: string }) => http.get<NoVisit>('/api/hall/no-visit', f),
};

export const APPLICATION_STATES = [
  { value: 'submitted', label: '已提交待受理' },
  { value: 'correcting', label: '待补正' },
  { value: 'accepted', label: '已受理办理中' },
  { value: 'approved', label: '准予办理待送达' },
  { value: 'refused', label: '不予办理待送达' },
  { value: 'delivered', label: '已办结' },
  { value: 'not_accepted', label: '不予受理' },
];
