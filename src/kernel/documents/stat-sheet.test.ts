import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addStatSheet, dateCell, monthCell, periodText, rateCell, timeCell, yuanCell } from './stat-sheet.ts';

describe('addStatSheet', () => {
  it('writes the title, 填报单位 and 填报日期 above the header, and figures as numbers with their formats', async () => {
    const wb = new ExcelJS.Workbook();
    const t = addStatSheet(wb, '按地区', { title: '2019年度隆德县信访事项统计表', unit: '隆德县民政局', date: '2026-12-07' }, [
      ['地区', 20],
      ['件数'],
      ['按期办结率'],
      ['金额（元）'],
      ['登记日期'],
      ['月份'],
      ['导出时间'],
    ]);
    t.add(['城关镇', 12, rateCell(0.9167), yuanCell(123450), dateCell('2019-12-31'), monthCell('2019-03'), timeCell('2019-12-31T16:30:00Z')]);
    t.add(['合计', 0, rateCell(null), yuanCell(0), dateCell(null), monthCell('2019-04'), timeCell(null)]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet('按地区')!;
    expect(ws.getCell('A1').value).toBe('2019年度隆德县信访事项统计表');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('G1').isMerged && ws.getCell('G1').master.address).toBe('A1');
    expect(ws.getCell('A2').value).toBe('填报单位：隆德县民政局');
    expect(ws.getCell('E2').value).toBe('填报日期：2026年12月7日');
    expect(ws.getRow(3).values).toEqual([undefined, '地区', '件数', '按期办结率', '金额（元）', '登记日期', '月份', '导出时间']);
    const row = ws.getRow(4);
    expect(row.getCell(2).value).toBe(12);
    expect(row.getCell(3).value).toBe(0.9167);
    expect(row.getCell(3).numFmt).toBe('0.0%');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(4).value).toBe(1234.5);
    expect(row.getCell(4).numFmt).toBe('#,##0.00');
    expect(row.getCell(5).value).toEqual(new Date('2019-12-31T00:00:00Z'));
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(6).numFmt).toBe('yyyy"年"m"月"');
    // 16:30 UTC is 00:30 the next day in Beijing: the cell shows Beijing time.
    expect(row.getCell(7).value).toEqual(new Date('2020-01-01T00:30:00Z'));
    expect(ws.getRow(5).getCell(3).value).toBe('—');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('names the period as 2019年度 for a calendar year, else by its dates', () => {
    expect(periodText('2019-01-01', '2019-12-31')).toBe('2019年度');
    expect(periodText('2019-01-01', '2019-06-30')).toBe('2019年1月1日至2019年6月30日');
  });
});
