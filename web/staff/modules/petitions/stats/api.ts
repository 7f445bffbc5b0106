import { http } from '../../../shared/api.ts';

/** Mirrors src/modules/petitions/stats/petition-stats.ts (PetitionStats). */
export type Measures = {
  items: number; batches: number; persons: number; concluded: number; concludedOnTime: number; onTimeRate: number | null;
  rated: number; satisfied: number; satisfactionRate: number | null; repeat: number; skipLevel: number; concludedRate: number | null;
};
export type StatRow = Measures & { key: string; label: string };
export type Dimension = 'period' | 'channel' | 'source' | 'area' | 'category' | 'subject' | 'outcome' | 'state';
export type StatsUnit = 'month' | 'quarter' | 'year';
export type PetitionStats = {
  from: string; to: string; unit: StatsUnit;
  area: { code: string; name: string; level: number; parentCode: string | null } | null;
  years: Array<{ year: number; items: number }>;
  summary: Measures;
  dimensions: Record<Dimension, StatRow[]>;
  report: {
    areaCode: string; areaName: string; items: number; letterVisitBatches: number; letterVisitPersons: number;
    fromXfj: number; fromMca: number; from12345: number; concluded: number; allConcluded: boolean;
  };
};
export type StatsQuery = { from?: string; to?: string; unit: StatsUnit; area?: string };

export const fetchPetitionStats = (q: StatsQuery) => http.get<PetitionStats>('/api/petitions/stats', q);

/** Same-origin download link (the session cookie goes with it). */
export function statsXlsxUrl(q: StatsQuery): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) qs.set(k, String(v));
  return `/api/petitions/stats.xlsx?${qs.toString()}`;
}
