import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, powDigest } from '../../src/kernel/portal/proof-of-work.ts';
import { searchNonce, sha256, zeroBits } from '../../web/portal/pow.ts';

/** The portal's in-browser proof-of-work search agrees with the server's check. */
describe('portal proof of work (browser code)', () => {
  it('computes SHA-256 exactly as node:crypto, across block boundaries', () => {
    const enc = new TextEncoder();
    for (const text of [...[0, 1, 55, 56, 63, 64, 65, 119, 120, 200].map((n) => 'a'.repeat(n)), '信访事项:查询码']) {
      expect(Buffer.from(sha256(enc.encode(text))).toString('hex')).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });

  it('counts leading zero bits like the server', () => {
    for (const hex of ['ff', '7f', '01', '0001', '00008f', '0000000000']) {
      const b = Buffer.from(hex, 'hex');
      expect(zeroBits(b)).toBe(leadingZeroBits(b));
    }
  });

  it('finds a nonce the server accepts, and reports none in a range without one', () => {
    const challenge = 'abcDEF123.1795989641227.12.sig';
    const nonce = searchNonce(challenge, 12, 0, 1 << 20)!;
    expect(nonce).not.toBeNull();
    expect(leadingZeroBits(powDigest(challenge, nonce))).toBeGreaterThanOrEqual(12);
    const n = parseInt(nonce, 36);
    // Every nonce before the first hit fails the check.
    expect(searchNonce(challenge, 12, 0, n)).toBeNull();
  });
});
