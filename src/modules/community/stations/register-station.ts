import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { COMMUNITY_ERRORS, STATION_TYPE } from '../contract.ts';
import { StationInput } from '../contracts/http.ts';
import { areaOf, countyOffice } from '../duties/area-of.ts';
import { coordinateProblem, countyShape } from '../geo/ningxia-geo.ts';

/** What a station's input is checked against beyond its schema: a Ningxia county or township, its 民政局, coordinates inside. */
export async function stationPlace(ctx: AppContext, input: StationInput) {
  const area = await areaOf(ctx, input.areaCode);
  const countyCode = input.areaCode.slice(0, 6);
  const office = await countyOffice(ctx, countyCode);
  if (!office) throw new AppError('COMMUNITY_AREA', 400, COMMUNITY_ERRORS.NO_COUNTY_OFFICE(area.name), { field: 'areaCode' });
  const problem = coordinateProblem(countyCode, input.lng, input.lat);
  if (problem === 'outside_ningxia') throw new AppError('COMMUNITY_COORDINATES', 400, COMMUNITY_ERRORS.OUTSIDE_NINGXIA, { field: 'lng' });
  if (problem === 'outside_county')
    throw new AppError('COMMUNITY_COORDINATES', 400, COMMUNITY_ERRORS.OUTSIDE_COUNTY(countyShape(countyCode)?.name ?? countyCode), { field: 'lng' });
  return { countyCode, office };
}

/** Inserts one checked station as a case held by its county's 民政局 (inside the caller's transaction). */
export async function insertStation(tx: AppContext, actor: Actor, input: StationInput, place: Awaited<ReturnType<typeof stationPlace>>, demo = false) {
  const row = await createCase(tx, actor, { type: STATION_TYPE, title: input.name, orgUnitId: place.office.id });
  await sql`insert into community.station (case_id, name, kind, county_code, area_code, township, community, address, lng, lat, area_m2, staff,
      hours, services, brand, established_on, is_demo, created_at)
    values (${row.id}, ${input.name}, ${input.kind}, ${place.countyCode}, ${input.areaCode}, ${input.township}, ${input.community}, ${input.address},
      ${input.lng}, ${input.lat}, ${input.areaM2}, ${input.staff}, ${input.hours}, ${input.services}::text[], ${input.brand || null},
      ${input.establishedOn}::date, ${demo}, ${tx.clock.now()})`.execute(tx.db);
  return { id: row.id, refNo: row.ref_no, state: row.state };
}

/** 登记服务站: checked, then registered at its county's 民政局 (who may: the kernel's create rule). */
export async function registerStation(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(StationInput, raw);
  const place = await stationPlace(ctx, input);
  outOfScope(actor, 'community.register', place.office);
  return withTx(ctx, (tx) => insertStation(tx, actor, input, place));
}

/** 403 unless the actor's grants for the permission cover the office (a case held there is registered in the actor's scope). */
export function outOfScope(actor: Actor, permission: string, office: { id: string; name: string; area_path: string }) {
  if (!recordInScope(actor, permission, { areaPath: office.area_path, orgUnitId: office.id }))
    throw new AppError('COMMUNITY_OUT_OF_SCOPE', 403, `${office.name}不在您的管辖范围内`, { field: 'areaCode' });
}
