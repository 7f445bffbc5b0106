import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { grantsFor, pathWithin } from '../identity/scope.ts';
import { actorOrgIds } from '../workflow/case-access.ts';
import { REPORT_PERMISSIONS } from './contract.ts';

export type ReportArea = { code: string; name: string; path: string; level: number };

/**
 * The area a report is for: the one asked for (default: the actor's own area). The actor must
 * hold report.read over it — a subtree grant covering it, or an org-level grant at that very area —
 * so a county user gets its own county (or a township below), never another county.
 */
export async function reportArea(ctx: AppContext, actor: Actor, code: string | undefined): Promise<ReportArea> {
  const grants = grantsFor(actor, REPORT_PERMISSIONS.read);
  if (!grants.length) throw forbidden('没有查看年度报告的权限（report.read）。');
  const a = await areaByCode(ctx, code ?? actor.areaCode);
  const covered = grants.some((g) => (g.scope === 'subtree' ? pathWithin(a.path, g.areaPath) : g.areaPath === a.path));
  if (!covered) throw new AppError('REPORT_AREA_FORBIDDEN', 403, `无权查看「${a.name}」的报告：只能查看本人数据范围内地区的报告。`, { field: 'area' });
  return a;
}

/** An area by its code, for a report or dashboard asked for it; 400 naming the code when there is none. */
export async function areaByCode(ctx: AppContext, code: string): Promise<ReportArea> {
  const a = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', code).executeTakeFirst();
  if (!a) throw badRequest('AREA_NOT_FOUND', `「area」区划 ${code} 不存在。`, { field: 'area' });
  return { code: a.code, name: a.name, path: a.path, level: Number(a.level) };
}

/**
 * What a figure computed for this actor depends on: its grants for the metric's permission and the
 * org units whose hand-ons it may read. Two readers with the same key see the same value.
 */
export function scopeKey(actor: Actor, permission: string): string {
  const grants = grantsFor(actor, permission)
    .map((g) => `${g.scope}:${g.areaPath}:${g.orgUnitId}:${g.scope === 'self' ? actor.userId : ''}`)
    .sort();
  const orgs = actorOrgIds(actor).sort();
  return createHash('sha256')
    .update(JSON.stringify([permission, grants, orgs]))
    .digest('hex')
    .slice(0, 32);
}

/** The report year as a period. */
export const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
