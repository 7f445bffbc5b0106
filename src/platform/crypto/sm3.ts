import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** SM3 (GM/T 0004) digest as lowercase hex. Node's OpenSSL provides it natively. */
export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3, used for key derivation and encrypt-then-MAC of PII ciphertexts. */
export function hmacSm3(key: Uint8Array, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

/** Constant-time string comparison (false on length mismatch without leaking where they differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
