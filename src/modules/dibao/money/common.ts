import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { recordInScope } from '../../../kernel/identity/index.ts';
import { MAX_YEAR, MIN_YEAR } from '../../../kernel/calendar/index.ts';

/** 'YYYY-MM' or 'YYYY-MM-DD' → the month's first day; 400 naming the field otherwise. */
export function monthStart(input: string, field = 'month'): string {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(String(input ?? '').trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < MIN_YEAR || Number(m[1]) > MAX_YEAR)
    throw badRequest('MONTH_INVALID', `「${field}」月份格式应为 YYYY-MM`, { field });
  return `${m[1]}-${m[2]}-01`;
}

export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export type County = { code: string; name: string; path: string };

/** A county-level area (level 3) the actor holds `permission` for; 404 when unknown or out of scope. */
export async function countyInScope(ctx: AppContext, actor: Actor, code: string, permission: string): Promise<County> {
  if (!/^\d{6}$/.test(code ?? '')) throw badRequest('COUNTY_INVALID', '「countyCode」应为 6 位县（区）区划代码', { field: 'countyCode' });
  const a = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', code).executeTakeFirst();
  if (!a || a.level !== 3 || !recordInScope(actor, permission, { areaPath: a.path })) throw notFound('县（区）', 'COUNTY_NOT_FOUND');
  return { code: a.code, name: a.name, path: a.path };
}

/** The county-level areas inside the actor's grants for `permission` (whole subtrees of higher grants). */
export async function countiesInScope(ctx: AppContext, actor: Actor, permission: string): Promise<County[]> {
  const rows = await sql<County>`select code, name, path from core.area where level = 3 order by code`.execute(ctx.db);
  return rows.rows.filter((a) => recordInScope(actor, permission, { areaPath: a.path }));
}
