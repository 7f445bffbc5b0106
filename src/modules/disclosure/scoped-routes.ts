import type { RouteSpecs } from '../../kernel/module/index.ts';

const annual = {
  kind: 'unscoped',
  why: "政务公开年度报告 aggregates over the caller's readable records (kernel caseReadable) inside an area its disclosure.read grant covers (else 403) — disclosure-report.int.test.ts",
} as const;

/** How the scope suite (tests/scope) treats the 政务公开 GET routes. */
export const disclosureScopedRoutes: RouteSpecs = {
  'GET /api/disclosure/requests': { kind: 'case-list', variants: ['year=2019', 'state=answered', `applicantKind=${encodeURIComponent('自然人')}`, 'q=XXGK'] },
  'GET /api/disclosure/items': {
    kind: 'case-list',
    variants: ['year=2019', 'category=11', 'state=published', 'state=drafted', `q=${encodeURIComponent('低保')}`],
  },
  'GET /api/disclosure/fee-items': {
    kind: 'list',
    permission: 'disclosure.read',
    variants: () => ['year=2019'],
    items: (b) => b.items.map((f: any) => ({ areaPath: f.areaPath, orgUnitId: f.orgUnitId })),
  },
  'GET /api/disclosure/annual': annual,
  'GET /api/disclosure/annual.docx': annual,
  'GET /api/disclosure/annual.xlsx': annual,
  'GET /api/public/disclosure/offices': { kind: 'unscoped', why: '公开指南：the names and codes of the offices that take requests (public reference data)' },
  'GET /api/public/disclosure/catalogue': {
    kind: 'unscoped',
    why: '政府信息公开目录：only published items and the record of withdrawn ones (第十二条), never drafts',
  },
};
