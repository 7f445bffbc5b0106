import type { AppContext } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import type { MetricQueryArgs, MetricResult, ReportMetric, ReportSection } from '../../../kernel/report/index.ts';
import { petitionReportRows, type PetitionReportRow } from './report-rows.ts';

/**
 * 信访 section of the annual report (年度法治政府建设报告「依法有效化解社会矛盾」): the figures of
 * the paragraph “民政厅登记办理各类信访件 63 件,接待群众来信来访 53 批 150 余人次,其中自治区信访局
 * …转办交办 40 件,办理民政部…转送信访件 19 件,均已办结” and the 转送、交办、督办 and 按期办结 counts.
 * All counted over the petitions registered by the area's own org units (report-rows.ts): the
 * region's figure is the 民政厅's own, not the sum of the cities and counties.
 */
const OWN = '统计年度内由本级机关登记（编号 XF-本级区划代码-…）且本人可查看的信访事项';

async function rows(ctx: AppContext, a: MetricQueryArgs): Promise<PetitionReportRow[]> {
  const start = chinaMidnight(a.from);
  const end = new Date(chinaMidnight(a.to).getTime() + 86_400_000);
  return (await petitionReportRows(ctx, a.actor, { start, end, areaCode: a.areaCode }).execute()) as PetitionReportRow[];
}

const count =
  (keep: (r: PetitionReportRow) => boolean) =>
  async (ctx: AppContext, a: MetricQueryArgs): Promise<MetricResult> => {
    const ids = (await rows(ctx, a)).filter(keep).map((r) => r.id);
    return { value: ids.length, recordIds: ids, recordKind: 'case' };
  };

const sumOver =
  (field: 'batches' | 'persons') =>
  async (ctx: AppContext, a: MetricQueryArgs): Promise<MetricResult> => {
    const rs = (await rows(ctx, a)).filter((r) => r.channel === '来信' || r.channel === '来访');
    return { value: rs.reduce((s, r) => s + Number(r[field]), 0), recordIds: rs.map((r) => r.id), recordKind: 'case' };
  };

const metric = (m: Omit<ReportMetric, 'permission' | 'aggregation'> & { aggregation?: ReportMetric['aggregation'] }): ReportMetric => ({
  permission: 'petition.read',
  aggregation: 'own',
  ...m,
});

export const petitionReportSection: ReportSection = {
  code: 'petitions',
  label: '信访工作',
  metrics: [
    metric({
      code: 'petitions.total',
      label: '登记办理信访件',
      unit: '件',
      kind: 'count',
      rule: `${OWN}件数（来信、来访、网上、电话各渠道）。`,
      query: count(() => true),
    }),
    metric({
      code: 'petitions.batches',
      label: '接待群众来信来访（批次）',
      unit: '批',
      kind: 'sum',
      rule: `${OWN}中来信、来访件的批次之和（未填批次按 1 批计）。`,
      query: sumOver('batches'),
    }),
    metric({
      code: 'petitions.persons',
      label: '接待群众来信来访（人次）',
      unit: '人次',
      kind: 'sum',
      rule: `${OWN}中来信、来访件的人次之和（未填人数按 1 人次计）。`,
      query: sumOver('persons'),
    }),
    metric({
      code: 'petitions.from_xfj',
      label: '自治区信访局转办交办',
      unit: '件',
      kind: 'count',
      rule: `${OWN}中来源为自治区信访局（通过信访信息系统转办、交办）的件数。`,
      query: count((r) => r.source_body === '自治区信访局'),
    }),
    metric({
      code: 'petitions.from_mca',
      label: '民政部信访信息系统转送',
      unit: '件',
      kind: 'count',
      rule: `${OWN}中来源为民政部（通过民政部信访信息系统转送）的件数。`,
      query: count((r) => r.source_body === '民政部'),
    }),
    metric({
      code: 'petitions.transferred',
      label: '转送有权处理机关',
      unit: '件',
      kind: 'count',
      rule: `${OWN}中由本级机关转送（转办）其他机关的件数，撤回的不计（《信访条例》（2005）第二十一条）。`,
      query: count((r) => r.transferred),
    }),
    metric({
      code: 'petitions.assigned',
      label: '交办',
      unit: '件',
      kind: 'count',
      rule: `${OWN}中由本级机关交办下级机关并要求反馈结果的件数，撤回的不计（《信访条例》（2005）第二十一条第一款第（四）项）。`,
      query: count((r) => r.assigned),
    }),
    metric({
      code: 'petitions.supervised',
      label: '督办',
      unit: '件',
      kind: 'count',
      rule: `${OWN}中由本级机关发出督办的件数（一件多次督办按 1 件计）。`,
      query: count((r) => r.supervised),
    }),
    metric({
      code: 'petitions.concluded',
      label: '已办结',
      unit: '件',
      kind: 'count',
      rule: `${OWN}中已办结的件数（办结、终结、不予受理）。`,
      query: count((r) => r.terminal),
    }),
    metric({
      code: 'petitions.on_time_rate',
      label: '按期办结率',
      unit: '%',
      kind: 'rate',
      aggregation: 'ratio',
      rule: `${OWN}中，按期办结件数 ÷ 已办结件数 × 100%（按期：甄别受理、办理、复查、复核各期限均未超期；签收、督办反馈期限不计；无办结件时为 0）。记录为已办结件。`,
      async query(ctx, a) {
        const done = (await rows(ctx, a)).filter((r) => r.terminal);
        const onTime = done.filter((r) => r.on_time).length;
        return { value: done.length ? Math.round((onTime / done.length) * 1000) / 10 : 0, recordIds: done.map((r) => r.id), recordKind: 'case' };
      },
    }),
  ],
};
