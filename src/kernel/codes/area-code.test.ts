import { describe, expect, it } from 'vitest';
import { NINGXIA_AREAS, PROVINCE_NAMES, areaPath, validateAreaCode } from './area-code.ts';

describe('NINGXIA_AREAS (regulations.md §3.5)', () => {
  it('has 1 province, 5 cities and 22 county-level units (9 区, 11 县, 2 县级市)', () => {
    const count = (pred: (a: (typeof NINGXIA_AREAS)[number]) => boolean) => NINGXIA_AREAS.filter(pred).length;
    expect(NINGXIA_AREAS).toHaveLength(28);
    expect(count((a) => a.level === '省级')).toBe(1);
    expect(count((a) => a.level === '地级')).toBe(5);
    expect(count((a) => a.level === '县级')).toBe(22);
    expect(count((a) => a.division === '区')).toBe(9);
    expect(count((a) => a.division === '县')).toBe(11);
    expect(count((a) => a.division === '县级市')).toBe(2);
  });

  it('every entry validates with its own level and name, and its parent is in the table', () => {
    const codes = new Set(NINGXIA_AREAS.map((a) => a.code));
    for (const a of NINGXIA_AREAS) {
      const r = validateAreaCode(a.code);
      expect(r).toMatchObject({ valid: true, level: a.level, name: a.name, division: a.division });
      if (r.valid && r.parentCode) expect(codes.has(r.parentCode)).toBe(true);
    }
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(NINGXIA_AREAS)).toBe(true);
    expect(Object.isFrozen(NINGXIA_AREAS[0])).toBe(true);
  });
});

describe('validateAreaCode', () => {
  it('decodes a county with its city and province', () => {
    const r = validateAreaCode('640221');
    expect(r).toEqual({
      valid: true,
      code: '640221',
      level: '县级',
      name: '平罗县',
      division: '县',
      provinceCode: '640000',
      provinceName: '宁夏回族自治区',
      cityCode: '640200',
      cityName: '石嘴山市',
      parentCode: '640200',
    });
    expect(areaPath(r)).toBe('宁夏回族自治区 石嘴山市 平罗县');
  });

  it('decodes city and province levels', () => {
    expect(validateAreaCode('640500')).toMatchObject({ level: '地级', name: '中卫市', parentCode: '640000' });
    const prov = validateAreaCode('640000');
    expect(prov).toMatchObject({ level: '省级', name: '宁夏回族自治区', provinceCode: '640000' });
    expect(prov.valid && prov.parentCode).toBeUndefined();
    expect(areaPath(prov)).toBe('宁夏回族自治区');
  });

  it('accepts well-formed codes outside Ningxia with a note', () => {
    const r = validateAreaCode('310101');
    expect(r).toMatchObject({
      valid: true,
      level: '县级',
      provinceName: '上海市',
      cityCode: '310100',
      parentCode: '310100',
      note: '格式正确，不在内置宁夏区划表中',
    });
    expect(r.valid && r.name).toBeUndefined();
  });

  it('names every province-level code without a note', () => {
    expect(PROVINCE_NAMES.size).toBe(34);
    for (const [prefix, name] of PROVINCE_NAMES) {
      expect(validateAreaCode(`${prefix}0000`)).toMatchObject({ valid: true, level: '省级', name });
      expect(validateAreaCode(`${prefix}0000`)).not.toHaveProperty('note');
    }
  });

  it('notes Ningxia-prefixed codes that are not in the current table (e.g. 市辖区 640101)', () => {
    const r = validateAreaCode('640101');
    expect(r).toMatchObject({ valid: true, level: '县级', cityName: '银川市' });
    expect(r.valid && r.note).toContain('不在内置宁夏现行区划表中');
  });

  it('uses caller-supplied names first', () => {
    const known = new Map([['310101', { name: '黄浦区', level: '区' }]]);
    const r = validateAreaCode('310101', known);
    expect(r).toMatchObject({ valid: true, name: '黄浦区' });
    expect(r).not.toHaveProperty('note');
  });

  it.each(['64022', '6402211', '64022a', '', ' '])('rejects malformed %j as FORMAT', (code) => {
    expect(validateAreaCode(code)).toMatchObject({ valid: false, reasonCode: 'FORMAT' });
  });

  it.each(['000000', '100000', '190000', '640000'.replace('64', '83'), '990101'])('rejects %s: province prefix outside the GB/T 2260 set', (code) => {
    expect(validateAreaCode(code)).toMatchObject({ valid: false, reasonCode: 'PROVINCE' });
  });

  it('rejects a county part under a 00 city part', () => {
    const r = validateAreaCode('640021');
    expect(r).toMatchObject({ valid: false, reasonCode: 'STRUCTURE' });
  });

  it('corrupting one digit of a Ningxia county code yields an unknown or invalid code', () => {
    expect(validateAreaCode('640222')).toMatchObject({ valid: true });
    expect(validateAreaCode('640222').valid && validateAreaCode('640222')).toHaveProperty('note');
    expect(validateAreaCode('940221')).toMatchObject({ valid: false, reasonCode: 'PROVINCE' });
  });
});
