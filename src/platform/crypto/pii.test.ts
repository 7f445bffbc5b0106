import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptWithKey, encryptManyWithKey, encryptWithKey, maskPhone } from './pii.ts';
import { sm3Hex } from './sm3.ts';

describe('SM4 PII encryption', () => {
  const key = randomBytes(16);

  it('round-trips and uses a fresh IV each time', () => {
    const a = encryptWithKey(key, '13895012345');
    const b = encryptWithKey(key, '13895012345');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13895012345');
    expect(decryptWithKey(key, a)).toBe('13895012345');
    expect(decryptWithKey(key, encryptWithKey(key, '宁夏 身份证 640423199001011234'))).toBe('宁夏 身份证 640423199001011234');
  });

  it('encrypts many values at once into tokens the single-value decryption reads (every padding length)', () => {
    const values = ['', 'a', '640423199001011234', '宁夏回族自治区', ...Array.from({ length: 40 }, (_, i) => 'x'.repeat(i))];
    const tokens = encryptManyWithKey(key, values);
    expect(tokens.map((t) => decryptWithKey(key, t))).toEqual(values);
    expect(tokens.map((t) => t.split('.').length)).toEqual(values.map(() => 5));
    expect(new Set(tokens.map((t) => t.split('.')[2])).size).toBe(values.length);
    expect(encryptManyWithKey(key, [])).toEqual([]);
  });

  it('detects tampering and a wrong key', () => {
    const t = encryptWithKey(key, '13895012345');
    const parts = t.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    parts[3] = flipped.toString('base64url');
    expect(() => decryptWithKey(key, parts.join('.'))).toThrow(/PII_CIPHERTEXT_INVALID/);
    expect(() => decryptWithKey(randomBytes(16), t)).toThrow(/PII_KEY_MISMATCH/);
    expect(() => decryptWithKey(key, 'plain')).toThrow(/PII_CIPHERTEXT_INVALID/);
  });

  it('masks phone numbers', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('09515012345')).toBe('095****2345');
  });

  it('computes SM3 (GM/T 0004 example "abc")', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});
