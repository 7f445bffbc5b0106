import ExcelJS from 'exceljs';
import { yuanNumber } from '../../../platform/money.ts';
import type { DibaoStats } from './dibao-stats.ts';

const KIND: Record<string, string> = { urban: '城市', rural: '农村' };
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 低保统计 as xlsx: 汇总 (with the 试点对比 statement and 口径), 按地区, 按城乡, 按类型, 月支出, 办理时长. */
export async function dibaoStatsWorkbook(s: DibaoStats, meta: { generatedBy: string; generatedAt: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政法治政务平台';
  wb.created = meta.generatedAt;
  const sheet = (name: string, cols: Array<[string, number]>) => {
    const ws = wb.addWorksheet(name);
    ws.columns = cols.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };
  const sum = sheet('汇总', [
    ['指标', 30],
    ['数值', 20],
    ['说明', 80],
  ]);
  const p = s.processing;
  for (const r of [
    ['统计地区', s.area.name, s.area.code],
    ['统计区间', `${s.from} 至 ${s.to}`, '办理时长按决定日期;在保数为当前数'],
    ['在保家庭(户)', s.totals.households, ''],
    ['保障人数(人)', s.totals.persons, ''],
    ['月保障金额(元)', yuanNumber(s.totals.monthlyCents), '在保家庭当前月待遇合计'],
    ['试点案件数', p.pilot.cases, '乡镇(街道)确认'],
    ['试点平均办理工作日', p.pilot.avgWorkdays ?? '—', ''],
    ['其他案件数', p.others.cases, '县级确认'],
    ['其他平均办理工作日', p.others.avgWorkdays ?? '—', ''],
    ['试点比其他缩短(工作日)', p.differenceWorkdays ?? '—', p.differencePct === null ? '' : `${p.differencePct}%`],
    ['按时办结率(全部)', pct(p.all.onTimeRate), `${p.all.onTime}/${p.all.cases}`],
    ['试点对比', p.statement, ''],
    ...s.rules.map((r, i) => [`口径 ${i + 1}`, '', r]),
    ['制表', meta.generatedBy, meta.generatedAt.toISOString()],
  ] as Array<[string, string | number, string]>)
    sum.addRow(r);
  const area = sheet('按地区', [
    ['区划代码', 14],
    ['地区', 20],
    ['在保家庭(户)', 14],
    ['保障人数(人)', 14],
    ['月保障金额(元)', 16],
  ]);
  for (const r of s.byArea) area.addRow([r.code, r.name, r.households, r.persons, yuanNumber(r.monthlyCents)]);
  area.addRow(['合计', '', s.totals.households, s.totals.persons, yuanNumber(s.totals.monthlyCents)]).font = { bold: true };
  const kind = sheet('按城乡', [
    ['城乡类别', 12],
    ['在保家庭(户)', 14],
    ['保障人数(人)', 14],
  ]);
  for (const r of s.byKind) kind.addRow([KIND[r.kind] ?? r.kind, r.households, r.persons]);
  const type = sheet('按类型', [
    ['家庭类型', 14],
    ['在保家庭(户)', 14],
    ['保障人数(人)', 14],
  ]);
  for (const r of s.byType) type.addRow([r.type, r.households, r.persons]);
  const sp = sheet('月支出', [
    ['月份', 10],
    ['支出(元)', 16],
    ['来源', 12],
  ]);
  for (const r of s.spending) sp.addRow([r.month, yuanNumber(r.cents), r.source]);
  const pt = sheet('办理时长', [
    ['县(区)', 14],
    ['确认层级', 14],
    ['案件数', 10],
    ['平均工作日', 12],
    ['按时办结率', 12],
  ]);
  for (const r of p.byCounty) pt.addRow([r.name, r.authority === 'township' ? '乡镇(试点)' : '县级', r.cases, r.avgWorkdays ?? '—', pct(r.onTimeRate)]);
  pt.addRow(['试点合计', '乡镇', p.pilot.cases, p.pilot.avgWorkdays ?? '—', pct(p.pilot.onTimeRate)]).font = { bold: true };
  pt.addRow(['其他合计', '县级', p.others.cases, p.others.avgWorkdays ?? '—', pct(p.others.onTimeRate)]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
