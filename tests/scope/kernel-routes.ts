import { sql } from 'kysely';
import type { AppContext } from '../../src/platform/context.ts';
import type { RouteSpecs } from '../../src/kernel/module/index.ts';
import { sampleDocuments } from '../../src/kernel/documents/test-documents.ts';

/** The kernel's GET routes under /api and how the scope suite treats each; modules add theirs in their manifest. */
const flattenTree = (nodes: any[]): any[] => nodes.flatMap((n) => [n, ...flattenTree(n.children ?? [])]);

const users = async (ctx: AppContext) =>
  (await ctx.db.selectFrom('core.app_user').select(['id', 'area_path', 'org_unit_id']).execute()).map((r) => ({
    id: r.id,
    areaPath: r.area_path,
    orgUnitId: r.org_unit_id,
    ownerId: r.id,
  }));

const reportRuns = async (ctx: AppContext) =>
  (await sql<{ id: string; path: string }>`select r.id, a.path from core.report_run r join core.area a on a.code = r.area_code`.execute(ctx.db)).rows.map(
    (r) => ({
      id: r.id,
      areaPath: r.path,
    }),
  );

export const KERNEL_ROUTES: RouteSpecs = {
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
        id: r.id,
        areaPath: r.area_path,
        orgUnitId: r.org_unit_id,
        ownerId: r.actor_id,
      })),
  },
  'GET /api/notifications': {
    kind: 'unscoped',
    why: "the caller's own inbox: addressed to them or to an org unit they hold a role at (isolation proved in src/kernel/notify/routes.int.test.ts)",
  },
  'GET /api/notifications/unread-count': { kind: 'unscoped', why: "count of the caller's own unread inbox" },
  'GET /api/case-types': { kind: 'unscoped', why: 'catalogue of registered workflows (reference data), filtered by the permissions the caller holds' },
  'GET /api/worklist': {
    kind: 'case-list',
    variants: ['tab=todo', 'tab=to_acknowledge', 'tab=done', 'tab=due_soon', 'tab=overdue', 'tab=supervising', 'tab=todo&q=TS'],
  },
  'GET /api/worklist/counts': {
    kind: 'unscoped',
    why: "figures, no records: each tab's count is the same query as GET /api/worklist's total for that tab (equality proven in src/kernel/workflow/worklist-counts.int.test.ts)",
  },
  'GET /api/dashboard': {
    kind: 'unscoped',
    why: "figures, no records: each case type counted within the caller's own read grants, from the rollup (equal to counting case by case, and a county sees only its county: src/kernel/report/dashboard.int.test.ts); an area outside the caller's is refused",
  },
  'GET /api/cases/:id': { kind: 'case', path: (c) => `/api/cases/${c.id}` },
  'GET /api/cases/:id/clocks/:name/explain': {
    kind: 'case',
    path: (c) => (c.clockName ? `/api/cases/${c.id}/clocks/${encodeURIComponent(c.clockName)}/explain` : null),
  },
  'GET /api/cases/:id/attachments/:aid': { kind: 'case', path: (c) => (c.attachmentId ? `/api/cases/${c.id}/attachments/${c.attachmentId}` : null) },
  'GET /api/cases/:id/documents': { kind: 'case', path: (c) => `/api/cases/${c.id}/documents` },
  'GET /api/cases/:id/handoff-targets': { kind: 'case', path: (c) => `/api/cases/${c.id}/handoff-targets` },
  'GET /api/cases/:id/approval-routes': { kind: 'case', path: (c) => `/api/cases/${c.id}/approval-routes` },
  'GET /api/documents/:id.pdf': { kind: 'detail', permission: 'area.read', records: sampleDocuments },
  'GET /api/documents/:id.docx': { kind: 'detail', permission: 'area.read', records: sampleDocuments },
  'GET /api/public/documents/verify': {
    kind: 'unscoped',
    why: 'public check of a paper document by number + verification code: answers only its number, title, issuing body, date and file hash, nothing personal (src/modules/petitions/documents/petition-documents.int.test.ts)',
  },
  'GET /api/laws': { kind: 'unscoped', why: 'names of the reference law texts (法规库) on disk, the same for everyone; reads no records' },
  'GET /api/laws/:ref': {
    kind: 'unscoped',
    why: 'one reference law text (法规库) by its listed name, the same for everyone; reads no records (src/kernel/laws/law-links.test.ts)',
  },
  'GET /api/report/metrics': {
    kind: 'unscoped',
    why: 'figures (counts and rates), no records: each is computed over what the caller may read, for an area its report.read grant covers (another area → 403; src/kernel/report/report.int.test.ts); the records behind them are GET /api/report/records',
  },
  'GET /api/report/records': {
    kind: 'case-list',
    permission: 'report.read',
    variants: [
      'metric=petitions.total&year=2019',
      'metric=petitions.concluded&year=2026',
      'metric=dibao.applications&year=2019',
      'metric=dibao.applications&year=2026',
      'metric=dibao.confirmed&year=2019',
    ],
  },
  'GET /api/report/templates/:year': {
    kind: 'unscoped',
    why: "the department's report text of a year with {{metric}} placeholders: no records, the same for every report.read holder",
  },
  'GET /api/report/runs': {
    kind: 'list',
    permission: 'report.read',
    variants: () => ['year=2019'],
    items: (b) => b.items.map((r: any) => ({ areaPath: r.areaPath })),
  },
  'GET /api/report/runs/:id': { kind: 'detail', permission: 'report.read', records: reportRuns },
  'GET /api/report/runs/:id/report.docx': { kind: 'detail', permission: 'report.read', records: reportRuns },
  'GET /api/report/runs/:id/appendix.xlsx': { kind: 'detail', permission: 'report.read', records: reportRuns },
  'GET /api/report/runs/:id/report.pdf': { kind: 'detail', permission: 'report.read', records: reportRuns },
  'GET /api/report/cities': {
    kind: 'unscoped',
    why: "figures per 地级市 (or per county with level=3), no records: one row per area the caller's report.read covers (a city user gets its own row, a county user none, or at level=3 its own county; tests/report/report-cities.int.test.ts); the records behind a cell are GET /api/report/records",
  },
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
};
