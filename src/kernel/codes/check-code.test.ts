import { describe, expect, it } from 'vitest';
import { checkCode, formatCheckLine } from './check-code.ts';

const TODAY = { today: '2025-06-15' };

describe('checkCode — detection and summaries', () => {
  it('USCC with letters', () => {
    expect(checkCode('53640000MJ0000034D')).toEqual({
      code: '53640000MJ0000034D',
      kind: 'USCC',
      valid: true,
      summary: '统一社会信用代码 · 民政/基金会 · 登记机关 640000 宁夏回族自治区 · 组织机构代码 MJ000003-4',
    });
  });

  it('USCC, lower case, county-level registrar', () => {
    expect(checkCode('52640221mj0000026d').summary).toBe(
      '统一社会信用代码 · 民政/民办非企业单位 · 登记机关 640221 宁夏回族自治区 石嘴山市 平罗县 · 组织机构代码 MJ000002-6',
    );
  });

  it.each(['531200005534379666', '123502001549897397', '91350213678251743X'])('all-digit USCC %s is recognised as USCC, not as an ID', (code) => {
    expect(checkCode(code, TODAY)).toMatchObject({ kind: 'USCC', valid: true });
  });

  it('all-digit USCC with a corrupted check char stays a USCC', () => {
    expect(checkCode('531200005534379667', TODAY)).toMatchObject({ kind: 'USCC', valid: false, reasonCode: 'CHECK_CHAR' });
  });

  it('resident ID (18 digits, lower-case x)', () => {
    expect(checkCode('11010519491231002x', TODAY)).toMatchObject({
      kind: 'RESIDENT_ID',
      valid: true,
      summary: '居民身份证号 · 110105 北京市 · 出生 1949-12-31 · 女 · 75岁',
    });
    expect(checkCode('640104198001011235', TODAY).summary).toBe('居民身份证号 · 640104 宁夏回族自治区 银川市 兴庆区 · 出生 1980-01-01 · 男 · 45岁');
  });

  it('resident ID with a corrupted check char reports the expected char', () => {
    const r = checkCode('640104198001011236', TODAY);
    expect(r).toMatchObject({ kind: 'RESIDENT_ID', valid: false, reasonCode: 'CHECK_CHAR' });
    expect(r.summary).toBe('居民身份证号 · 校验码错误：应为 5，实为 6');
  });

  it('resident ID with a bad birth date stays a resident ID', () => {
    expect(checkCode('640104199002301234', TODAY)).toMatchObject({ kind: 'RESIDENT_ID', reasonCode: 'BIRTH_DATE' });
  });

  it('legacy 15-digit ID', () => {
    expect(checkCode('110105491231002', TODAY)).toMatchObject({
      kind: 'RESIDENT_ID',
      valid: true,
      summary: '居民身份证号（15位旧号） · 110105 北京市 · 出生 1949-12-31 · 女 · 75岁 · 18位号码 11010519491231002X',
    });
  });

  it('area codes', () => {
    expect(checkCode('640423').summary).toBe('行政区划代码 · 县级 · 640423 宁夏回族自治区 固原市 隆德县');
    expect(checkCode('310101').summary).toBe('行政区划代码 · 县级 · 310101 上海市 · 格式正确，不在内置宁夏区划表中');
    expect(checkCode('990000')).toMatchObject({ kind: 'AREA_CODE', valid: false, reasonCode: 'PROVINCE' });
  });

  it('org codes with and without dash', () => {
    expect(checkCode('MJ000003-4')).toMatchObject({ kind: 'ORG_CODE', valid: true, summary: '组织机构代码 · MJ000003-4' });
    expect(checkCode('500009167')).toMatchObject({ kind: 'ORG_CODE', valid: true });
    expect(checkCode('50000916-8')).toMatchObject({ kind: 'ORG_CODE', valid: false, reasonCode: 'CHECK_CHAR' });
  });

  it('18 chars with a forbidden letter are checked as USCC', () => {
    expect(checkCode('53640000MJ00000O4D')).toMatchObject({ kind: 'USCC', valid: false, reasonCode: 'FORMAT' });
  });

  it('Fujian pilot code carries the warning', () => {
    const r = checkCode('91350100M0001TGQXM');
    expect(r).toMatchObject({ kind: 'USCC', valid: false, reasonCode: 'CHECK_CHAR' });
    expect(r.warning).toContain('早期试点');
    expect(r.summary).toContain('早期试点');
  });

  it('unknown shapes', () => {
    expect(checkCode('12345')).toMatchObject({ kind: 'UNKNOWN', valid: false });
    expect(checkCode('').kind).toBe('UNKNOWN');
  });
});

describe('formatCheckLine', () => {
  it('valid line', () => {
    expect(formatCheckLine(checkCode('53100000500009167K'))).toBe(
      '53100000500009167K\tvalid\t统一社会信用代码 · 民政/基金会 · 登记机关 100000 国家级 · 组织机构代码 50000916-7',
    );
  });

  it('invalid line', () => {
    expect(formatCheckLine(checkCode('53100000MJ0000000X'))).toBe('53100000MJ0000000X\tinvalid\t统一社会信用代码 · 校验码错误：应为 U，实为 X');
  });

  it('always has exactly three tab-separated fields, even for odd input', () => {
    for (const input of ['a\tb', ' 640000 ', 'x y z', '640104198001011235']) {
      expect(formatCheckLine(checkCode(input, TODAY)).split('\t')).toHaveLength(3);
    }
  });
});
