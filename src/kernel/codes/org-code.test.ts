import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, validateOrgCode } from './org-code.ts';

// Positions 9–17 of the real / synthetic USCCs in regulations.md §3.2–3.3.
const VALID = ['50000916-7', '55036208-1', '55343796-6', '66881918-X', 'MJ066585-3', 'MJY04522-6', 'MJ000003-4'];

describe('orgCodeCheckChar', () => {
  it('reproduces the worked example 50000916 → 7 (Σ=103)', () => {
    expect(orgCodeCheckChar('50000916')).toBe('7');
  });
  it('maps remainder 10 to X and 11 to 0', () => {
    expect(orgCodeCheckChar('66881918')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });
  it('values letters with the full alphabet (I and O included)', () => {
    expect(orgCodeCheckChar('I0000000')).toBe(String(11 - ((18 * 3) % 11)));
    expect(orgCodeCheckChar('mj000003')).toBeNull();
  });
});

describe('validateOrgCode', () => {
  it.each(VALID)('%s is valid (with dash)', (code) => {
    expect(validateOrgCode(code)).toMatchObject({ valid: true, code });
  });

  it.each(VALID)('%s is valid without dash and in lower case', (code) => {
    expect(validateOrgCode(code.replace('-', '').toLowerCase())).toMatchObject({ valid: true, code });
  });

  it.each(VALID)('%s with a corrupted check char → CHECK_CHAR naming the expected char', (code) => {
    const bad = code.slice(0, 9) + (code[9] === '1' ? '2' : '1');
    const r = validateOrgCode(bad);
    expect(r).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR', expected: code[9] });
    if (!r.valid) expect(r.reason).toContain(`应为 ${code[9]}`);
  });

  it.each(['50000916', '5000091-67', '50000916-77', '5000+916-7', ''])('rejects malformed %j', (code) => {
    expect(validateOrgCode(code)).toMatchObject({ valid: false, reasonCode: 'FORMAT' });
  });

  it('rejects a letter check char other than X', () => {
    expect(validateOrgCode('50000916-A')).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR' });
  });
});

describe('GB 11714 single-char error detection', () => {
  const DIGITS = '0123456789';
  it('detects every digit-for-digit substitution in all-digit bodies', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n++) {
      let body = '';
      for (let i = 0; i < 8; i++) body += DIGITS[Math.floor(next() * 10)];
      const code = body + orgCodeCheckChar(body);
      expect(validateOrgCode(code).valid).toBe(true);
      for (let pos = 0; pos < 8; pos++) {
        for (const d of DIGITS) {
          if (d === body[pos]) continue;
          const mutated = body.slice(0, pos) + d + body.slice(pos + 1);
          expect(validateOrgCode(mutated + code[8]).valid).toBe(false);
        }
      }
      for (const c of '0123456789X') {
        if (c !== code[8]) expect(validateOrgCode(body + c).valid).toBe(false);
      }
    }
  });

  it('documents the MOD 11 blind spot: letters whose values differ by 11 (0↔B, 1↔C …) collide', () => {
    // With the full alphabet (values 0–35) the standalone check cannot catch these; inside a USCC the
    // outer MOD 31-3 check still does.
    expect(orgCodeCheckChar('B0000000')).toBe(orgCodeCheckChar('00000000'));
    expect(orgCodeCheckChar('MJ00000C')).toBe(orgCodeCheckChar('MJ000001'));
  });
});
