import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { RouteSpecs } from '../../kernel/module/index.ts';

const entries = async (ctx: AppContext) =>
  (await sql<{ id: string; path: string; org: string }>`select id, area_path as path, org_unit_id as org from policyqa.entry`.execute(ctx.db)).rows.map(
    (r) => ({
      id: r.id,
      areaPath: r.path,
      orgUnitId: r.org,
    }),
  );

/** How the scope suite (tests/scope) treats the 政策问答 GET routes: an entry is scoped by the office that wrote it. */
export const policyqaScopedRoutes: RouteSpecs = {
  'GET /api/policyqa': {
    kind: 'list',
    permission: 'policyqa.read',
    pageSize: 100,
    variants: () => ['status=flagged', `category=${encodeURIComponent('最低生活保障')}`, `q=${encodeURIComponent('低保')}`],
    items: (b) => b.items.map((e: any) => ({ areaPath: e.areaPath })),
  },
  'GET /api/policyqa/:id': { kind: 'detail', permission: 'policyqa.read', records: entries },
  'GET /api/public/policyqa': { kind: 'unscoped', why: 'public 政策问答：published entries only (policyqa.int.test.ts)' },
  'GET /api/public/policyqa/:id': { kind: 'unscoped', why: 'public 政策问答：one published entry' },
};
