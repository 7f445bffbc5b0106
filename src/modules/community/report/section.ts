import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { DUTY_TYPE, STATION_TYPE, type StationKind } from '../contract.ts';
import { standingOn } from '../stations/station-stats.ts';

/**
 * 城乡社区 section of the annual report (seed report: “建设城乡社区服务站529个(城市69个,农村460个)”,
 * “细化制定社区职责清单60项”). Stations count at the end of the period (built by then, not yet
 * 撤销) over the area and its sub-areas; the duty list counts the items in force in the area.
 */
const likeUnder = (path: string) => path.replace(/[\\%_]/g, '\\$&') + '.%';
const caseIds = (ids: Array<{ id: string }>): MetricResult => ({ value: ids.length, recordIds: ids.map((r) => r.id), recordKind: 'case' });

const readableIn = (ctx: AppContext, a: MetricQueryArgs, type: string) =>
  ctx.db
    .selectFrom('core.case as c')
    .select('c.id')
    .where('c.type', '=', type)
    .where(caseReadable(a.actor, 'community.read'))
    .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', likeUnder(a.areaPath))]));

async function stations(ctx: AppContext, a: MetricQueryArgs, kind?: StationKind) {
  const rows = await sql<{ id: string }>`select c.id from community.station s join core.case c on c.id = s.case_id
    where c.id in (${readableIn(ctx, a, STATION_TYPE)}) and ${standingOn(a.to)} and (${kind ?? null}::text is null or s.kind = ${kind ?? null})
    order by s.county_code, s.name`.execute(ctx.db);
  return caseIds(rows.rows);
}

const RULE_STATIONS = '统计期末报告地区（含下辖各地）已建成、未撤销的社区综合服务站（含暂停服务的），本人可查看的。';

const metric = (m: Omit<ReportMetric, 'permission' | 'kind' | 'unit'> & Partial<ReportMetric>): ReportMetric => ({
  permission: 'community.read',
  kind: 'count',
  unit: '个',
  ...m,
});

export const communityReportSection: ReportSection = {
  code: 'community',
  label: '城乡社区',
  metrics: [
    metric({ code: 'community.stations', label: '城乡社区综合服务站', aggregation: 'sum', rule: RULE_STATIONS, query: (ctx, a) => stations(ctx, a) }),
    metric({
      code: 'community.stations_urban',
      label: '其中：城市社区服务站',
      aggregation: 'sum',
      rule: RULE_STATIONS,
      query: (ctx, a) => stations(ctx, a, 'urban'),
    }),
    metric({
      code: 'community.stations_rural',
      label: '其中：农村社区服务站',
      aggregation: 'sum',
      rule: RULE_STATIONS,
      query: (ctx, a) => stations(ctx, a, 'rural'),
    }),
    metric({
      code: 'community.duties',
      label: '社区工作事项清单',
      unit: '项',
      aggregation: 'own',
      rule: '统计期末报告地区本级及上级已准入、未移出的清单事项（自治区清单在各地适用），本人可查看的。',
      async query(ctx, a) {
        const ancestors = a.areaPath.split('.').map((_, i, p) => p.slice(0, i + 1).join('.'));
        const ids = (
          await ctx.db
            .selectFrom('core.case as c')
            .select('c.id')
            .where('c.type', '=', DUTY_TYPE)
            .where('c.area_path', 'in', ancestors)
            .where(caseReadable(a.actor, 'community.read'))
            .execute()
        ).map((r) => r.id);
        const end = sql`((${a.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
        const rows = await sql<{ id: string }>`select c.id from community.duty d join core.case c on c.id = d.case_id
          where c.id = any(${ids}::uuid[])
            and exists (select 1 from core.case_event e where e.case_id = c.id and e.transition = 'admit' and e.at < ${end})
            and not exists (select 1 from core.case_event e where e.case_id = c.id and e.transition = 'remove' and e.at < ${end})
          order by d.seq nulls last, c.created_at`.execute(ctx.db);
        return caseIds(rows.rows);
      },
    }),
    metric({
      code: 'community.duty_requests',
      label: '社区工作事项准入申请',
      unit: '件',
      aggregation: 'sum',
      rule: '统计年度内向报告地区（含下辖各地）提出的社区工作事项准入申请（不含自治区清单原有事项），本人可查看的。',
      async query(ctx, a) {
        const ids = (await readableIn(ctx, a, DUTY_TYPE).execute()).map((r) => r.id);
        const rows = await sql<{ id: string }>`select c.id from community.duty d join core.case c on c.id = d.case_id
          where c.id = any(${ids}::uuid[]) and d.seq is null
            and (c.created_at at time zone 'Asia/Shanghai')::date between ${a.from}::date and ${a.to}::date order by c.created_at`.execute(ctx.db);
        return caseIds(rows.rows);
      },
    }),
  ],
};
