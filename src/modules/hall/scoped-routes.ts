import type { RouteSpecs } from '../../kernel/module/index.ts';
import { APPLICATION_TYPE } from './contract.ts';

/** How the scope suite (tests/scope) treats the 政务服务大厅 GET routes. */
export const hallScopedRoutes: RouteSpecs = {
  'GET /api/hall/applications': {
    kind: 'case-list',
    variants: ['state=delivered', `channel=${encodeURIComponent('网上')}`, 'item=512011001001', 'q=ZWFW'],
  },
  'GET /api/hall/applications/:id/materials': {
    kind: 'case',
    path: (c) => (c.type === APPLICATION_TYPE ? `/api/hall/applications/${c.id}/materials` : null),
  },
  'GET /api/hall/complaints': { kind: 'case-list', variants: ['state=verifying'] },
  'GET /api/hall/ratings/stats': {
    kind: 'unscoped',
    why: '好差评 statistics: aggregates over ratings of applications the caller may read (kernel caseReadable) — proved in src/modules/hall/hall-ratings.int.test.ts',
  },
  'GET /api/hall/no-visit': {
    kind: 'unscoped',
    why: '不见面率：aggregates over finished applications the caller may read (kernel caseReadable) — proved in src/modules/hall/hall-ratings.int.test.ts',
  },
  'GET /api/hall/settings': { kind: 'unscoped', why: 'the region-wide 限期整改 period (one number, no records)' },
  'GET /api/public/hall/items': { kind: 'unscoped', why: 'public 办事指南：the service items, the same for everyone' },
  'GET /api/public/hall/items/:code': { kind: 'unscoped', why: 'public 办事指南 of one item (conditions, materials, form, time limit)' },
};
