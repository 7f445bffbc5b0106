import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { RouteSpecs } from '../../kernel/module/index.ts';

/** Every organization with the area path of its registering authority (what scopes it). */
const organizations = async (ctx: AppContext) =>
  (await sql<{ id: string; path: string }>`select id, authority_area_path as path from orgs.organization`.execute(ctx.db)).rows.map((r) => ({
    id: r.id,
    areaPath: r.path,
  }));

/** Organizations linked to a 业务主管单位, scoped by that unit (its id and area path). */
const supervised = async (ctx: AppContext) =>
  (
    await sql<{ id: string; path: string | null; unit: string | null }>`select id, supervisor_area_path as path, supervisor_org_unit_id as unit
      from orgs.organization`.execute(ctx.db)
  ).rows.map((r) => ({ id: r.id, areaPath: r.path ?? '', orgUnitId: r.unit }));

const spotChecks = async (ctx: AppContext) =>
  (await sql<{ id: string; path: string }>`select id, authority_area_path as path from orgs.spot_check`.execute(ctx.db)).rows.map((r) => ({
    id: r.id,
    areaPath: r.path,
  }));

/** How the scope suite (tests/scope) treats the 社会组织 GET routes: an organization is scoped by its registering authority's area. */
export const orgsScopedRoutes: RouteSpecs = {
  'GET /api/orgs': {
    kind: 'list',
    permission: 'orgs.read',
    pageSize: 100,
    variants: (p) => [
      'kind=social_group',
      'status=normal',
      'list=abnormal',
      `area=${p.outOfScopeAreaCode}`,
      `authority=${p.outOfScopeOrgUnitId}`,
      'q=%E5%8D%8F%E4%BC%9A',
    ],
    items: (b) => b.items.map((o: any) => ({ areaPath: o.areaPath })),
  },
  'GET /api/orgs/figures': {
    kind: 'list',
    permission: 'orgs.read',
    single: true,
    variants: (p) => [`area=${p.outOfScopeAreaCode}`, 'asOf=2019-09-30'],
    items: (b) => b.registeredByArea.map((r: any) => ({ areaPath: r.areaPath })),
  },
  'GET /api/orgs/:id': { kind: 'detail', permission: 'orgs.read', records: organizations },
  'GET /api/orgs/supervised': {
    kind: 'list',
    permission: 'orgs.supervise',
    pageSize: 100,
    variants: () => ['q=%E5%8D%8F%E4%BC%9A'],
    items: (b) => b.items.map((o: any) => ({ areaPath: o.areaPath, orgUnitId: o.supervisorOrgUnitId })),
  },
  'GET /api/orgs/supervised/:id': { kind: 'detail', permission: 'orgs.supervise', records: supervised },
  'GET /api/orgs/:id/eligibility': { kind: 'detail', permission: 'orgs.read', records: organizations },
  'GET /api/orgs/:id/penalties': { kind: 'detail', permission: 'orgs.read', records: organizations },
  'GET /api/orgs/inspections/missing': {
    kind: 'list',
    permission: 'orgs.read',
    pageSize: 100,
    variants: () => ['years=2', 'year=2019'],
    items: (b) => b.items.map((o: any) => ({ areaPath: o.areaPath })),
  },
  'GET /api/public/orgs/credit': {
    kind: 'unscoped',
    why: '信用信息公示：registration facts, ratings and the credit lists in force are public (民政部令第60号); at most 10 matches, nothing personal',
  },
  'GET /api/orgs/spot-checks': {
    kind: 'list',
    permission: 'orgs.read',
    single: true,
    items: (b) => b.items.map((s: any) => ({ areaPath: s.areaPath })),
  },
  'GET /api/orgs/spot-checks/:id': { kind: 'detail', permission: 'orgs.read', records: spotChecks },
  'GET /api/orgs/spot-checks/:id/items': { kind: 'detail', permission: 'orgs.read', records: spotChecks },
  'GET /api/orgs/spot-checks/:id/population': { kind: 'detail', permission: 'orgs.read', records: spotChecks },
  'GET /api/orgs/spot-checks/:id/inspection-options': { kind: 'detail', permission: 'orgs.register', records: spotChecks },
  'GET /api/public/orgs/inspections': {
    kind: 'unscoped',
    why: '年检结果公告：the published conclusions (name, USCC, registrar, conclusion; no reasons) are public',
  },
  'GET /api/public/orgs/spot-checks': {
    kind: 'unscoped',
    why: '双随机一公开：the commitment, the drawn list, the revealed seed and the results are public (《社会组织抽查暂行办法》)',
  },
  'GET /api/orgs/spot-checks/pool-options': {
    kind: 'unscoped',
    why: 'the officers of one registering authority the actor may act for (resolveAuthority under orgs.register, 404 otherwise): names and 执法证号 only',
  },
  'GET /api/public/orgs/spot-checks/:id': { kind: 'unscoped', why: '双随机一公开：one published spot check (no findings text)' },
  'GET /api/public/orgs/spot-checks/:id/verify': { kind: 'unscoped', why: '双随机一公开：anyone re-runs a revealed draw' },
  'GET /api/public/orgs/spot-checks/:id/items': { kind: 'unscoped', why: '双随机一公开：the published drawn list, a page at a time (no findings text)' },
  'GET /api/public/orgs/spot-checks/:id/population': {
    kind: 'unscoped',
    why: '双随机一公开：the published frozen population (USCC and name), a page at a time; drawn or not only once drawn',
  },
  'GET /api/public/orgs/spot-checks/:id/population.txt': {
    kind: 'unscoped',
    why: '双随机一公开：the published population as the fingerprinted text (USCCs only), to re-run the draw offline',
  },
  'GET /api/orgs/credit-lists': {
    kind: 'list',
    permission: 'orgs.read',
    pageSize: 100,
    variants: () => ['list=serious', 'list=integrity_lapse', 'current=0'],
    items: (b) => b.items.map((l: any) => ({ areaPath: l.areaPath })),
  },
  'GET /api/orgs/credit-lists.xlsx': {
    kind: 'unscoped',
    why: 'the listings of GET /api/orgs/credit-lists under the same orgs.read scope filter, as xlsx (proved in orgs-credit.int.test.ts)',
  },
  'GET /api/orgs/import-template.xlsx': {
    kind: 'unscoped',
    why: 'the import columns and how to fill them, no records; 403 without orgs.register (import-registry.int.test.ts)',
  },
};
