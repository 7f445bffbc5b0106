import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { Day } from '../contracts/http.ts';
import { cleanupCases, registeredAt, registeredByArea, uninspectedTwoYears } from './org-figures.ts';

export const FiguresQuery = z.object({
  asOf: Day.optional().meta({ title: '统计日期（默认今天）' }),
  from: Day.optional().meta({ title: '专项工作统计起日（默认统计日期所在年度1月1日）' }),
  area: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/, '区划代码格式不正确')
    .optional()
    .meta({ title: '区划代码（默认本人所在区划）' }),
});
const Counted = z.object({ value: z.number(), ids: z.array(z.string()) });
export const FiguresOut = z.object({
  asOf: z.string(),
  from: z.string(),
  areaCode: z.string(),
  registered: Counted.meta({ title: '登记在册（组织 ID）' }),
  registeredByArea: z.array(z.object({ areaPath: z.string(), value: z.number() })).meta({ title: '登记在册，按登记管理机关所在区划' }),
  uninspectedTwoYears: Counted.meta({ title: '2年以上未年检（组织 ID）' }),
  uninspectedTwoYearsOwn: Counted.meta({ title: '2年以上未年检，本级登记（组织 ID）' }),
  cleanupRenamed: Counted.meta({ title: '名称清理规范：更名（变更登记案件 ID）' }),
  cleanupDeregistered: Counted.meta({ title: '名称清理规范：注销清理（注销登记案件 ID）' }),
});

/** The report's 社会组织 figures on any day (the annual report computes the same on the year's last day). */
export async function orgFigures(ctx: AppContext, actor: Actor, q: z.infer<typeof FiguresQuery>): Promise<z.infer<typeof FiguresOut>> {
  const asOf = q.asOf ?? chinaDate(ctx.clock.now());
  const from = q.from ?? `${asOf.slice(0, 4)}-01-01`;
  if (from > asOf) throw new AppError('VALIDATION_FAILED', 400, '统计起日不能晚于统计日期。', { field: 'from' });
  const areaCode = q.area ?? actor.areaCode;
  const area = await ctx.db.selectFrom('core.area').select('path').where('code', '=', areaCode).executeTakeFirst();
  if (!area) throw new AppError('VALIDATION_FAILED', 400, `区划代码“${areaCode}”不存在。`, { field: 'area' });
  const s = { actor, areaPath: area.path };
  return {
    asOf,
    from,
    areaCode,
    registered: await registeredAt(ctx, s, asOf),
    registeredByArea: await registeredByArea(ctx, s, asOf),
    uninspectedTwoYears: await uninspectedTwoYears(ctx, s, asOf),
    uninspectedTwoYearsOwn: await uninspectedTwoYears(ctx, { ...s, own: true }, asOf),
    cleanupRenamed: await cleanupCases(ctx, s, 'renamed', from, asOf),
    cleanupDeregistered: await cleanupCases(ctx, s, 'deregistered', from, asOf),
  };
}
