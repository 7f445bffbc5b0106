import { describe, expect, it } from 'vitest';
import { describeViolations, generatePassword, passwordViolations } from './policy.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './hash.ts';

const rules = (p: string, u = 'ld-mzj') => passwordViolations(p, u).map((v) => v.rule);

describe('password policy', () => {
  it('accepts 10+ characters with 3 of 4 classes', () => {
    expect(rules('Minzheng@2019')).toEqual([]);
    expect(rules('abcdefg12!')).toEqual([]);
    expect(rules('ABCDEFG12a')).toEqual([]);
  });
  it('names each rule broken', () => {
    expect(rules('Ab1!')).toEqual(['length']);
    expect(rules('abcdefghijk1')).toEqual(['classes']);
    expect(rules('Xld-mzj2019!')).toEqual(['username']);
    expect(rules('LD-MZJ2019xx')).toEqual(['username']);
    expect(rules('Abc 12345678')).toEqual(['whitespace']);
    const msg = describeViolations(passwordViolations('abc', 'x'));
    expect(msg).toContain('长度至少 10 位');
    expect(msg).toContain('至少 3 类');
  });
  it('generates passwords that satisfy the policy', () => {
    for (let i = 0; i < 50; i++) expect(rules(generatePassword(), 'someone')).toEqual([]);
  });
  it('hashes with argon2id and refuses reuse of the current password', async () => {
    const h = await hashPassword('Minzheng@2019');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Minzheng@2019')).toBe(true);
    expect(await verifyPassword(h, 'Minzheng@2020')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    await expect(assertPasswordAcceptable('Minzheng@2019', 'admin', h)).rejects.toMatchObject({ code: 'PASSWORD_REUSED' });
    await expect(assertPasswordAcceptable('short', 'admin', h)).rejects.toMatchObject({ code: 'PASSWORD_POLICY', status: 400 });
    await expect(assertPasswordAcceptable('Minzheng@2020', 'admin', h)).resolves.toBeUndefined();
  });
});
