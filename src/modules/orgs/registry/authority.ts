import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { ORGS_ERRORS } from '../contract.ts';

/** A registering authority (登记管理机关): a 民政 department or bureau at region, city or county level. */
export type Authority = { id: string; name: string; areaCode: string; areaPath: string; level: number; chain: string[] };

const REGISTRAR_KINDS = ['department', 'bureau'];

/**
 * The authority an act is done for: the given org unit, or the 民政 department/bureau of the
 * actor's own area. It must be a registrar (民政厅/民政局 at level 1–3) inside the actor's
 * `permission` scope; otherwise 400 (not a registrar) or 404 (out of scope, existence not leaked).
 */
export async function resolveAuthority(ctx: AppContext, actor: Actor, permission: string, orgUnitId?: string | null): Promise<Authority> {
  const row = await ctx.db
    .selectFrom('core.org_unit as u')
    .innerJoin('core.area as a', 'a.code', 'u.area_code')
    .select(['u.id', 'u.name', 'u.kind', 'u.area_code', 'u.area_path', 'a.level'])
    .$call((q) =>
      orgUnitId
        ? q.where('u.id', '=', orgUnitId)
        : q.where('u.area_code', '=', actor.areaCode).where('u.kind', 'in', REGISTRAR_KINDS).where('u.active', '=', true).orderBy('u.sort').limit(1),
    )
    .executeTakeFirst();
  if (!row) {
    throw orgUnitId
      ? new AppError('ORG_NOT_AUTHORITY', 404, '登记管理机关不存在或无权查看')
      : new AppError('ORG_NOT_AUTHORITY', 400, `${ORGS_ERRORS.ORG_NOT_AUTHORITY}：本人所在区域没有民政登记管理机关，请指定登记管理机关。`);
  }
  if (!recordInScope(actor, permission, { areaPath: row.area_path })) throw new AppError('ORG_NOT_AUTHORITY', 404, '登记管理机关不存在或无权查看');
  return registrar(ctx, row);
}

/** A 民政 department or bureau at level 1–3, else 400 naming the unit. */
async function registrar(
  ctx: AppContext,
  row: { id: string; name: string; kind: string; area_code: string; area_path: string; level: number },
): Promise<Authority> {
  if (!REGISTRAR_KINDS.includes(row.kind) || row.level > 3)
    throw new AppError('ORG_NOT_AUTHORITY', 400, `${ORGS_ERRORS.ORG_NOT_AUTHORITY}：“${row.name}”不是自治区、市、县（区）民政部门，不能登记社会组织。`);
  return { id: row.id, name: row.name, areaCode: row.area_code, areaPath: row.area_path, level: row.level, chain: await areaChain(ctx, row.area_path) };
}

/**
 * The org unit as a registering authority, whoever asks: for an application another module has already taken
 * for that unit (the hall's 一窗受理 at the bureau); 400 when it is not a registrar.
 */
export async function registrarById(ctx: AppContext, orgUnitId: string): Promise<Authority> {
  const row = await ctx.db
    .selectFrom('core.org_unit as u')
    .innerJoin('core.area as a', 'a.code', 'u.area_code')
    .select(['u.id', 'u.name', 'u.kind', 'u.area_code', 'u.area_path', 'a.level'])
    .where('u.id', '=', orgUnitId)
    .executeTakeFirst();
  if (!row) throw new AppError('ORG_NOT_AUTHORITY', 400, `${ORGS_ERRORS.ORG_NOT_AUTHORITY}：受理单位不存在。`);
  return registrar(ctx, row);
}

/** Area names from the region down to the area of `path`. */
export async function areaChain(ctx: AppContext, path: string): Promise<string[]> {
  const codes = path.split('.');
  const rows = await ctx.db.selectFrom('core.area').select(['code', 'name', 'level']).where('code', 'in', codes).orderBy('level').execute();
  return rows.map((r) => r.name);
}

/** Authority of an existing organization (for changes and name checks of renames). */
export async function authorityById(ctx: AppContext, id: string): Promise<Authority> {
  const row = await ctx.db
    .selectFrom('core.org_unit as u')
    .innerJoin('core.area as a', 'a.code', 'u.area_code')
    .select(['u.id', 'u.name', 'u.area_code', 'u.area_path', 'a.level'])
    .where('u.id', '=', id)
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, areaCode: row.area_code, areaPath: row.area_path, level: row.level, chain: await areaChain(ctx, row.area_path) };
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
export const noRows = sql<boolean>`false`;
