import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs, MetricRecord, MetricResult, ReportMetric } from '../../../kernel/report/index.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { TIPOFF_STATES } from '../contracts/tipoff-labels.ts';
import { enforcementDb } from '../db.ts';

/** 举报 received in the period, of the area and below, that the actor may read (never the informant columns). */
async function received(ctx: AppContext, a: MetricQueryArgs) {
  const like = a.areaPath.replace(/[\\%_]/g, '\\$&') + '.%';
  return enforcementDb(ctx.db)
    .selectFrom('enforcement.tipoff as t')
    .where(inScope(a.actor, P.read, { areaPath: 't.area_path', orgUnitId: 't.org_unit_id' }))
    .where((eb) => eb.or([eb('t.area_path', '=', a.areaPath), eb('t.area_path', 'like', like)]))
    .where('t.received_on', '>=', a.from)
    .where('t.received_on', '<=', a.to)
    .select(['t.id', sql<string | null>`t.replied_on::text`.as('repliedOn')])
    .orderBy('t.ref_no')
    .execute();
}

/** The records list of a 举报 figure: reference, reported party, unit, state and receipt date. */
async function tipoffRecords(ctx: AppContext, actor: Actor, ids: string[]): Promise<MetricRecord[]> {
  if (!ids.length) return [];
  const rows = await enforcementDb(ctx.db)
    .selectFrom('enforcement.tipoff as t')
    .innerJoin('core.org_unit as u', 'u.id', 't.org_unit_id')
    .where('t.id', 'in', ids)
    .where(inScope(actor, P.read, { areaPath: 't.area_path', orgUnitId: 't.org_unit_id' }))
    .select(['t.id', 't.ref_no', 't.reported_party', 't.state', sql<string>`t.received_on::text`.as('received_on'), 'u.name as org'])
    .orderBy('t.ref_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    refNo: r.ref_no,
    title: `举报：${r.reported_party}`,
    type: 'enforcement_tipoff',
    state: r.state,
    stateLabel: TIPOFF_STATES[r.state],
    org: r.org,
    date: r.received_on,
  }));
}

const result = (rs: Array<{ id: string }>): MetricResult => ({ value: rs.length, recordIds: rs.map((r) => r.id), recordKind: 'record' });
type Received = { id: string; repliedOn: string | null };
/** 办结 as of the period's end: replied by then (a reply after the period leaves it 办理中 in that year's figures). */
const closedBy = (r: Received, a: MetricQueryArgs) => !!r.repliedOn && r.repliedOn <= a.to;
const metric = (code: string, label: string, rule: string, keep: (r: Received, a: MetricQueryArgs) => boolean): ReportMetric => ({
  code,
  label,
  rule,
  permission: P.read,
  aggregation: 'sum',
  unit: '件',
  kind: 'count',
  query: async (ctx, a) => result((await received(ctx, a)).filter((r) => keep(r, a))),
  records: tipoffRecords,
});

/** 举报 received in the period / 办结 (replied) by its end / still 办理中 then: closed + in progress = received. */
export const tipoffMetrics: ReportMetric[] = [
  metric('enforcement.tipoffs', '受理举报', '统计年度内收到的举报（门户网站、来访、来电、来信），本地区及下级', () => true),
  metric('enforcement.tipoffs_closed', '举报已办结', '年度内收到、截至期末已作出处理决定（立案或不予立案）并答复举报人的举报', closedBy),
  metric('enforcement.tipoffs_open', '举报办理中', '年度内收到、截至期末尚未答复办结的举报（待核查、已核查、已决定待答复）', (r, a) => !closedBy(r, a)),
];
