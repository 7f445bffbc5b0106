import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { PeriodQuery, hallDb, periodOf } from './filters.ts';

export const STAT_DIMENSIONS = { item: '事项', office: '单位', window: '窗口', person: '办理人' } as const;
export const RatingStatsQuery = PeriodQuery.extend({
  by: z.enum(['item', 'office', 'window', 'person'], { message: '「by」须为 item（事项）、office（单位）、window（窗口）或 person（办理人）' }).default('item'),
});

const KEY = {
  item: sql<string>`r.item_code`,
  office: sql<string>`o.name`,
  window: sql<string>`o.name || '·' || r.service_window`,
  person: sql<string>`coalesce(r.handler_name, '（未分派）')`,
} as const;
const LABEL = {
  item: sql<string>`max(a.item_name)`,
  office: sql<string>`max(o.name)`,
  window: sql<string>`max(o.name || '·' || r.service_window)`,
  person: sql<string>`max(coalesce(r.handler_name, '（未分派）'))`,
} as const;

/**
 * 好差评 statistics by 事项 / 单位 / 窗口 / 办理人 over the ratings of the services the caller may
 * read, in a period (rated_on): counts per level, average stars, 好评率 (非常满意 + 满意 + 基本满意),
 * 差评 and 差评整改率 (差评 whose handling has been fed back / 差评). Ratings found mistaken or
 * malicious on 申诉复核 are left out.
 */
export async function ratingStats(ctx: AppContext, actor: Actor, q: z.infer<typeof RatingStatsQuery>) {
  const p = periodOf(ctx, q);
  let base = hallDb(ctx)
    .selectFrom('hall.rating as r')
    .innerJoin('hall.application as a', 'a.case_id', 'r.application_id')
    .innerJoin('core.org_unit as o', 'o.id', 'r.org_unit_id')
    .leftJoin('core.case as k', 'k.id', 'r.complaint_case_id')
    // The application's read rule on the rating's own copy of its area and office: applications are never
    // handed on (the workflow has no hand-off), so the kernel's case rule reduces to the grant scope.
    .where(inScope(actor, 'hall.read', { areaPath: 'r.area_path', orgUnitId: 'r.org_unit_id' }))
    .where('r.invalidated', '=', false)
    .where('r.rated_on', '>=', p.from)
    .where('r.rated_on', '<=', p.to);
  if (q.area)
    base = base.where(
      sql<boolean>`(r.area_path = ${q.area} or r.area_path like ${'%.' + q.area} or r.area_path like ${'%.' + q.area + '.%'} or r.area_path like ${q.area + '.%'})`,
    );
  const rows = await base
    .select([
      KEY[q.by].as('key'),
      LABEL[q.by].as('label'),
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where r.level = '非常满意')::int`.as('l5'),
      sql<number>`count(*) filter (where r.level = '满意')::int`.as('l4'),
      sql<number>`count(*) filter (where r.level = '基本满意')::int`.as('l3'),
      sql<number>`count(*) filter (where r.level = '不满意')::int`.as('l2'),
      sql<number>`count(*) filter (where r.level = '非常不满意')::int`.as('l1'),
      sql<number>`count(*) filter (where r.negative and k.state = 'closed')::int`.as('rectified'),
      sql<number>`round(avg(r.stars)::numeric, 2)::float8`.as('avg'),
    ])
    .groupBy(KEY[q.by])
    .orderBy('total', 'desc')
    .execute();
  const items = rows.map((r) => {
    const negative = r.l2 + r.l1;
    return {
      key: r.key as string,
      label: r.label as string,
      total: r.total as number,
      levels: { 非常满意: r.l5, 满意: r.l4, 基本满意: r.l3, 不满意: r.l2, 非常不满意: r.l1 } as Record<string, number>,
      averageStars: Number(r.avg),
      goodRate: r.total ? Math.round(((r.l5 + r.l4 + r.l3) / r.total) * 1000) / 10 : null,
      negative,
      rectified: r.rectified as number,
      rectifyRate: negative ? Math.round((r.rectified / negative) * 1000) / 10 : null,
    };
  });
  const sum = (k: 'total' | 'negative' | 'rectified') => items.reduce((s, i) => s + i[k], 0);
  const negative = sum('negative');
  return {
    by: q.by,
    byLabel: STAT_DIMENSIONS[q.by],
    from: p.from,
    to: p.to,
    items,
    total: sum('total'),
    negative,
    rectified: sum('rectified'),
    rectifyRate: negative ? Math.round((sum('rectified') / negative) * 1000) / 10 : null,
  };
}
