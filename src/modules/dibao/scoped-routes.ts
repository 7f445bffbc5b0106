import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { RouteSpecs } from '../../kernel/module/index.ts';

/** Every row of a 低保 table with the area path that scopes it (detail routes' records). */
const recordsOf =
  (table: string, pathColumn: string, withReport = false) =>
  async (ctx: AppContext) =>
    (
      await sql<{
        id: string;
        path: string;
      }>`select id, ${sql.ref(pathColumn)} as path from ${sql.table(table)}${withReport ? sql` where report_enc is not null` : sql``}`.execute(ctx.db)
    ).rows.map((r) => ({ id: r.id, areaPath: r.path }));

/** How the scope suite (tests/scope) treats the 低保 GET routes: households scoped by their area; applications are cases; spot checks by their county. */
export const dibaoScopedRoutes: RouteSpecs = {
  'GET /api/dibao/applications': {
    kind: 'case-list',
    variants: ['authority=township', 'authority=county', 'state=confirmed', `decision=${encodeURIComponent('确认')}`, 'q=DB'],
  },
  'GET /api/dibao/applications/:id': { kind: 'case', path: (c) => (c.type === 'dibao' ? `/api/dibao/applications/${c.id}` : null) },
  'GET /api/dibao/applications/:id/identities': {
    kind: 'case',
    path: (c) => (c.type === 'dibao' ? `/api/dibao/applications/${c.id}/identities` : null),
  },
  'GET /api/dibao/households': {
    kind: 'list',
    permission: 'dibao.read',
    pageSize: 100,
    variants: (p) => ['status=active', 'kind=rural', `area=${p.outOfScopeAreaCode}`, 'q=%E9%A9%AC'],
    items: (b) => b.items.map((h: any) => ({ areaPath: h.areaPath })),
  },
  'GET /api/dibao/households/:id': {
    kind: 'detail',
    permission: 'dibao.read',
    // By area, or for a 本级 township clerk through the township office its applications are at.
    records: async (ctx) =>
      (
        await sql<{ id: string; path: string; org: string | null }>`select h.id, h.area_path as path,
          (select a.township_org_id from dibao.application a where a.household_id = h.id limit 1) as org from dibao.household h`.execute(ctx.db)
      ).rows.map((r) => (r.org ? { id: r.id, areaPath: r.path, orgUnitId: r.org } : { id: r.id, areaPath: r.path })),
  },
  'GET /api/dibao/rechecks': { kind: 'case-list', variants: ['status=open', 'status=overdue', 'status=deciding', 'status=done', 'q=DBFH'] },
  'GET /api/dibao/delegations': {
    kind: 'unscoped',
    why: '审批权下放 configuration per county: public policy facts (which level confirms, from when, under which document), the same for everyone',
  },
  'GET /api/dibao/spot-checks': { kind: 'list', permission: 'dibao.read', single: true, items: (b) => b.items.map((s: any) => ({ areaPath: s.areaPath })) },
  'GET /api/dibao/spot-checks/:id': {
    kind: 'detail',
    permission: 'dibao.read',
    records: recordsOf('dibao.spot_check', 'county_path'),
  },
  'GET /api/dibao/publications': {
    kind: 'list',
    permission: 'dibao.read',
    pageSize: 100,
    variants: (p) => [`area=${p.outOfScopeAreaCode}`],
    items: (b) => b.items.map((x: any) => ({ areaPath: x.areaPath })),
  },
  'GET /api/dibao/relative-filings': {
    kind: 'list',
    permission: 'dibao.read',
    pageSize: 100,
    variants: () => ['visited=yes', 'visited=no'],
    items: (b) => b.items.map((x: any) => ({ areaPath: x.areaPath })),
  },
  'GET /api/public/dibao/published': {
    kind: 'unscoped',
    why: '公布 list of a village/community as posted there （暂行办法第十一条（三））: masked names, household size, amount — public by law',
  },
  'GET /api/public/dibao/standard': { kind: 'unscoped', why: 'public 低保 standard of an area and the materials checklist, the same for everyone' },
  'GET /api/public/dibao/townships': { kind: 'unscoped', why: 'public list of townships/villages that accept online 低保 applications (reference data)' },
  // 低保 money side (src/modules/dibao/routes-money.ts)
  'GET /api/dibao/standards': { kind: 'unscoped', why: 'published 保障标准 per area (policy facts, the same for everyone)' },
  'GET /api/dibao/settings': { kind: 'unscoped', why: 'region-wide 低保 tunables with their defaults and legal bases (no records of any area)' },
  'GET /api/dibao/rosters': {
    kind: 'list',
    permission: 'dibao.read',
    pageSize: 200,
    variants: (p) => ['month=2019-06', `countyCode=${p.outOfScopeAreaCode}`],
    items: (b) => b.items.map((r: any) => ({ areaPath: r.areaPath })),
  },
  'GET /api/dibao/roster-counties': {
    kind: 'list',
    permission: 'dibao.roster',
    single: true,
    items: (b) => b.items.map((c: any) => ({ areaPath: c.areaPath })),
  },
  'GET /api/dibao/rosters/:id': { kind: 'detail', permission: 'dibao.read', records: recordsOf('dibao.roster', 'county_path') },
  'GET /api/dibao/rosters/:id.xlsx': { kind: 'detail', permission: 'dibao.read', records: recordsOf('dibao.roster', 'county_path') },
  'GET /api/dibao/imports/template.xlsx': { kind: 'unscoped', why: 'the blank import template (column headers and notes)' },
  'GET /api/dibao/imports': { kind: 'list', permission: 'dibao.read', pageSize: 100, items: (b) => b.items.map((x: any) => ({ areaPath: x.areaPath })) },
  'GET /api/dibao/imports/:id': { kind: 'detail', permission: 'dibao.read', records: recordsOf('dibao.import_batch', 'area_path') },
  'GET /api/dibao/imports/:id/errors.xlsx': { kind: 'detail', permission: 'dibao.import', records: recordsOf('dibao.import_batch', 'area_path', true) },
  'GET /api/dibao/stats': {
    kind: 'unscoped',
    why: "aggregates only over the caller's dibao.read scope; an area outside it answers 404 (proved in src/modules/dibao/stats/stats.int.test.ts)",
  },
  'GET /api/dibao/stats.xlsx': { kind: 'unscoped', why: 'the same aggregates as GET /api/dibao/stats, as xlsx' },
};
