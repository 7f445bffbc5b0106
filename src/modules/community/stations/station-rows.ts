import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { workflowOf } from '../../../kernel/workflow/index.ts';
import { STATION_KIND_LABEL, STATION_TYPE, type StationKind } from '../contract.ts';

export type StationRow = {
  id: string;
  ref_no: string;
  state: string;
  area_path: string;
  org_name: string;
  name: string;
  kind: StationKind;
  county_code: string;
  county_name: string;
  area_code: string;
  township: string;
  community: string;
  address: string;
  lng: number;
  lat: number;
  area_m2: number;
  staff: number;
  hours: string;
  services: string[];
  brand: string | null;
  established_on: string;
};

/** Stations with their case head, filtered by `where` (SQL on c, s), paged. */
export async function stationRows(ctx: AppContext, where: RawBuilder<unknown>, page = { limit: 100_000, offset: 0 }): Promise<StationRow[]> {
  return (
    await sql<StationRow>`select c.id, c.ref_no, c.state, c.area_path, o.name as org_name, s.name, s.kind, s.county_code, a.name as county_name,
      s.area_code, s.township, s.community, s.address, s.lng::float8 as lng, s.lat::float8 as lat, s.area_m2, s.staff, s.hours, s.services, s.brand,
      s.established_on::text as established_on
      from community.station s join core.case c on c.id = s.case_id join core.org_unit o on o.id = c.org_unit_id
      join core.area a on a.code = s.county_code
      where c.type = ${STATION_TYPE} and ${where} order by s.county_code, s.kind, s.name, c.id limit ${page.limit} offset ${page.offset}`.execute(ctx.db)
  ).rows;
}

export const stationDto = (r: StationRow) => ({
  id: r.id,
  refNo: r.ref_no,
  state: r.state,
  stateLabel: workflowOf(STATION_TYPE).states[r.state]?.label ?? r.state,
  name: r.name,
  kind: r.kind,
  kindLabel: STATION_KIND_LABEL[r.kind],
  countyCode: r.county_code,
  countyName: r.county_name,
  areaCode: r.area_code,
  areaPath: r.area_path,
  township: r.township,
  community: r.community,
  address: r.address,
  lng: r.lng,
  lat: r.lat,
  areaM2: r.area_m2,
  staff: r.staff,
  hours: r.hours,
  services: r.services,
  brand: r.brand,
  establishedOn: r.established_on,
});
