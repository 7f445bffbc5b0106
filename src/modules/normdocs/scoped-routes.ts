import type { RouteSpecs } from '../../kernel/module/index.ts';

/** How the scope suite (tests/scope) treats the 规范性文件 GET routes. */
export const normdocScopedRoutes: RouteSpecs = {
  'GET /api/normdocs': { kind: 'case-list', variants: ['state=drafting', 'year=2019', `q=${encodeURIComponent('宁民规发')}`] },
  'GET /api/public/normdocs': {
    kind: 'unscoped',
    why: 'public 现行有效文件: only numbered, published documents in force on the date (normdocs-flow.int.test.ts)',
  },
  'GET /api/public/normdocs/consultations': {
    kind: 'unscoped',
    why: 'public 征求意见: only documents in a public consultation running today (normdocs-portal.int.test.ts)',
  },
  'GET /api/normdocs/:id': { kind: 'case', path: (c) => (c.type === 'normdoc' ? `/api/normdocs/${c.id}` : null) },
  'GET /api/normdocs/:id/heads': { kind: 'case', path: (c) => (c.type === 'normdoc' ? `/api/normdocs/${c.id}/heads` : null) },
};
