import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { stationDto, stationRows } from './station-rows.ts';

/**
 * The stations open to the public (运行中), for the portal's map and list: place, hours, services
 * and brand only — no staff counts, no registry numbers.
 */
export async function publicStations(ctx: AppContext) {
  const items = (await stationRows(ctx, sql`c.state = 'in_service'`)).map((r) => {
    const d = stationDto(r);
    return {
      id: d.id,
      name: d.name,
      kind: d.kind,
      kindLabel: d.kindLabel,
      countyCode: d.countyCode,
      countyName: d.countyName,
      township: d.township,
      community: d.community,
      address: d.address,
      lng: d.lng,
      lat: d.lat,
      hours: d.hours,
      services: d.services,
      brand: d.brand,
    };
  });
  const urban = items.filter((i) => i.kind === 'urban').length;
  return { items, totals: { urban, rural: items.length - urban, total: items.length } };
}
