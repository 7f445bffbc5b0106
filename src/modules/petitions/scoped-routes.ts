import type { RouteSpecs } from '../../kernel/module/index.ts';

/** How the scope suite (tests/scope) treats the 信访 GET routes. */
export const petitionScopedRoutes: RouteSpecs = {
  'GET /api/petitions': {
    kind: 'case-list',
    variants: [
      'flag=repeat',
      'flag=skip_level',
      'flag=urgent',
      'q=XF',
      'state=registered',
      `subject=${encodeURIComponent('低保')}`,
      `channel=${encodeURIComponent('网上信访')}`,
    ],
  },
  'GET /api/petitions/settings': {
    kind: 'unscoped',
    why: '信访 module settings (tunables and unverified rules): configuration, the same for every reader with petition.read',
  },
  'GET /api/petitions/stats': {
    kind: 'unscoped',
    why: "信访 statistics: aggregates over the caller's readable petitions only (kernel caseReadable); a county never counts another county — proved in src/modules/petitions/stats/petition-stats.int.test.ts",
  },
  'GET /api/petitions/stats.xlsx': {
    kind: 'unscoped',
    why: 'the same statistics as xlsx, same scope rule (petition-stats.int.test.ts checks an export per scope)',
  },
  'GET /api/petitions/reception-log': {
    kind: 'list',
    permission: 'petition.read',
    pageSize: 200,
    variants: () => ['from=2019-01-01', 'to=2030-12-31'],
    items: (b) => b.items.map((r: any) => ({ areaPath: r.areaPath })),
  },
  'GET /api/petitions/:id': { kind: 'case', path: (c) => (c.type === 'petition' ? `/api/petitions/${c.id}` : null) },
};
