import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { dibaoDb, type HouseholdKind } from '../db.ts';
import type { Band, StandardRule } from './compute-benefit.ts';

export type StandardInForce = StandardRule & { id: string; areaCode: string; effectiveFrom: string; document: string | null; isDemo: boolean };

/**
 * The 保障标准 in force for a household on a day: among the standards of the household's area
 * and its ancestors (county, city, region), the one of the nearest area, latest effective_from
 * on or before the day. Null when none is set.
 */
export async function findStandard(db: Kysely<DB>, areaPath: string, kind: HouseholdKind, onDate: string): Promise<StandardInForce | null> {
  const ancestors = areaPath.split('.');
  const rows = await dibaoDb(db)
    .selectFrom('dibao.standard')
    .selectAll()
    .where('area_code', 'in', ancestors)
    .where('kind', '=', kind)
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .execute();
  // Deepest area first (position in the path), then the latest effective date.
  const depth = (code: string) => ancestors.indexOf(code);
  const row = rows.sort((a, b) => depth(b.area_code) - depth(a.area_code))[0];
  if (!row) return null;
  const bands = (typeof row.bands === 'string' ? JSON.parse(row.bands) : row.bands) as Band[] | null;
  return {
    id: row.id,
    areaCode: row.area_code,
    effectiveFrom: String(row.effective_from).slice(0, 10),
    document: row.document,
    isDemo: row.is_demo,
    monthlyCents: row.monthly_cents,
    method: row.method,
    bands,
    minCents: row.min_cents,
  };
}
