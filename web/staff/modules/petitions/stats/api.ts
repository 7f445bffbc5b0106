import { http } from '../../../shared/api.ts';
import type { PetitionStats, StatsUnit } from '../../../../../src/modules/petitions/contracts/stats.ts';

export type { Dimension, Measures, PetitionStats, StatRow, StatsUnit } from '../../../../../src/modules/petitions/contracts/stats.ts';
export type StatsQuery = { from?: string; to?: string; unit: StatsUnit; area?: string; category?: string };

export const fetchPetitionStats = (q: StatsQuery) => http.get<PetitionStats>('/api/petitions/stats', q);

/** Same-origin download link (the session cookie goes with it). */
export function statsXlsxUrl(q: StatsQuery): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) qs.set(k, String(v));
  return `/api/petitions/stats.xlsx?${qs.toString()}`;
}
