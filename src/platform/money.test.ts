import { describe, expect, it } from 'vitest';
import { centsFromYuan, yuanGrouped, yuanNumber, yuanText } from './money.ts';

describe('money', () => {
  it('writes 元 with two decimals, as the copies it replaces did', () => {
    for (const c of [0, 1, 5, 99, 100, 12_345, 123_456_789, -1, -250, 7_777_777_777]) expect(yuanText(c)).toBe((c / 100).toFixed(2));
    expect(yuanText(58_050)).toBe('580.50');
    expect(yuanText(-5)).toBe('-0.05');
  });

  it('groups thousands as zh-CN does', () => {
    for (const c of [0, 5, 99_999, 100_000, 123_456_789, -123_456_789, 100_000_000_000])
      expect(yuanGrouped(c)).toBe((c / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    expect(yuanGrouped(123_456_789)).toBe('1,234,567.89');
  });

  it('rounds a fractional cent before writing it', () => {
    expect(yuanText(1234.5)).toBe('12.35');
    expect(yuanText(-1234.5)).toBe('-12.35');
    expect(yuanNumber(1234.4)).toBe(12.34);
    expect(yuanNumber(58_050)).toBe(580.5);
    expect(() => yuanText(Number.NaN)).toThrow(RangeError);
  });

  it('reads 元 back into cents', () => {
    expect(centsFromYuan(580.5)).toBe(58_050);
    expect(centsFromYuan(0.29)).toBe(29);
    expect(centsFromYuan('1,234.5')).toBe(123_450);
    expect(centsFromYuan(' 12 ')).toBe(1200);
    expect(centsFromYuan('-0.05')).toBe(-5);
    expect(centsFromYuan('0')).toBe(0);
    expect(() => centsFromYuan('1.234')).toThrow(RangeError);
    expect(() => centsFromYuan('十元')).toThrow(RangeError);
    for (const c of [0, 1, 99, 58_050, 123_456_789]) expect(centsFromYuan(yuanGrouped(c))).toBe(c);
  });
});
