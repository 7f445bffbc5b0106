import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { COMMUNITY_ERRORS } from '../contract.ts';

/** A Ningxia area by code (county or township), or 400 naming the code. */
export async function areaOf(ctx: AppContext, code: string, field = 'areaCode') {
  const a = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', code).executeTakeFirst();
  if (!a || a.level < 3 || !a.path.startsWith('640000.')) throw new AppError('COMMUNITY_AREA', 400, COMMUNITY_ERRORS.AREA_UNKNOWN(code), { field });
  return a;
}

/** The 民政局 of a county (the office that holds its stations and reviews its duty requests). */
export async function countyOffice(ctx: AppContext, countyCode: string) {
  return ctx.db
    .selectFrom('core.org_unit')
    .select(['id', 'name', 'area_path'])
    .where('area_code', '=', countyCode)
    .where('kind', '=', 'bureau')
    .where('active', '=', true)
    .executeTakeFirst();
}
