import type { StationInput } from '../contracts/http.ts';
import { COUNTY_SHAPES, inCounty, type CountyShape } from '../geo/ningxia-geo.ts';
import { BRANDS, COMMUNITY_NAMES, HOURS, RURAL_SERVICES, STATION_SPREAD, TOWNSHIPS, URBAN_SERVICES, VILLAGE_NAMES } from './demo-places.ts';
import { mulberry32 } from '../../../kernel/sampling/index.ts';

/** A point inside the county: near its seat for urban stations, anywhere for rural ones. */
function pointIn(shape: CountyShape, rnd: () => number, urban: boolean): [number, number] {
  const xs = shape.polygons.flatMap((p) => p[0]!.map((c) => c[0]!));
  const ys = shape.polygons.flatMap((p) => p[0]!.map((c) => c[1]!));
  for (let i = 0; i < 10_000; i++) {
    const [lng, lat] = urban
      ? [shape.center[0] + (rnd() - 0.5) * 0.08, shape.center[1] + (rnd() - 0.5) * 0.06]
      : [Math.min(...xs) + rnd() * (Math.max(...xs) - Math.min(...xs)), Math.min(...ys) + rnd() * (Math.max(...ys) - Math.min(...ys))];
    if (inCounty(shape, lng, lat)) return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  }
  return shape.center;
}

/**
 * The 529 demo stations. `townships` are the kernel's township areas of a county (code, name,
 * streets ending 街道) when it has them; otherwise TOWNSHIPS gives names and the county code is used.
 */
export function demoStations(townshipAreas: Map<string, Array<{ code: string; name: string }>>): StationInput[] {
  const rnd = mulberry32(20191231);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: StationInput[] = [];
  for (const shape of COUNTY_SHAPES) {
    const spread = STATION_SPREAD[shape.code];
    if (!spread) continue;
    const known = townshipAreas.get(shape.code) ?? [];
    const named = TOWNSHIPS[shape.code] ?? { streets: [], towns: [] };
    const streets = known.length ? known.filter((t) => t.name.endsWith('街道')) : named.streets.map((n) => ({ code: shape.code, name: n }));
    const towns = known.length ? known.filter((t) => !t.name.endsWith('街道')) : named.towns.map((n) => ({ code: shape.code, name: n }));
    for (const kind of ['urban', 'rural'] as const) {
      const places = kind === 'urban' ? (streets.length ? streets : towns) : towns;
      const names = kind === 'urban' ? COMMUNITY_NAMES : VILLAGE_NAMES;
      for (let i = 0; i < spread[kind]; i++) {
        const t = places[i % places.length]!;
        const base = names[Math.floor(i / places.length) % names.length]!;
        const community = kind === 'urban' ? `${base}社区` : `${base}村`;
        const [lng, lat] = pointIn(shape, rnd, kind === 'urban');
        const year = 2012 + Math.floor(rnd() * 8);
        const services = (kind === 'urban' ? URBAN_SERVICES : RURAL_SERVICES).filter(() => rnd() < 0.6);
        out.push({
          name: `${t.name}${community}综合服务站`,
          kind,
          areaCode: t.code,
          township: t.name,
          community,
          address: `${shape.name}${t.name}${community}${kind === 'urban' ? `${pick(['民族', '文化', '解放', '长城', '北京', '黄河'])}路${1 + Math.floor(rnd() * 300)}号` : '村部'}`,
          lng,
          lat,
          areaM2: kind === 'urban' ? 300 + Math.floor(rnd() * 900) : 150 + Math.floor(rnd() * 450),
          staff: kind === 'urban' ? 6 + Math.floor(rnd() * 10) : 3 + Math.floor(rnd() * 6),
          hours: pick(HOURS),
          services: services.length ? services : ['社会救助受理', '便民代办'],
          brand: rnd() < (kind === 'urban' ? 0.7 : 0.15) ? pick(BRANDS) : null,
          establishedOn: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
        });
      }
    }
  }
  return out;
}
