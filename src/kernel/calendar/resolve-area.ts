import type { AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { CALENDAR_ERRORS } from './contract.ts';
import { shortAreaName } from './load-calendar.ts';

export type CalendarArea = {
  code: string;
  path: string;
  /** Display names of every area on the path, keyed by code ('640000' → '宁夏'). */
  names: Record<string, string>;
};

/**
 * An area code to the path the engine needs: the path, not the code, decides which regional
 * layers apply (640423 → 640000.640400.640423). Unknown codes are a 400 naming the field.
 */
export async function resolveCalendarArea(ctx: AppContext, code: string, field = 'area'): Promise<CalendarArea> {
  const area = /^(\d{6}|\d{9}|\d{12})$/.test(code)
    ? await ctx.db.selectFrom('core.area').select(['code', 'path']).where('code', '=', code).executeTakeFirst()
    : undefined;
  if (!area) throw badRequest('CALENDAR_AREA_UNKNOWN', `${CALENDAR_ERRORS.CALENDAR_AREA_UNKNOWN}：${code}`, { field });
  const rows = await ctx.db.selectFrom('core.area').select(['code', 'name', 'level']).where('code', 'in', area.path.split('.')).execute();
  const names: Record<string, string> = {};
  for (const r of rows) names[r.code] = shortAreaName(r.name, r.level);
  return { code: area.code, path: area.path, names };
}

/** The region root's path ('640000'): national rows need a calendar.manage grant covering it. */
export async function rootAreaPath(ctx: AppContext): Promise<string> {
  const root = await ctx.db.selectFrom('core.area').select('path').where('level', '=', 1).orderBy('code').executeTakeFirst();
  return root?.path ?? '640000';
}
