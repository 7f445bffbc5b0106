import ExcelJS from 'exceljs';
import type { ReportRun } from './generate-report.ts';

/** The report's appendix: every figure with its unit, previous year and 同比, 口径, aggregation note, record count and computed time. */
export async function reportAppendix(run: ReportRun): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政法治政务平台';
  wb.created = new Date(run.generatedAt);
  const ws = wb.addWorksheet('指标及口径');
  ws.columns = [
    { header: '指标代码', key: 'code', width: 30 },
    { header: '指标', key: 'label', width: 30 },
    { header: '数值', key: 'value', width: 12 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '统计口径', key: 'rule', width: 80 },
    { header: '汇总方式', key: 'agg', width: 34 },
    { header: '来源记录数', key: 'records', width: 12 },
    { header: '计算时间', key: 'at', width: 26 },
    { header: '上年数值', key: 'prev', width: 12 },
    { header: '同比', key: 'yoy', width: 40 },
  ];
  for (const f of run.figures)
    ws.addRow({
      code: f.code,
      label: f.label,
      value: f.value,
      unit: f.unit,
      prev: f.previous?.value ?? null,
      yoy: f.previous?.text ?? '',
      rule: f.rule,
      agg: f.aggregationNote,
      records: f.recordCount,
      at: f.computedAt,
    });
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (let i = 2; i <= ws.rowCount; i++) ws.getRow(i).getCell('rule').alignment = { wrapText: true, vertical: 'top' };
  const info = wb.addWorksheet('生成信息');
  info.columns = [
    { header: '项目', width: 16 },
    { header: '内容', width: 60 },
  ];
  info.addRows([
    ['报告', run.text.title],
    ['年度', run.year],
    ['地区', `${run.area.name}(${run.area.code})`],
    ['模板版本', run.templateVersion === 0 ? '内置模板（未修改）' : `第 ${run.templateVersion} 版`],
    ['生成时间', run.generatedAt],
    ['报告编号', run.id],
    ['未能填入的指标', run.missing.join('、') || '无'],
  ]);
  info.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
