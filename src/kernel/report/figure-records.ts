import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { hasPermission } from '../identity/actor.ts';
import { caseReadable } from '../workflow/case-access.ts';
import { registeredWorkflows } from '../workflow/define-workflow.ts';
import type { MetricRecord, RecordKind } from './contract.ts';
import { computeFigures, latestValue } from './compute-figures.ts';
import { metricByCode } from './registry.ts';
import type { ReportArea } from './report-area.ts';

const stateLabel = (type: string, state: string): string => {
  const def = registeredWorkflows().find((d) => d.type === type);
  return (def?.states as Record<string, { label?: string }> | undefined)?.[state]?.label ?? state;
};

export type FigureRecord = MetricRecord;

export type FigureRecordPage = {
  metric: { code: string; label: string; unit: string; rule: string; value: number; computedAt: string; recordKind: RecordKind; recordCount: number };
  items: FigureRecord[];
  total: number;
  page: number;
  pageSize: number;
};

/**
 * The records behind a figure: the ids stored with its newest value (computed now when there is
 * none), listed page by page — and, for cases, only those the actor may still read with the
 * metric's permission (the case read rule), so the list never shows more than the reader's scope.
 */
export async function figureRecords(
  ctx: AppContext,
  actor: Actor,
  q: { code: string; year: number; area: ReportArea; page: number; pageSize: number },
): Promise<FigureRecordPage> {
  const { section, metric } = metricByCode(q.code);
  if (!hasPermission(actor, metric.permission)) throw forbidden(`查看该指标的记录需要「${metric.permission}」权限。`);
  let v = await latestValue(ctx, actor, metric, q.year, q.area);
  if (!v) {
    await computeFigures(ctx, actor, { year: q.year, area: q.area, section: section.code });
    v = (await latestValue(ctx, actor, metric, q.year, q.area))!;
  }
  const offset = (q.page - 1) * q.pageSize;
  let items: FigureRecord[] = [];
  let total = 0;
  if (v.recordKind === 'case') {
    const base = ctx.db
      .selectFrom('core.case as c')
      .where(sql<boolean>`c.id::text = any(${v.recordIds}::text[])`)
      .where(caseReadable(actor, metric.permission));
    total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base
      .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
      .select(['c.id', 'c.ref_no', 'c.title', 'c.type', 'c.state', 'o.name as org', 'c.created_at'])
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(q.pageSize)
      .offset(offset)
      .execute();
    items = rows.map((r) => ({
      id: r.id,
      refNo: r.ref_no,
      title: r.title,
      type: r.type,
      state: r.state,
      stateLabel: stateLabel(r.type, r.state),
      org: r.org,
      date: r.created_at.toISOString(),
    }));
  } else if (v.recordKind === 'record') {
    const all = metric.records
      ? await metric.records(ctx, actor, v.recordIds)
      : v.recordIds.map((id) => ({ id, refNo: id, title: id, type: null, state: null, stateLabel: null, org: null, date: null }));
    total = all.length;
    items = all.slice(offset, offset + q.pageSize);
  } else {
    const like = q.area.path.replace(/[\\%_]/g, '\\$&') + '.%';
    const base = ctx.db
      .selectFrom('core.area as a')
      .where(sql<boolean>`a.code = any(${v.recordIds}::text[])`)
      .where((eb) => eb.or([eb('a.path', '=', q.area.path), eb('a.path', 'like', like)]));
    total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base.select(['a.code', 'a.name', 'a.path']).orderBy('a.path').limit(q.pageSize).offset(offset).execute();
    items = rows.map((r) => ({ id: r.code, refNo: r.code, title: r.name, type: null, state: null, stateLabel: null, org: null, date: null }));
  }
  return {
    metric: {
      code: metric.code,
      label: metric.label,
      unit: metric.unit,
      rule: metric.rule,
      value: v.value,
      computedAt: v.computedAt.toISOString(),
      recordKind: v.recordKind,
      recordCount: v.recordIds.length,
    },
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
