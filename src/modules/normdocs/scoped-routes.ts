import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { RouteSpecs } from '../../kernel/module/index.ts';

const cleanups = async (ctx: AppContext) =>
  (await sql<{ id: string; area_path: string; org_unit_id: string }>`select id, area_path, org_unit_id from normdocs.cleanup`.execute(ctx.db)).rows.map(
    (r) => ({
      id: r.id,
      areaPath: r.area_path,
      orgUnitId: r.org_unit_id,
    }),
  );

const published = async (ctx: AppContext) =>
  (
    await sql<{ id: string; area_path: string; org_unit_id: string }>`select c.id, c.area_path, c.org_unit_id from core.case c
      join normdocs.document d on d.case_id = c.id where d.published_on is not null and d.number is not null`.execute(ctx.db)
  ).rows.map((r) => ({ id: r.id, areaPath: r.area_path, orgUnitId: r.org_unit_id }));

/** How the scope suite (tests/scope) treats the 规范性文件 GET routes. */
export const normdocScopedRoutes: RouteSpecs = {
  'GET /api/normdocs': { kind: 'case-list', variants: ['state=drafting', 'year=2019', `q=${encodeURIComponent('宁民规发')}`] },
  'GET /api/public/normdocs': {
    kind: 'unscoped',
    why: 'public 现行有效文件：only numbered, published documents in force on the date (normdocs-flow.int.test.ts)',
  },
  'GET /api/public/normdocs/consultations': {
    kind: 'unscoped',
    why: 'public 征求意见：only documents in a public consultation running today (normdocs-portal.int.test.ts)',
  },
  'GET /api/normdocs/cleanups': {
    kind: 'list',
    permission: 'normdocs.read',
    single: true,
    items: (b) => b.items.map((k: any) => ({ areaPath: k.areaPath, orgUnitId: k.orgUnitId })),
  },
  'GET /api/normdocs/cleanups/:id': { kind: 'detail', permission: 'normdocs.read', records: cleanups },
  'GET /api/public/normdocs/cleanups': {
    kind: 'unscoped',
    why: 'public 清理结果：only closed campaigns, each document’s number, title, conclusion and reason (normdocs-cleanup.int.test.ts)',
  },
  'GET /api/normdocs/:id/official.pdf': { kind: 'detail', permission: 'normdocs.read', records: published },
  'GET /api/normdocs/:id/official.docx': { kind: 'detail', permission: 'normdocs.read', records: published },
  'GET /api/public/normdocs/:id/official.pdf': {
    kind: 'unscoped',
    why: 'public 正式文本：only published (numbered) documents, 404 otherwise (normdocs-portal.int.test.ts)',
  },
  'GET /api/public/normdocs/:id/official.docx': {
    kind: 'unscoped',
    why: 'public 正式文本：only published (numbered) documents, 404 otherwise (normdocs-portal.int.test.ts)',
  },
  'GET /api/normdocs/:id': { kind: 'case', path: (c) => (c.type === 'normdoc' ? `/api/normdocs/${c.id}` : null) },
  'GET /api/normdocs/:id/heads': { kind: 'case', path: (c) => (c.type === 'normdoc' ? `/api/normdocs/${c.id}/heads` : null) },
};
