import type { RouteSpecs } from '../../../kernel/module/index.ts';

const rows = (b: any) => b.items.map((r: any) => ({ areaPath: r.areaPath, orgUnitId: r.orgUnitId }));

/** How the scope suite (tests/scope) treats the 复议诉讼 and 行政强制 GET routes. */
export const remedyScopedRoutes: RouteSpecs = {
  'GET /api/enforcement/remedies': {
    kind: 'list',
    permission: 'enforcement.read',
    variants: () => ['year=2019', `kind=${encodeURIComponent('行政诉讼')}`, `result=${encodeURIComponent('结果纠正')}`],
    items: rows,
  },
  'GET /api/enforcement/coercions': { kind: 'list', permission: 'enforcement.read', variants: () => ['year=2019'], items: rows },
};
