import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { RouteSpecs } from '../../../kernel/module/index.ts';

const rows = (table: 'study_session' | 'exam_attempt') => async (ctx: AppContext) =>
  (
    await sql<{ id: string; area_path: string; org_unit_id: string }>`select id, area_path, org_unit_id from ${sql.table(`enforcement.${table}`)}`.execute(
      ctx.db,
    )
  ).rows.map((r) => ({ id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id }));

const byUnit = (b: any) => b.items.map((o: any) => ({ areaPath: o.areaPath, orgUnitId: o.orgUnitId }));
const years = () => ['year=2019', 'year=2026'];

/** How the scope suite (tests/scope) treats the 学法用法 GET routes. */
export const studyScopedRoutes: RouteSpecs = {
  'GET /api/enforcement/study/plans': { kind: 'list', permission: 'enforcement.read', single: true, variants: years, items: byUnit },
  'GET /api/enforcement/study/sessions': { kind: 'list', permission: 'enforcement.read', single: true, variants: years, items: byUnit },
  'GET /api/enforcement/study/sessions/:id': { kind: 'detail', permission: 'enforcement.read', records: rows('study_session') },
  'GET /api/enforcement/study/stats': {
    kind: 'list',
    permission: 'enforcement.read',
    single: true,
    variants: years,
    items: (b) => [...b.units, ...b.people].map((o: any) => ({ areaPath: o.areaPath, orgUnitId: o.orgUnitId })),
  },
  'GET /api/enforcement/study/questions': {
    kind: 'unscoped',
    why: 'the question bank is the 民政厅’s reference material, not any area’s records; only enforcement.study (those who set papers) may read it',
  },
  'GET /api/enforcement/exams': {
    kind: 'unscoped',
    why: 'the papers set by the 民政厅 are the same for every unit; each carries only the caller’s own attempt',
  },
  'GET /api/enforcement/exams/:id/paper': {
    kind: 'unscoped',
    why: 'the paper a candidate sits: stems and options only, never the key; the same for every unit',
  },
  'GET /api/enforcement/exam-attempts/:id': { kind: 'detail', permission: 'enforcement.read', records: rows('exam_attempt') },
};
