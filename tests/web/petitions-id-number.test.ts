import { describe, expect, test } from 'vitest';
import { idCheckChar, idNumberProblem } from '../../web/staff/shared/id-number.ts';

const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('client 身份证号 check (GB 11643)', () => {
  test('a number with the right MOD 11-2 character passes, lower-case x too', () => {
    const id = withCheck('64010419800101001');
    expect(idNumberProblem(id, '2024-01-01')).toBeNull();
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002x', '2024-01-01')).toBeNull();
  });
  test('a wrong check character names the expected one', () => {
    const good = withCheck('64010419800101001');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(idNumberProblem(bad, '2024-01-01')).toBe(`身份证号校验码不正确(最后一位应为 ${good[17]})`);
  });
  test('format, impossible and future birth dates are refused in Chinese', () => {
    expect(idNumberProblem('12345', '2024-01-01')).toMatch(/18 位/);
    expect(idNumberProblem(withCheck('64010419800231001'), '2024-01-01')).toMatch(/出生日期不存在/);
    expect(idNumberProblem(withCheck('64010420300101001'), '2024-01-01')).toMatch(/晚于今天/);
    expect(idNumberProblem('', '2024-01-01')).toBeNull();
  });
});

import { validateResidentId } from '../../src/kernel/codes/index.ts';

test('client and server agree on valid/invalid for many numbers', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 400; i++) {
    const area = ['640104', '640423', '640221', '110105'][Math.floor(rnd() * 4)]!;
    const y = 1930 + Math.floor(rnd() * 90), m = 1 + Math.floor(rnd() * 13), d = 1 + Math.floor(rnd() * 31);
    const first17 = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    const last = rnd() < 0.5 ? idCheckChar(first17)! : '0123456789X'[Math.floor(rnd() * 11)]!;
    const id = first17 + last;
    expect(idNumberProblem(id, '2024-01-01') === null, id).toBe(validateResidentId(id, { today: '2024-01-01' }).valid);
  }
});
