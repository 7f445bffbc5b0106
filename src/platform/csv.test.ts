import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, parseCsvRecords } from './csv.ts';

describe('parseCsv', () => {
  it('handles BOM, CRLF, quotes and embedded commas/newlines', () => {
    const text = '\ufeffa,b\r\n"x,1","say ""hi"""\r\n"multi\nline",\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x,1', 'say "hi"'],
      ['multi\nline', ''],
    ]);
  });
  it('numbers records by file line and trims values', () => {
    const { header, records } = parseCsvRecords('code,name\n640000, 宁夏 \n\n640100,银川市');
    expect(header).toEqual(['code', 'name']);
    expect(records).toEqual([
      { line: 2, values: { code: '640000', name: '宁夏' } },
      { line: 4, values: { code: '640100', name: '银川市' } },
    ]);
  });
  it('counts lines inside quoted fields', () => {
    const { records } = parseCsvRecords('a,b\n"x\ny",1\nz,2\n');
    expect(records.map((r) => r.line)).toEqual([2, 4]);
  });
  it('round-trips quoted cells', () => {
    const cells = ['plain', 'a,b', 'q"q', 'l\nl', null];
    expect(parseCsv(cells.map(csvCell).join(',') + '\n')).toEqual([['plain', 'a,b', 'q"q', 'l\nl', '']]);
  });
});
