import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { RouteSpecs } from '../../kernel/module/index.ts';
import { PENALTY_TYPE } from './contracts/labels.ts';

const officers = async (ctx: AppContext) =>
  (await sql<{ id: string; area_path: string; org_unit_id: string }>`select id, area_path, org_unit_id from enforcement.officer`.execute(ctx.db)).rows.map(
    (r) => ({
      id: r.id,
      areaPath: r.area_path,
      orgUnitId: r.org_unit_id,
    }),
  );

const tipoffs = async (ctx: AppContext) =>
  (await sql<{ id: string; area_path: string; org_unit_id: string }>`select id, area_path, org_unit_id from enforcement.tipoff`.execute(ctx.db)).rows.map(
    (r) => ({ id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id }),
  );

const evidenceFiles = async (ctx: AppContext) =>
  (
    await sql<{ id: string; area_path: string; org_unit_id: string; created_by: string | null }>`select e.id, c.area_path, c.org_unit_id, c.created_by
      from enforcement.evidence e join core.case c on c.id = e.case_id where e.storage_key is not null`.execute(ctx.db)
  ).rows.map((r) => ({ id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id, ownerId: r.created_by }));

/** How the scope suite (tests/scope) treats the 行政执法 GET routes. */
export const enforcementScopedRoutes: RouteSpecs = {
  'GET /api/enforcement/officers': {
    kind: 'list',
    permission: 'enforcement.read',
    single: true,
    variants: () => ['status=valid', 'reviewers=true', 'q=64'],
    items: (b) => b.items.map((o: any) => ({ areaPath: o.areaPath, orgUnitId: o.orgUnitId })),
  },
  'GET /api/enforcement/officers/expiring': {
    kind: 'list',
    permission: 'enforcement.read',
    single: true,
    variants: () => ['days=366', 'days=30'],
    items: (b) => b.items.map((o: any) => ({ areaPath: o.areaPath, orgUnitId: o.orgUnitId })),
  },
  'GET /api/enforcement/officers/:id': { kind: 'detail', permission: 'enforcement.read', records: officers },
  'GET /api/public/enforcement/officers/:certNo': {
    kind: 'unscoped',
    why: '事前公开 （国办发〔2018〕118号）: an officer by certificate number — name, unit, validity, status; nothing personal',
  },
  'GET /api/public/enforcement/catalogue': { kind: 'unscoped', why: 'public reference data: power items, 裁量基准 and the 法制审核目录清单' },
  'GET /api/enforcement/tipoffs': {
    kind: 'list',
    permission: 'enforcement.read',
    variants: () => ['state=closed', 'year=2019', 'q=JB'],
    items: (b) => b.items.map((t: any) => ({ areaPath: t.areaPath, orgUnitId: t.orgUnitId })),
  },
  'GET /api/enforcement/tipoffs/:id': { kind: 'detail', permission: 'enforcement.read', records: tipoffs },
  'GET /api/enforcement/tipoff-settings': { kind: 'unscoped', why: 'one platform setting: the reply period of 举报 in working days' },
  'GET /api/public/enforcement/tipoff-offices': { kind: 'unscoped', why: 'public reference data: the offices a 举报 can be addressed to' },
  'GET /api/enforcement/evidence-uploads/:id': {
    kind: 'unscoped',
    why: "the caller's own upload in progress: only the account that started it, on a case it can read (caseReadable), sees it; anyone else 404",
  },
  'GET /api/enforcement/evidence/:id/file': { kind: 'detail', permission: 'enforcement.read', records: evidenceFiles },
  'GET /api/enforcement/cases': { kind: 'case-list', variants: ['state=closed', 'state=investigating', 'q=XZCF'] },
  'GET /api/enforcement/cases/:id': { kind: 'case', path: (c) => (c.type === PENALTY_TYPE ? `/api/enforcement/cases/${c.id}` : null) },
};
