import type { RouteSpecs } from '../../kernel/module/index.ts';

/** How the scope suite (tests/scope) treats the 建议提案 GET routes. */
export const proposalScopedRoutes: RouteSpecs = {
  'GET /api/proposals': {
    kind: 'case-list',
    variants: [
      `kind=${encodeURIComponent('政协提案')}`,
      `role=${encodeURIComponent('协办')}`,
      'category=A',
      'state=handling',
      'year=2019',
      `session=${encodeURIComponent('自治区政协十一届二次会议')}`,
      'q=JYTA',
    ],
  },
  'GET /api/proposals/stats': {
    kind: 'unscoped',
    why: "建议提案 statistics: aggregates over the caller's readable items only (kernel caseReadable) — proved in src/modules/proposals/proposal-stats.int.test.ts",
  },
  'GET /api/public/proposals/replies': {
    kind: 'unscoped',
    why: 'public 答复公开：only signed replies the deputy or member agreed to disclose, without names (proposals-flow.int.test.ts)',
  },
  'GET /api/proposals/:id': { kind: 'case', path: (c) => (c.type === 'proposal' ? `/api/proposals/${c.id}` : null) },
};
