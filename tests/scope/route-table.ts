import type { AppContext } from '../../src/platform/context.ts';
import { sampleDocuments } from '../../src/kernel/documents/test-documents.ts';

/**
 * How the scope test treats every GET route under /api. A route missing here fails the test,
 * so a new endpoint cannot ship without saying how its records are scoped.
 */
export type ScopedRecord = { areaPath: string | null; orgUnitId?: string | null; ownerId?: string | null };
export type DetailRecord = ScopedRecord & { id: string };
export type Lookup = { areaPathOfCode: Map<string, string> };

export type RouteSpec =
  /** Not scoped data: the caller's own record, reference lists, health. `why` says so. */
  | { kind: 'unscoped'; why: string }
  /** A list: every item returned must lie inside the account's grants for `permission`. */
  | {
      kind: 'list';
      permission: string;
      pageSize?: number;
      /** Extra query strings tried (searches and filters), besides the bare list. */
      variants?: (probe: { outOfScopeOrgUnitId: string; outOfScopeAreaCode: string }) => string[];
      items(body: any, lookup: Lookup): ScopedRecord[];
      /** True when the body lists everything (a tree): no paging. */
      single?: boolean;
    }
  /** A detail route by id: out-of-scope ids must answer 404, in-scope ones 200. */
  | { kind: 'detail'; permission: string; records(ctx: AppContext): Promise<DetailRecord[]> }
  /**
   * Case routes: readable = the case type's read permission in scope, or a case the account's
   * org handed on (转办/交办, read-only). `path` builds the URL for one case; null skips it.
   */
  | { kind: 'case'; path(c: { id: string; type: string; clockName: string | null; attachmentId: string | null }): string | null }
  /** A list of cases: every item must be a readable case. */
  | { kind: 'case-list'; variants: string[] };

const flattenTree = (nodes: any[]): any[] => nodes.flatMap((n) => [n, ...flattenTree(n.children ?? [])]);

const users = async (ctx: AppContext) =>
  (await ctx.db.selectFrom('core.app_user').select(['id', 'area_path', 'org_unit_id']).execute()).map((r) => ({
    id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id, ownerId: r.id,
  }));

export const ROUTES: Record<string, RouteSpec> = {
  'GET /api/health': { kind: 'unscoped', why: 'liveness probe, no records' },
  'GET /api/me': { kind: 'unscoped', why: "the caller's own account" },
  'GET /api/roles': { kind: 'unscoped', why: 'role catalogue is reference data, not held by any area' },
  'GET /api/users': {
    kind: 'list',
    permission: 'user.read',
    pageSize: 100,
    variants: (p) => ['q=mzj', 'q=%E9%A9%AC', `orgUnitId=${p.outOfScopeOrgUnitId}`, 'status=active'],
    items: (b) => b.items.map((u: any) => ({ areaPath: u.areaPath, orgUnitId: u.orgUnit.id, ownerId: u.id })),
  },
  'GET /api/users/:id': { kind: 'detail', permission: 'user.read', records: users },
  'GET /api/users/:id/roles': { kind: 'detail', permission: 'user.read', records: users },
  'GET /api/login-log': {
    kind: 'list',
    permission: 'loginlog.read',
    pageSize: 200,
    variants: () => ['outcome=success', 'username=admin', 'username=pl-mzj'],
    items: (b) => b.items.map((l: any) => ({ areaPath: l.areaPath, orgUnitId: l.orgUnitId, ownerId: l.userId })),
  },
  'GET /api/audit/events': {
    kind: 'list',
    permission: 'audit.read',
    pageSize: 100,
    variants: () => ['action=auth.login', 'entityType=user'],
    items: (b) => b.items.map((e: any) => ({ areaPath: e.areaPath, orgUnitId: e.orgUnitId, ownerId: e.actorId })),
  },
  'GET /api/audit/events/:id': {
    kind: 'detail',
    permission: 'audit.read',
    records: async (ctx) =>
      (await ctx.db.selectFrom('core.audit_event').select(['id', 'area_path', 'org_unit_id', 'actor_id']).execute()).map((r) => ({
        id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id, ownerId: r.actor_id,
      })),
  },
  'GET /api/notifications': { kind: 'unscoped', why: "the caller's own inbox: addressed to them or to an org unit they hold a role at (isolation proved in src/kernel/notify/routes.int.test.ts)" },
  'GET /api/notifications/unread-count': { kind: 'unscoped', why: "count of the caller's own unread inbox" },
  'GET /api/case-types': { kind: 'unscoped', why: 'catalogue of registered workflows (reference data), filtered by the permissions the caller holds' },
  'GET /api/worklist': { kind: 'case-list', variants: ['tab=todo', 'tab=to_acknowledge', 'tab=done', 'tab=due_soon', 'tab=overdue', 'tab=supervising', 'tab=todo&q=TS'] },
  'GET /api/cases/:id': { kind: 'case', path: (c) => `/api/cases/${c.id}` },
  'GET /api/petitions': { kind: 'case-list', variants: ['flag=repeat', 'flag=skip_level', 'q=XF', 'state=registered', `subject=${encodeURIComponent('低保')}`, `channel=${encodeURIComponent('网上信访')}`] },
  'GET /api/petitions/settings': { kind: 'unscoped', why: '信访 module settings (tunables and unverified rules): configuration, the same for every reader with petition.read' },
  'GET /api/petitions/stats': { kind: 'unscoped', why: '信访 statistics: aggregates over the caller\'s readable petitions only (kernel caseReadable); a county never counts another county — proved in src/modules/petitions/stats/petition-stats.int.test.ts' },
  'GET /api/petitions/stats.xlsx': { kind: 'unscoped', why: 'the same statistics as xlsx, same scope rule (petition-stats.int.test.ts checks an export per scope)' },
  'GET /api/petitions/:id': { kind: 'case', path: (c) => (c.type === 'petition' ? `/api/petitions/${c.id}` : null) },
  'GET /api/cases/:id/clocks/:name/explain': { kind: 'case', path: (c) => (c.clockName ? `/api/cases/${c.id}/clocks/${encodeURIComponent(c.clockName)}/explain` : null) },
  'GET /api/cases/:id/attachments/:aid': { kind: 'case', path: (c) => (c.attachmentId ? `/api/cases/${c.id}/attachments/${c.attachmentId}` : null) },
  'GET /api/cases/:id/documents': { kind: 'case', path: (c) => `/api/cases/${c.id}/documents` },
  'GET /api/documents/:id.pdf': { kind: 'detail', permission: 'area.read', records: sampleDocuments },
  'GET /api/documents/:id.docx': { kind: 'detail', permission: 'area.read', records: sampleDocuments },
  'GET /api/public/documents/verify': { kind: 'unscoped', why: 'public check of a paper document by number + verification code: answers only its number, title, issuing body, date and file hash, nothing personal (src/modules/petitions/documents/petition-documents.int.test.ts)' },
  'GET /api/public/pow': { kind: 'unscoped', why: 'public portal proof-of-work challenge: a signed random token, reads no records' },
  'GET /api/public/areas': { kind: 'unscoped', why: 'public reference list of 自治区/市/县 areas for the portal form, the same for everyone' },
  'GET /api/calendar/year': { kind: 'unscoped', why: 'working-day calendar is reference data (holidays of every layer), the same for every reader' },
  'GET /api/calendar/compute': { kind: 'unscoped', why: 'computes a date from the reference calendar; reads no records' },
  'GET /api/calendar/versions': { kind: 'unscoped', why: 'calendar change history, reference data; calendar.manage only' },
  'GET /api/areas/tree': {
    kind: 'list',
    permission: 'area.read',
    single: true,
    items: (b) => flattenTree(b.roots).map((a) => ({ areaPath: a.path })),
  },
  'GET /api/areas/:code': {
    kind: 'detail',
    permission: 'area.read',
    records: async (ctx) => (await ctx.db.selectFrom('core.area').select(['code', 'path']).execute()).map((r) => ({ id: r.code, areaPath: r.path })),
  },
  'GET /api/org-units': {
    kind: 'list',
    permission: 'org.read',
    pageSize: 200,
    variants: (p) => [`areaCode=${p.outOfScopeAreaCode}`, 'kind=bureau', 'q=%E6%B0%91%E6%94%BF'],
    items: (b, l) => b.items.map((o: any) => ({ areaPath: l.areaPathOfCode.get(o.areaCode) ?? null, orgUnitId: o.id })),
  },
  'GET /api/org-units/:id': {
    kind: 'detail',
    permission: 'org.read',
    records: async (ctx) =>
      (await ctx.db.selectFrom('core.org_unit').select(['id', 'area_path']).execute()).map((r) => ({ id: r.id, areaPath: r.area_path, orgUnitId: r.id })),
  },
  // 低保 (issue 5): households scoped by their area; applications are cases; spot checks by their county.
  'GET /api/dibao/applications': { kind: 'case-list', variants: ['authority=township', 'authority=county', 'state=confirmed', `decision=${encodeURIComponent('确认')}`, 'q=DB'] },
  'GET /api/dibao/applications/:id': { kind: 'case', path: (c) => (c.type === 'dibao' ? `/api/dibao/applications/${c.id}` : null) },
  'GET /api/dibao/households': {
    kind: 'list', permission: 'dibao.read', pageSize: 100,
    variants: (p) => ['status=active', 'kind=rural', `area=${p.outOfScopeAreaCode}`, 'q=%E9%A9%AC'],
    items: (b) => b.items.map((h: any) => ({ areaPath: h.areaPath })),
  },
  'GET /api/dibao/households/:id': {
    kind: 'detail', permission: 'dibao.read',
    records: async (ctx) => ((await (ctx.db as any).selectFrom('dibao.household').select(['id', 'area_path']).execute()) as any[]).map((r) => ({ id: r.id, areaPath: r.area_path })),
  },
  'GET /api/dibao/rechecks': { kind: 'case-list', variants: ['status=open', 'status=overdue', 'status=done', 'q=DBFH'] },
  'GET /api/dibao/delegations': { kind: 'unscoped', why: '审批权下放 configuration per county: public policy facts (which level confirms, from when, under which document), the same for everyone' },
  'GET /api/dibao/spot-checks': { kind: 'list', permission: 'dibao.read', single: true, items: (b) => b.items.map((s: any) => ({ areaPath: s.areaPath })) },
  'GET /api/dibao/spot-checks/:id': {
    kind: 'detail', permission: 'dibao.read',
    records: async (ctx) => ((await (ctx.db as any).selectFrom('dibao.spot_check').select(['id', 'county_path']).execute()) as any[]).map((r) => ({ id: r.id, areaPath: r.county_path })),
  },
  'GET /api/public/dibao/standard': { kind: 'unscoped', why: 'public 低保 standard of an area and the materials checklist, the same for everyone' },
  'GET /api/public/dibao/townships': { kind: 'unscoped', why: 'public list of townships/villages that accept online 低保 applications (reference data)' },
  // 低保 money side (src/modules/dibao/routes-money.ts)
  'GET /api/dibao/standards': { kind: 'unscoped', why: 'published 保障标准 per area (policy facts, the same for everyone)' },
  'GET /api/dibao/settings': { kind: 'unscoped', why: 'region-wide 低保 tunables with their defaults (no records of any area)' },
  'GET /api/dibao/rosters': { kind: 'list', permission: 'dibao.read', pageSize: 200, variants: (p) => ['month=2019-06', `countyCode=${p.outOfScopeAreaCode}`], items: (b) => b.items.map((r: any) => ({ areaPath: r.areaPath })) },
  'GET /api/dibao/roster-counties': { kind: 'list', permission: 'dibao.roster', single: true, items: (b) => b.items.map((c: any) => ({ areaPath: c.areaPath })) },
  'GET /api/dibao/rosters/:id': { kind: 'detail', permission: 'dibao.read', records: async (ctx) => ((await (ctx.db as any).selectFrom('dibao.roster').select(['id', 'county_path']).execute()) as any[]).map((r) => ({ id: r.id, areaPath: r.county_path })) },
  'GET /api/dibao/rosters/:id.xlsx': { kind: 'detail', permission: 'dibao.read', records: async (ctx) => ((await (ctx.db as any).selectFrom('dibao.roster').select(['id', 'county_path']).execute()) as any[]).map((r) => ({ id: r.id, areaPath: r.county_path })) },
  'GET /api/dibao/imports/template.xlsx': { kind: 'unscoped', why: 'the blank import template (column headers and notes)' },
  'GET /api/dibao/imports': { kind: 'list', permission: 'dibao.read', pageSize: 100, items: (b) => b.items.map((x: any) => ({ areaPath: x.areaPath })) },
  'GET /api/dibao/imports/:id': { kind: 'detail', permission: 'dibao.read', records: async (ctx) => ((await (ctx.db as any).selectFrom('dibao.import_batch').select(['id', 'area_path']).execute()) as any[]).map((r) => ({ id: r.id, areaPath: r.area_path })) },
  'GET /api/dibao/imports/:id/errors.xlsx': { kind: 'detail', permission: 'dibao.import', records: async (ctx) => ((await (ctx.db as any).selectFrom('dibao.import_batch').select(['id', 'area_path']).where('report_enc', 'is not', null).execute()) as any[]).map((r) => ({ id: r.id, areaPath: r.area_path })) },
  'GET /api/dibao/stats': { kind: 'unscoped', why: "aggregates only over the caller's dibao.read scope; an area outside it answers 404 (proved in src/modules/dibao/stats/stats.int.test.ts)" },
  'GET /api/dibao/stats.xlsx': { kind: 'unscoped', why: 'the same aggregates as GET /api/dibao/stats, as xlsx' },
};
