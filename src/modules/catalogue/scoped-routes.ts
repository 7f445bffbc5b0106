import type { RouteSpecs } from '../../kernel/module/index.ts';
import type { AppContext } from '../../platform/context.ts';

const inArea = (r: { areaPath: string; orgUnitId?: string }) => ({ areaPath: r.areaPath, orgUnitId: r.orgUnitId ?? null });

async function officeRecords(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('catalogue.office' as any)
    .select(['id', 'area_path', 'org_unit_id'] as any)
    .execute();
  return (rows as any[]).map((r) => ({ id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id }));
}

/** How the scope suite (tests/scope) treats the 政务服务事项 GET routes. */
export const catalogueScopedRoutes: RouteSpecs = {
  'GET /api/catalogue/versions': {
    kind: 'unscoped',
    why: '基本目录 is the region’s reference data, identical for every level (四级四同); needs catalogue.read',
  },
  'GET /api/catalogue/versions/:id': { kind: 'unscoped', why: 'one 基本目录 version: region-wide reference data; needs catalogue.read' },
  'GET /api/catalogue/catalogue-template.xlsx': {
    kind: 'unscoped',
    why: 'the region’s 基本目录 as an import template: 403 unless catalogue.draft is held at the region (catalogue-import.int.test.ts)',
  },
  'GET /api/catalogue/catalogue-imports/:id/errors.xlsx': {
    kind: 'unscoped',
    why: 'error workbook of a 基本目录 import: 403 unless catalogue.draft is held at the region (catalogue-import.int.test.ts)',
  },
  'GET /api/catalogue/offices': { kind: 'list', permission: 'catalogue.read', single: true, items: (b: any[]) => b.map(inArea) },
  'GET /api/catalogue/offices/:id/list': {
    kind: 'detail',
    permission: 'catalogue.read',
    records: officeRecords,
  },
  'GET /api/catalogue/offices/:id/list-template.xlsx': {
    kind: 'detail',
    permission: 'catalogue.read',
    records: officeRecords,
  },
  'GET /api/catalogue/list-imports/:id/errors.xlsx': {
    kind: 'detail',
    permission: 'catalogue.list',
    async records(ctx) {
      const rows = await ctx.db
        .selectFrom('catalogue.list_import' as any)
        .select(['id', 'area_path', 'org_unit_id'] as any)
        .where('report' as any, 'is not', null)
        .execute();
      return (rows as any[]).map((r) => ({ id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id }));
    },
  },
  'GET /api/catalogue/diff': {
    kind: 'unscoped',
    why: 'diff of one area: 403 outside the caller’s catalogue.read grants (catalogue.int.test.ts checks a county asking for another county and the region)',
  },
  'GET /api/catalogue/diff.xlsx': { kind: 'unscoped', why: 'the same diff as a workbook, same area check as GET /api/catalogue/diff' },
  'GET /api/catalogue/powers': { kind: 'list', permission: 'catalogue.read', single: true, items: (b: any) => b.items.map(inArea) },
  'GET /api/catalogue/supervision': { kind: 'list', permission: 'catalogue.read', single: true, items: (b: any[]) => b.map(inArea) },
  'GET /api/catalogue/inspection-records': { kind: 'list', permission: 'catalogue.read', single: true, items: (b: any[]) => b.map(inArea) },
};
