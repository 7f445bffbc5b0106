import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { AreaTable } from '../../platform/db/tables/areas.ts';
import type { Actor } from '../identity/actor.ts';
import { inScope } from '../identity/scope.ts';
import { AREA_ERRORS, type AreaDto, type AreaNode } from './contract.ts';

type AreaRow = Pick<AreaTable, 'code' | 'name' | 'name_en' | 'level' | 'parent_code' | 'path'> & { is_sample: boolean; active: boolean };

export function toAreaDto(a: AreaRow): AreaDto {
  return { code: a.code, name: a.name, nameEn: a.name_en, level: a.level, parentCode: a.parent_code, path: a.path, isSample: a.is_sample, active: a.active };
}

const COLUMNS = ['code', 'name', 'name_en', 'level', 'parent_code', 'path', 'is_sample', 'active', 'sort'] as const;

/** The part of the area tree the actor may read, as nested nodes rooted at their own areas. */
export async function listAreaTree(ctx: AppContext, actor: Actor, opts: { maxLevel?: number } = {}): Promise<AreaNode[]> {
  let q = ctx.db
    .selectFrom('core.area')
    .select(COLUMNS)
    .where(inScope(actor, 'area.read', { areaPath: 'path' }));
  if (opts.maxLevel) q = q.where('level', '<=', opts.maxLevel as 1);
  const rows = await q.orderBy('level').orderBy('sort').orderBy('code').execute();
  const nodes = new Map<string, AreaNode>();
  const roots: AreaNode[] = [];
  for (const r of rows) {
    const node: AreaNode = { ...toAreaDto(r), children: [] };
    nodes.set(r.code, node);
    const parent = r.parent_code ? nodes.get(r.parent_code) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** One area, or 404 when it does not exist or lies outside the actor's scope. */
export async function getArea(ctx: AppContext, actor: Actor, code: string): Promise<AreaDto & { parentName: string | null }> {
  const row = await ctx.db
    .selectFrom('core.area as a')
    .leftJoin('core.area as p', 'p.code', 'a.parent_code')
    .select(['a.code', 'a.name', 'a.name_en', 'a.level', 'a.parent_code', 'a.path', 'a.is_sample', 'a.active', 'p.name as parent_name'])
    .where('a.code', '=', code)
    .where(inScope(actor, 'area.read', { areaPath: 'a.path' }))
    .executeTakeFirst();
  if (!row) throw new AppError('AREA_NOT_FOUND', 404, AREA_ERRORS.AREA_NOT_FOUND);
  return { ...toAreaDto(row), parentName: row.parent_name };
}
