import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { addStatSheet, dateLine, monthCell, periodText, rateCell, timeCell, yuanCell, type FiledBy } from '../../../kernel/documents/index.ts';
import type { DibaoStats } from './dibao-stats.ts';

const KIND: Record<string, string> = { urban: '城市', rural: '农村' };

/** 低保统计 as xlsx: 汇总 (with the 试点对比 statement and 口径), 按地区, 按城乡, 按类型, 月支出, 办理时长. */
export async function dibaoStatsWorkbook(s: DibaoStats, meta: FiledBy & { generatedBy: string; generatedAt: Date }): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '民政法治政务平台';
  wb.created = meta.generatedAt;
  const title = `${periodText(s.from, s.to)}${s.area.name}最低生活保障统计表`;
  const sheet = (name: string, cols: Array<[string, number]>) =>
    addStatSheet(wb, name, { title: `${title}（${name}）`, unit: meta.unit, date: meta.date }, cols);
  const sum = sheet('汇总', [
    ['指标', 30],
    ['数值', 20],
    ['说明', 80],
  ]);
  const p = s.processing;
  for (const r of [
    ['统计地区', s.area.name, s.area.code],
    ['统计区间', `${dateLine(s.from)}至${dateLine(s.to)}`, '办理时长按决定日期；在保数为当前数'],
    ['在保家庭（户）', s.totals.households, ''],
    ['保障人数（人）', s.totals.persons, ''],
    ['月保障金额（元）', yuanCell(s.totals.monthlyCents), '在保家庭当前月待遇合计'],
    ['试点案件数（件）', p.pilot.cases, '乡镇（街道）确认'],
    ['试点平均办理工作日', p.pilot.avgWorkdays ?? '—', ''],
    ['其他案件数（件）', p.others.cases, '县级确认'],
    ['其他平均办理工作日', p.others.avgWorkdays ?? '—', ''],
    ['试点比其他缩短（工作日）', p.differenceWorkdays ?? '—', ''],
    ['试点比其他缩短（比例）', rateCell(p.differencePct === null ? null : p.differencePct / 100), ''],
    ['按时办结率（全部）', rateCell(p.all.onTimeRate), `按时办结${p.all.onTime}件，共${p.all.cases}件`],
    ['试点对比', p.statement, ''],
    ...s.rules.map((r, i) => [`口径 ${i + 1}`, '', r]),
    ['制表人', meta.generatedBy, ''],
    ['制表时间（北京时间）', timeCell(meta.generatedAt), ''],
  ])
    sum.add(r);
  const area = sheet('按地区', [
    ['区划代码', 14],
    ['地区', 20],
    ['在保家庭（户）', 14],
    ['保障人数（人）', 14],
    ['月保障金额（元）', 16],
  ]);
  for (const r of s.byArea) area.add([r.code, r.name, r.households, r.persons, yuanCell(r.monthlyCents)]);
  area.add(['合计', '', s.totals.households, s.totals.persons, yuanCell(s.totals.monthlyCents)]).font = { bold: true };
  const kind = sheet('按城乡', [
    ['城乡类别', 12],
    ['在保家庭（户）', 14],
    ['保障人数（人）', 14],
  ]);
  for (const r of s.byKind) kind.add([KIND[r.kind] ?? r.kind, r.households, r.persons]);
  const type = sheet('按类型', [
    ['家庭类型', 14],
    ['在保家庭（户）', 14],
    ['保障人数（人）', 14],
  ]);
  for (const r of s.byType) type.add([r.type, r.households, r.persons]);
  const sp = sheet('月支出', [
    ['月份', 12],
    ['支出（元）', 16],
    ['来源', 12],
  ]);
  for (const r of s.spending) sp.add([monthCell(r.month), yuanCell(r.cents), r.source]);
  const pt = sheet('办理时长', [
    ['县（区）', 14],
    ['确认层级', 14],
    ['案件数（件）', 10],
    ['平均工作日', 12],
    ['按时办结率', 12],
  ]);
  for (const r of p.byCounty) pt.add([r.name, r.authority === 'township' ? '乡镇（试点）' : '县级', r.cases, r.avgWorkdays ?? '—', rateCell(r.onTimeRate)]);
  pt.add(['试点合计', '乡镇', p.pilot.cases, p.pilot.avgWorkdays ?? '—', rateCell(p.pilot.onTimeRate)]).font = { bold: true };
  pt.add(['其他合计', '县级', p.others.cases, p.others.avgWorkdays ?? '—', rateCell(p.others.onTimeRate)]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
