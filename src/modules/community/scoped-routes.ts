import type { RouteSpecs } from '../../kernel/module/index.ts';
import { DUTY_TYPE, STATION_TYPE } from './contract.ts';

/** How the scope suite (tests/scope) treats the 城乡社区 GET routes: stations and duties are cases. */
export const communityScopedRoutes: RouteSpecs = {
  'GET /api/community/stations': {
    kind: 'case-list',
    permission: 'community.read',
    variants: ['kind=rural', 'county=640104', `q=${encodeURIComponent('社区')}`],
  },
  'GET /api/community/stations/stats': {
    kind: 'list',
    permission: 'community.read',
    single: true,
    items: (b, lookup) => b.byCounty.map((r: { code: string }) => ({ areaPath: lookup.areaPathOfCode.get(r.code) ?? null })),
  },
  'GET /api/community/stations/:id': { kind: 'case', path: (c) => (c.type === STATION_TYPE ? `/api/community/stations/${c.id}` : null) },
  'GET /api/community/duties': {
    kind: 'unscoped',
    why: '社区工作事项清单 in force in an area: a published list (依法准入、清单向社会公开), the same for everyone who may read the module',
  },
  'GET /api/community/duties/requests': { kind: 'case-list', permission: 'community.read', variants: ['state=requested', 'state=listed'] },
  'GET /api/community/duties/:id': { kind: 'case', path: (c) => (c.type === DUTY_TYPE ? `/api/community/duties/${c.id}` : null) },
  'GET /api/public/community/stations': { kind: 'unscoped', why: 'public 服务站 map: places, hours, services and brands of the stations in service' },
  'GET /api/public/community/counties.geojson': { kind: 'unscoped', why: 'the bundled county outlines (map background)' },
};
