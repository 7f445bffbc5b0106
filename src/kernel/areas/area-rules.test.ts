import { describe, expect, it } from 'vitest';
import { childPath, levelOfCode, parentMismatch } from './area-rules.ts';

describe('levelOfCode', () => {
  it.each([
    ['640000', 1],
    ['640100', 2],
    ['640423', 3],
    ['640423100', 4],
    ['640423100001', 5],
    ['64042', null],
    ['6404231', null],
    ['64042310000a', null],
    ['', null],
  ])('%s → %s', (code, level) => expect(levelOfCode(code)).toBe(level));
});

describe('parentMismatch', () => {
  const region = { code: '640000', level: 1 };
  const city = { code: '640400', level: 2 };
  const county = { code: '640423', level: 3 };
  it('accepts the real chain', () => {
    expect(parentMismatch('640000', 1, null)).toBeNull();
    expect(parentMismatch('640400', 2, region)).toBeNull();
    expect(parentMismatch('640423', 3, city)).toBeNull();
    expect(parentMismatch('640423100', 4, county)).toBeNull();
  });
  it('rejects a county under the wrong city', () => {
    expect(parentMismatch('640423', 3, { code: '640100', level: 2 })).toMatch(/应以 6401 开头/);
  });
  it('rejects skipped levels and missing parents', () => {
    expect(parentMismatch('640423', 3, region)).toMatch(/层级/);
    expect(parentMismatch('640423', 3, null)).toMatch(/缺少上级/);
    expect(parentMismatch('640000', 1, region)).toMatch(/不能有上级/);
  });
  it('builds dotted paths', () => {
    expect(childPath(null, '640000')).toBe('640000');
    expect(childPath('640000.640400', '640423')).toBe('640000.640400.640423');
  });
});
