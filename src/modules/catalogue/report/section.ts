import { sql } from 'kysely';
import type { MetricQueryArgs, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import type { AppContext } from '../../../platform/context.ts';
import { currentVersion } from '../queries/current-version.ts';
import { readableArea } from '../queries/powers.ts';

const records = (rows: Array<{ id: string }>): MetricResult => ({ value: rows.length, recordIds: rows.map((r) => r.id), recordKind: 'record' });
const within = (col: string, a: MetricQueryArgs) =>
  sql`(${sql.ref(col)} = ${a.areaPath} or ${sql.ref(col)} like ${a.areaPath.replace(/[\\%_]/g, (c) => '\\' + c) + '.%'})`;

/** Powers in force at the end of the period, of the area and below, that the actor may read; optionally of one type. */
async function powersInForce(ctx: AppContext, a: MetricQueryArgs, type?: string) {
  return (
    await sql<{ id: string }>`select p.id from catalogue.power p join catalogue.office o on o.id = p.office_id
      where ${within('p.area_path', a)} and ${readableArea(a.actor, 'p.area_path', 'o.org_unit_id')} and p.valid_from <= ${a.to}
        and (p.transferred_on is null or p.transferred_on > ${a.to}) ${type ? sql`and p.type_code = ${type}` : sql``} order by p.code`.execute(ctx.db)
  ).rows;
}

async function supervision(ctx: AppContext, a: MetricQueryArgs, kind: string) {
  return (
    await sql<{ id: string }>`select s.id from catalogue.supervision_item s join catalogue.office o on o.id = s.office_id
      where s.kind = ${kind} and s.status = 'approved' and s.reviewed_at::date <= ${a.to} and ${within('s.area_path', a)}
        and ${readableArea(a.actor, 's.area_path', 'o.org_unit_id')} order by s.code`.execute(ctx.db)
  ).rows;
}

const POWER_TYPES: Array<[string, string, string]> = [
  ['xk', '01', '行政许可'],
  ['cf', '02', '行政处罚'],
  ['qz', '03', '行政强制'],
  ['jc', '06', '行政检查'],
  ['qr', '07', '行政确认'],
  ['jl', '08', '行政奖励'],
  ['cj', '09', '行政裁决'],
];

const base = { permission: 'catalogue.read' } as const;

const metrics: ReportMetric[] = [
  {
    ...base,
    code: 'catalogue.items',
    label: '政务服务事项基本目录事项数',
    unit: '项',
    rule: '期末有效的已发布基本目录版本中的事项（主项、子项、业务办理项各计一项）；基本目录由自治区统一编制，四级相同。',
    aggregation: 'own',
    kind: 'count',
    async query(ctx, a) {
      const v = await currentVersion(ctx.db, a.to);
      if (!v) return records([]);
      return records((await sql<{ id: string }>`select id from catalogue.item where version_id = ${v.id} order by sort, base_code`.execute(ctx.db)).rows);
    },
  },
  {
    ...base,
    code: 'catalogue.powers',
    label: '权责清单事项数',
    unit: '项',
    rule: '期末在册的权力事项（已生效、未划转），本地区及下级实施主体。',
    aggregation: 'sum',
    kind: 'count',
    query: async (ctx, a) => records(await powersInForce(ctx, a)),
  },
  ...POWER_TYPES.map(([k, code, label]): ReportMetric => ({
    ...base,
    code: `catalogue.powers_${k}`,
    label: `权责清单：${label}`,
    unit: '项',
    rule: `期末在册的${label}类权力事项（事项类型代码 ${code}）。`,
    aggregation: 'sum',
    kind: 'count',
    query: async (ctx, a) => records(await powersInForce(ctx, a, code)),
  })),
  {
    ...base,
    code: 'catalogue.powers_transferred',
    label: '划转的权力事项',
    unit: '项',
    rule: '期内划转至其他单位的权力事项。',
    aggregation: 'sum',
    kind: 'count',
    async query(ctx, a) {
      return records(
        (
          await sql<{ id: string }>`select p.id from catalogue.power p join catalogue.office o on o.id = p.office_id
            where p.transferred_on between ${a.from} and ${a.to} and ${within('p.area_path', a)}
              and ${readableArea(a.actor, 'p.area_path', 'o.org_unit_id')} order by p.code`.execute(ctx.db)
        ).rows,
      );
    },
  },
  {
    ...base,
    code: 'catalogue.supervision_items',
    label: '互联网+监管 监管事项目录清单',
    unit: '项',
    rule: '期末已审核通过的监管事项目录清单事项（谁监管、谁录入、谁审核）。',
    aggregation: 'sum',
    kind: 'count',
    query: async (ctx, a) => records(await supervision(ctx, a, '目录清单')),
  },
  {
    ...base,
    code: 'catalogue.inspection_items',
    label: '互联网+监管 检查实施清单',
    unit: '项',
    rule: '期末已审核通过的检查实施清单事项。',
    aggregation: 'sum',
    kind: 'count',
    query: async (ctx, a) => records(await supervision(ctx, a, '检查实施清单')),
  },
  {
    ...base,
    code: 'catalogue.no_visit_rate',
    label: '政务服务事项“不见面”率',
    unit: '%',
    rule: '实施清单中办理深度为全程网办且跑动次数为0的事项占在实施事项的比例（本地区及下级全部清单重新计算）；来源记录为不见面事项。',
    aggregation: 'ratio',
    kind: 'rate',
    async query(ctx, a) {
      const rows = (
        await sql<{ id: string; none: boolean }>`select m.id, (m.depth = '全程网办' and m.visits = 0) as none from catalogue.implementation m
          where m.status = 'active' and m.created_at::date <= ${a.to} and ${within('m.area_path', a)}
            and ${readableArea(a.actor, 'm.area_path', 'm.org_unit_id')}`.execute(ctx.db)
      ).rows;
      const none = rows.filter((r) => r.none);
      return { value: rows.length ? Math.round((none.length / rows.length) * 1000) / 10 : 0, recordIds: none.map((r) => r.id), recordKind: 'record' };
    },
  },
];

/** 政务服务事项 figures of the annual report. */
export const catalogueReportSection: ReportSection = { code: 'catalogue', label: '政务服务事项', metrics };
