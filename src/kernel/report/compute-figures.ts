import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../identity/actor.ts';
import { hasPermission, userRef } from '../identity/actor.ts';
import { AGGREGATION_NOTES, type RecordKind, type ReportMetric } from './contract.ts';
import { reportSections } from './registry.ts';
import { scopeKey, yearPeriod, type ReportArea } from './report-area.ts';

export type StoredValue = {
  id: string;
  value: number;
  rule: string;
  recordKind: RecordKind;
  recordIds: string[];
  computedAt: Date;
};

export type Figure = {
  code: string;
  label: string;
  unit: string;
  rule: string;
  aggregation: ReportMetric['aggregation'];
  aggregationNote: string;
  kind: ReportMetric['kind'];
  /** null when the reader lacks the metric's permission (then `unavailable` says which). */
  value: number | null;
  unavailable: string | null;
  recordKind: RecordKind;
  recordCount: number;
  computedAt: string | null;
  valueId: string | null;
};

export type FigureSection = { code: string; label: string; metrics: Figure[] };

type Row = { id: string; value: string; rule: string; record_kind: RecordKind; record_ids: string[]; computed_at: Date };
const stored = (r: Row): StoredValue => ({
  id: r.id,
  value: Number(r.value),
  rule: r.rule,
  recordKind: r.record_kind,
  recordIds: r.record_ids,
  computedAt: r.computed_at,
});

/** The newest stored value of a metric for this area, year and reader scope (null when none, or counted by an older rule). */
export async function latestValue(ctx: AppContext, actor: Actor, m: ReportMetric, year: number, area: ReportArea): Promise<StoredValue | null> {
  const r = (
    await sql<Row>`select id, value::text as value, rule, record_kind, record_ids, computed_at from core.report_value
      where year = ${year} and area_code = ${area.code} and metric_code = ${m.code} and scope_key = ${scopeKey(actor, m.permission)}
      order by computed_at desc, id desc limit 1`.execute(ctx.db)
  ).rows[0];
  return r && r.rule === m.rule ? stored(r) : null;
}

/** Compute one metric now (no storing). */
async function computeOne(ctx: AppContext, actor: Actor, m: ReportMetric, year: number, area: ReportArea) {
  const res = await m.query(ctx, { areaCode: area.code, areaPath: area.path, ...yearPeriod(year), actor });
  const ids = [...new Set(res.recordIds)].sort();
  return { value: res.value, recordKind: res.recordKind, recordIds: ids };
}

/**
 * The figures of every section (or one) for a year and area, as this actor may read them. A
 * figure already computed for the same reader scope (and rule) is taken from core.report_value;
 * the others — or all, with `refresh` — are computed and stored in one transaction, each with its
 * rule, the time and the record ids, so a number always links to the records it counted.
 */
export async function computeFigures(
  ctx: AppContext,
  actor: Actor,
  q: { year: number; area: ReportArea; section?: string; refresh?: boolean },
): Promise<FigureSection[]> {
  const sections = reportSections().filter((s) => !q.section || s.code === q.section);
  const out: FigureSection[] = [];
  const inserts: Array<{ m: ReportMetric; fig: Figure; v: { value: number; recordKind: RecordKind; recordIds: string[] } }> = [];
  const now = ctx.clock.now();
  for (const s of sections) {
    const metrics: Figure[] = [];
    for (const m of s.metrics) {
      const base = {
        code: m.code,
        label: m.label,
        unit: m.unit,
        rule: m.rule,
        aggregation: m.aggregation,
        aggregationNote: AGGREGATION_NOTES[m.aggregation],
        kind: m.kind,
      };
      if (!hasPermission(actor, m.permission)) {
        metrics.push({ ...base, value: null, unavailable: `需要「${m.permission}」权限`, recordKind: 'case', recordCount: 0, computedAt: null, valueId: null });
        continue;
      }
      const have = q.refresh ? null : await latestValue(ctx, actor, m, q.year, q.area);
      if (have) {
        metrics.push({
          ...base,
          value: have.value,
          unavailable: null,
          recordKind: have.recordKind,
          recordCount: have.recordIds.length,
          computedAt: have.computedAt.toISOString(),
          valueId: have.id,
        });
        continue;
      }
      const v = await computeOne(ctx, actor, m, q.year, q.area);
      const fig: Figure = {
        ...base,
        value: v.value,
        unavailable: null,
        recordKind: v.recordKind,
        recordCount: v.recordIds.length,
        computedAt: now.toISOString(),
        valueId: uuidv7(),
      };
      metrics.push(fig);
      inserts.push({ m, fig, v });
    }
    out.push({ code: s.code, label: s.label, metrics });
  }
  if (inserts.length) {
    await withTx(ctx, async (tx) => {
      for (const { m, fig, v } of inserts) {
        await sql`insert into core.report_value (id, year, area_code, metric_code, scope_key, value, unit, rule, aggregation, record_kind, record_ids, computed_at, computed_by)
          values (${fig.valueId}, ${q.year}, ${q.area.code}, ${m.code}, ${scopeKey(actor, m.permission)}, ${v.value}, ${m.unit}, ${m.rule}, ${m.aggregation},
            ${v.recordKind}, ${v.recordIds}::text[], ${now}, ${userRef(actor)})`.execute(tx.db);
      }
    });
  }
  return out;
}
