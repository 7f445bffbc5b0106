import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { addStatSheet, dateLine, periodText, rateCell, timeCell, type FiledBy, type SheetHead, type StatCell } from '../../../kernel/documents/index.ts';
import type { Dimension, Measures, PetitionStats, StatRow } from './petition-stats.ts';

/** Sheet names (Chinese) per dimension, in the order they appear in the workbook. */
export const DIMENSION_SHEETS: Record<Dimension, { sheet: string; key: string }> = {
  period: { sheet: '按时间', key: '统计期' },
  channel: { sheet: '按渠道', key: '信访渠道' },
  source: { sheet: '按来源', key: '来源（转办机关）' },
  area: { sheet: '按地区', key: '问题发生地' },
  category: { sheet: '按类别', key: '信访类别' },
  subject: { sheet: '按业务', key: '涉及业务' },
  outcome: { sheet: '按处理结果', key: '处理结果' },
  state: { sheet: '按办理状态', key: '办理状态' },
};

/** Measure columns of every dimension sheet (Chinese headers). */
export const MEASURE_COLUMNS: Array<{ header: string; get: (m: Measures) => StatCell }> = [
  { header: '件数', get: (m) => m.items },
  { header: '来信来访批次', get: (m) => m.batches },
  { header: '来信来访人次', get: (m) => m.persons },
  { header: '办结件数', get: (m) => m.concluded },
  { header: '按期办结件数', get: (m) => m.concludedOnTime },
  { header: '按期办结率', get: (m) => rateCell(m.onTimeRate) },
  { header: '已评价件数', get: (m) => m.rated },
  { header: '满意及基本满意件数', get: (m) => m.satisfied },
  { header: '满意率', get: (m) => rateCell(m.satisfactionRate) },
  { header: '重信重访件数', get: (m) => m.repeat },
  { header: '越级件数', get: (m) => m.skipLevel },
];

/** The report paragraph's sentence, filled in from the figures (also shown on the dashboard). */
export function reportSentence(s: PetitionStats): string {
  const r = s.report;
  const done = r.allConcluded ? '均已办结' : `已办结${r.concluded}件`;
  return (
    `${dateLine(s.from)}至${dateLine(s.to)}，${r.areaName}民政部门登记办理各类信访件${r.items}件，接待群众来信来访${r.letterVisitBatches}批${r.letterVisitPersons}人次，` +
    `其中自治区信访局通过信访信息系统转办交办${r.fromXfj}件，办理民政部信访信息系统转办信访件${r.fromMca}件，${done}。`
  );
}

/** The statistics as an xlsx workbook: a summary sheet with the report's figures, then one sheet per dimension. */
export async function statsWorkbook(s: PetitionStats, meta: FiledBy & { generatedBy: string; generatedAt: string }): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '民政法治政务平台';
  wb.created = new Date(meta.generatedAt);
  const title = `${periodText(s.from, s.to)}${s.area?.name ?? s.report.areaName}信访事项统计表`;
  const head = (sheet: string): SheetHead => ({ title: `${title}（${sheet}）`, unit: meta.unit, date: meta.date });

  const sum = addStatSheet(wb, '汇总', head('汇总'), [
    ['指标', 36],
    ['数值', 16],
    ['口径', 70],
  ]);
  const m = s.summary;
  const r = s.report;
  const lines: StatCell[][] = [
    ['统计区间', `${dateLine(s.from)}至${dateLine(s.to)}`, '按登记日期（北京时间）'],
    [
      '统计范围',
      `${s.area ? s.area.name : '本人可查看的全部信访事项'}${s.category ? `（仅${s.category}类）` : ''}`,
      '数据范围：本级及下级，及本单位转出的事项',
    ],
    ['信访件数（件）', m.items, '登记的信访事项件数'],
    ['来信来访批次（批）', m.batches, '来信、来访事项的批次之和（未填按 1 批）'],
    ['来信来访人次（人次）', m.persons, '来信、来访事项的人数之和（未填按 1 人）'],
    ['办结件数（件）', m.concluded, '办结、终结、不予受理'],
    ['办结率', rateCell(m.concludedRate), '办结件数 / 信访件数'],
    ['按期办结件数（件）', m.concludedOnTime, '办结且甄别受理、办理、简易办理、复查、复核期限均未超期'],
    ['按期办结率', rateCell(m.onTimeRate), '按期办结件数 / 办结件数'],
    ['已评价件数（件）', m.rated, '信访人作出满意度评价的件数'],
    ['满意率', rateCell(m.satisfactionRate), '（满意 + 基本满意）/ 已评价件数'],
    ['重信重访（件）', m.repeat, '登记时识别为同人同事的件数'],
    ['越级（件）', m.skipLevel, '越级走访件数'],
    [],
    ['年度报告口径', '', reportSentence(s)],
    [`${r.areaName}登记办理信访件（件）`, r.items, '本级单位登记（编号中的区划代码为本级）的信访事项'],
    ['接待来信来访（批）', r.letterVisitBatches, '本级登记的来信、来访事项批次之和'],
    ['接待来信来访（人次）', r.letterVisitPersons, '本级登记的来信、来访事项人数之和'],
    ['自治区信访局转办交办（件）', r.fromXfj, '来源为自治区信访局'],
    ['民政部转办（件）', r.fromMca, '来源为民政部'],
    ['12345 转办（件）', r.from12345, '来源为 12345 热线'],
    ['已办结（件）', r.concluded, r.allConcluded ? '均已办结' : '办结、终结、不予受理'],
  ];
  for (const l of lines) sum.add(l);
  sum.sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  for (const [dim, spec] of Object.entries(DIMENSION_SHEETS) as Array<[Dimension, { sheet: string; key: string }]>) {
    const t = addStatSheet(wb, spec.sheet, head(spec.sheet), [
      [spec.key, 20],
      ...MEASURE_COLUMNS.map((c): [string, number] => [c.header, Math.max(10, c.header.length * 2 + 2)]),
    ]);
    const rows: StatRow[] = s.dimensions[dim];
    for (const row of rows) t.add([row.label, ...MEASURE_COLUMNS.map((c) => c.get(row))]);
    t.add(['合计', ...MEASURE_COLUMNS.map((c) => c.get(s.summary))]).font = { bold: true };
  }
  const info = addStatSheet(wb, '说明', head('说明'), [
    ['项目', 16],
    ['内容', 60],
  ]);
  info.add(['导出人', meta.generatedBy]);
  info.add(['导出时间（北京时间）', timeCell(meta.generatedAt)]);
  info.add(['数据来源', '民政法治政务平台信访事项的登记、办理和期限记录']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `信访统计_2019-01-01_2019-12-31.xlsx` (with the drill area's name when one is chosen). */
export function statsFileName(s: PetitionStats): string {
  return `信访统计_${s.area ? `${s.area.name}_` : ''}${s.from}_${s.to}.xlsx`;
}
