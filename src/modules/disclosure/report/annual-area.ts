import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { grantsFor, pathWithin, type Actor } from '../../../kernel/identity/index.ts';
import { DISCLOSURE_ERRORS as E } from '../contracts/labels.ts';

export type AnnualArea = { code: string; name: string; path: string };

/** The area of a yearly disclosure report: the one asked for (default the actor's own), within a disclosure.read grant. */
export async function annualArea(ctx: AppContext, actor: Actor, code: string | undefined): Promise<AnnualArea> {
  const grants = grantsFor(actor, 'disclosure.read');
  if (!grants.length) throw forbidden('没有查看政务公开数据的权限（disclosure.read）');
  const want = code ?? actor.areaCode;
  const a = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path']).where('code', '=', want).executeTakeFirst();
  if (!a) throw badRequest('AREA_NOT_FOUND', `「area」区划 ${want} 不存在`, { field: 'area' });
  const covered = grants.some((g) => (g.scope === 'subtree' ? pathWithin(a.path, g.areaPath) : g.areaPath === a.path));
  if (!covered)
    throw new AppError('DISCLOSURE_AREA_FORBIDDEN', 403, `无权查看「${a.name}」的政务公开年度报告：只能查看本人数据范围内的地区`, { field: 'area' });
  return a;
}

export function checkYear(year: number, today: string): number {
  if (!Number.isInteger(year) || year < 2008 || year > Number(today.slice(0, 4))) throw badRequest('VALIDATION_FAILED', E.YEAR_INVALID, { field: 'year' });
  return year;
}
