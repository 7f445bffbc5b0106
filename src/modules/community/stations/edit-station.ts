import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { COMMUNITY_ERRORS } from '../contract.ts';
import type { StationEditInput } from '../contracts/http.ts';
import { coordinateProblem, countyShape } from '../geo/ningxia-geo.ts';

/**
 * 修改登记信息 of a station (the kernel's transition: who may and in whose scope — the station's
 * county — is the kernel's rule; the move and its input are on the case's timeline and audit chain).
 * Coordinates stay inside Ningxia and the station's county; services come as one line.
 */
export async function editStation(tx: AppContext, c: CaseRow, input: StationEditInput) {
  const now = (
    await sql<{
      county_code: string;
      lng: number;
      lat: number;
    }>`select county_code, lng, lat from community.station where case_id = ${c.id} for update`.execute(tx.db)
  ).rows[0]!;
  const lng = input.lng ?? Number(now.lng);
  const lat = input.lat ?? Number(now.lat);
  if (input.lng !== undefined || input.lat !== undefined) {
    const problem = coordinateProblem(now.county_code, lng, lat);
    if (problem === 'outside_ningxia') throw new AppError('COMMUNITY_COORDINATES', 400, COMMUNITY_ERRORS.OUTSIDE_NINGXIA, { field: 'lng' });
    if (problem === 'outside_county')
      throw new AppError('COMMUNITY_COORDINATES', 400, COMMUNITY_ERRORS.OUTSIDE_COUNTY(countyShape(now.county_code)?.name ?? now.county_code), {
        field: 'lng',
      });
  }
  const services = input.services
    ?.split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (services && (!services.length || services.length > 30 || services.some((s) => s.length > 30)))
    throw new AppError('VALIDATION_FAILED', 400, '服务项目应为 1–30 项，每项不超过 30 字', { field: 'services' });
  await sql`update community.station set address = coalesce(${input.address ?? null}, address), lng = ${lng}, lat = ${lat},
      hours = coalesce(${input.hours ?? null}, hours), services = coalesce(${services ?? null}::text[], services),
      brand = case when ${input.brand !== undefined} then nullif(${input.brand ?? ''}, '') else brand end,
      staff = coalesce(${input.staff ?? null}::int, staff)
    where case_id = ${c.id}`.execute(tx.db);
}
