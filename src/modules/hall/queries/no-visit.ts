import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { APPLICATION_TYPE } from '../contract.ts';
import { PeriodQuery, hallDb, periodOf } from './filters.ts';

/**
 * 不见面率 from actual cases: of the applications finished (送达) in the period that the caller may
 * read, the share handled with no visit — applied online, no 现场 visit recorded, result not
 * collected at the window. Per county (the area of the office that handled it), with the ids.
 */
export async function noVisitRows(ctx: AppContext, actor: Actor, q: { from: string; to: string; areaPath?: string }) {
  let base = hallDb(ctx)
    .selectFrom('core.case as c')
    .innerJoin('hall.application as a', 'a.case_id', 'c.id')
    .where('c.type', '=', APPLICATION_TYPE)
    .where('c.state', '=', 'delivered')
    .where(caseReadable(actor, 'hall.read'))
    .where('a.delivered_on', '>=', q.from)
    .where('a.delivered_on', '<=', q.to);
  if (q.areaPath) base = base.where((eb) => eb.or([eb('c.area_path', '=', q.areaPath!), eb('c.area_path', 'like', `${q.areaPath}.%`)]));
  return (await base.select(['c.id', 'c.area_code', sql<boolean>`(a.channel = '网上' and a.visits = 0)`.as('no_visit')]).execute()) as Array<{
    id: string;
    area_code: string;
    no_visit: boolean;
  }>;
}

export async function noVisitRate(ctx: AppContext, actor: Actor, q: z.infer<typeof PeriodQuery>) {
  const p = periodOf(ctx, q);
  const areaPath = q.area
    ? ((await sql<{ path: string }>`select path from core.area where code = ${q.area}`.execute(ctx.db)).rows[0]?.path ?? `__none__${q.area}`)
    : undefined;
  const rows = await noVisitRows(ctx, actor, { from: p.from, to: p.to, areaPath });
  const names = new Map(
    (
      await sql<{ code: string; name: string }>`select code, name from core.area where code = any(${[...new Set(rows.map((r) => r.area_code))]})`.execute(
        ctx.db,
      )
    ).rows.map((r) => [r.code, r.name]),
  );
  const by = new Map<string, { finished: number; noVisit: number }>();
  for (const r of rows) {
    const b = by.get(r.area_code) ?? { finished: 0, noVisit: 0 };
    b.finished++;
    if (r.no_visit) b.noVisit++;
    by.set(r.area_code, b);
  }
  const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
  const noVisit = rows.filter((r) => r.no_visit).length;
  return {
    from: p.from,
    to: p.to,
    finished: rows.length,
    noVisit,
    rate: rate(noVisit, rows.length),
    areas: [...by.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, b]) => ({ areaCode: code, areaName: names.get(code) ?? code, finished: b.finished, noVisit: b.noVisit, rate: rate(b.noVisit, b.finished) })),
  };
}
