import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { inScope } from '../identity/scope.ts';
import { AREA_ERRORS, ORG_KINDS, type OrgKind, type OrgUnitDto } from './contract.ts';

export type OrgUnitFilter = { areaCode?: string; subtree?: boolean; q?: string; kind?: string; page: number; pageSize: number };

function base(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('core.org_unit as o')
    .innerJoin('core.area as a', 'a.code', 'o.area_code')
    .leftJoin('core.org_unit as p', 'p.id', 'o.parent_id')
    .where(inScope(actor, 'org.read', { areaPath: 'o.area_path', orgUnitId: 'o.id' }));
}

type Row = {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  area_code: string;
  area_name: string;
  parent_id: string | null;
  parent_name: string | null;
  active: boolean;
  is_sample: boolean;
};

const COLS = [
  'o.id',
  'o.code',
  'o.name',
  'o.name_en',
  'o.kind',
  'o.area_code',
  'a.name as area_name',
  'o.parent_id',
  'p.name as parent_name',
  'o.active',
  'o.is_sample',
] as const;

export function toOrgUnitDto(r: Row): OrgUnitDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    kindName: ORG_KINDS[r.kind as OrgKind] ?? r.kind,
    areaCode: r.area_code,
    areaName: r.area_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    active: r.active,
    isSample: r.is_sample,
  };
}

/** Org units in the actor's scope, optionally under one area (and its subtree). */
export async function listOrgUnits(ctx: AppContext, actor: Actor, f: OrgUnitFilter): Promise<{ items: OrgUnitDto[]; total: number }> {
  let q = base(ctx, actor);
  if (f.areaCode) {
    const area = await ctx.db.selectFrom('core.area').select('path').where('code', '=', f.areaCode).executeTakeFirst();
    if (!area) return { items: [], total: 0 };
    q =
      f.subtree === false
        ? q.where('o.area_code', '=', f.areaCode)
        : q.where((eb) => eb.or([eb('o.area_path', '=', area.path), eb('o.area_path', 'like', area.path + '.%')]));
  }
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.q) {
    const like = '%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    q = q.where((eb) => eb.or([eb('o.name', 'like', like), eb('o.code', 'like', like)]));
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select(COLS)
    .orderBy('o.area_path')
    .orderBy('o.sort')
    .orderBy('o.code')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map(toOrgUnitDto), total: Number(total) };
}

export async function getOrgUnit(ctx: AppContext, actor: Actor, id: string): Promise<OrgUnitDto> {
  const row = await base(ctx, actor).select(COLS).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('ORG_UNIT_NOT_FOUND', 404, AREA_ERRORS.ORG_UNIT_NOT_FOUND);
  return toOrgUnitDto(row);
}
