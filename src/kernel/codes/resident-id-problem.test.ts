import { describe, expect, test } from 'vitest';
import { residentIdCheckChar, residentIdProblem } from './index.ts';

const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe('residentIdProblem: the form field check of a 身份证号（GB 11643），shared by console and portal', () => {
  test('a number with the right MOD 11-2 character passes, lower-case x too; blank is not a problem', () => {
    expect(residentIdProblem(withCheck('64010419800101001'), '2024-01-01')).toBeNull();
    expect(residentIdProblem('11010519491231002x', '2024-01-01')).toBeNull();
    expect(residentIdProblem('  ', '2024-01-01')).toBeNull();
  });
  test('a wrong check character names the expected one', () => {
    const good = withCheck('64010419800101001');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(residentIdProblem(bad, '2024-01-01')).toBe(`身份证号校验码不正确（最后一位应为 ${good[17]}）`);
  });
  test('format, area, impossible, early and future birth dates are refused in Chinese', () => {
    expect(residentIdProblem('12345', '2024-01-01')).toMatch(/18 位/);
    expect(residentIdProblem(withCheck('00010419800101001'), '2024-01-01')).toMatch(/地址码/);
    expect(residentIdProblem(withCheck('64010419800231001'), '2024-01-01')).toMatch(/出生日期不存在/);
    expect(residentIdProblem(withCheck('64010418800101001'), '2024-01-01')).toMatch(/早于 1900 年/);
    expect(residentIdProblem(withCheck('64010420300101001'), '2024-01-01')).toMatch(/晚于今天/);
  });
});
