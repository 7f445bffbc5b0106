import { loadExcelJS } from '../../platform/load-exceljs.ts';
import { addStatSheet, timeCell, type FiledBy, type StatCell } from '../documents/index.ts';
import type { ReportRun } from './generate-report.ts';

/** The report's appendix (title and 填报单位 rows above the header): every figure with its unit, previous year and 同比, 口径, aggregation note, record count and computed time. */
export async function reportAppendix(run: ReportRun, filed: FiledBy): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '民政法治政务平台';
  wb.created = new Date(run.generatedAt);
  const title = `${run.year}年度${run.area.name}法治政府建设情况报告指标及口径表`;
  const ws = addStatSheet(wb, '指标及口径', { title, ...filed }, [
    ['指标代码', 30],
    ['指标', 30],
    ['数值', 12],
    ['单位', 8],
    ['统计口径', 80],
    ['汇总方式', 34],
    ['来源记录数', 12],
    ['计算时间（北京时间）', 22],
    ['上年数值', 12],
    ['同比', 40],
  ]);
  for (const f of run.figures) {
    const row = ws.add([
      f.code,
      f.label,
      f.value,
      f.unit,
      f.rule,
      f.aggregationNote,
      f.recordCount,
      timeCell(f.computedAt),
      f.previous?.value ?? null,
      f.previous?.text ?? '',
    ]);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  }
  const info = addStatSheet(wb, '生成信息', { title: `${title}（生成信息）`, ...filed }, [
    ['项目', 16],
    ['内容', 60],
  ]);
  for (const r of [
    ['报告', run.text.title],
    ['年度', run.year],
    ['地区', `${run.area.name}（${run.area.code}）`],
    ['模板版本', run.templateVersion === 0 ? '内置模板（未修改）' : `第 ${run.templateVersion} 版`],
    ['生成时间（北京时间）', timeCell(run.generatedAt)],
    ['报告编号', run.id],
    ['未能填入的指标', run.missing.join('、') || '无'],
  ] satisfies StatCell[][])
    info.add(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
