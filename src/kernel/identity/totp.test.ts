import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from './totp.ts';

// RFC 6238 Appendix B, SHA-1 column; the seed is the ASCII string "12345678901234567890".
const SEED = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('t=%i → %s', (t, code) => {
    expect(totp(SEED, new Date(t * 1000), 8)).toBe(code);
    expect(totp(SEED, new Date(t * 1000))).toBe(code.slice(-6));
  });

  it('matches RFC 4226 HOTP vectors', () => {
    expect([0, 1, 2, 9].map((c) => hotp(SEED, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('accepts ±1 step, rejects further drift and replays', () => {
    const at = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    const code = totp(SEED, at);
    expect(verifyTotp(SEED, code, at)).toBe(step);
    expect(verifyTotp(SEED, code, new Date(at.getTime() + 30_000))).toBe(step);
    expect(verifyTotp(SEED, code, new Date(at.getTime() - 30_000))).toBe(step);
    expect(verifyTotp(SEED, code, new Date(at.getTime() + 90_000))).toBeNull();
    expect(verifyTotp(SEED, code, at, step)).toBeNull();
    expect(verifyTotp(SEED, '12345', at)).toBeNull();
  });

  it('round-trips base32 (RFC 4648) and builds an otpauth URI', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode(base32Encode(SEED))).toEqual(SEED);
    expect(otpauthUri('MZXW6YTBOI', 'admin')).toBe('otpauth://totp/Minzheng%3Aadmin?secret=MZXW6YTBOI&issuer=Minzheng&algorithm=SHA1&digits=6&period=30');
  });
});
