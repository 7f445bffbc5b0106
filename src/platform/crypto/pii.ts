import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { hmacSm3 } from './sm3.ts';
import { kidOf, piiKey, piiKeyFor } from './pii-key.ts';

/**
 * SM4 encryption of personal data at rest (身份证号, phone numbers, TOTP secrets).
 * Node's OpenSSL offers sm4-cbc but no sm4-gcm, so this is SM4-CBC + HMAC-SM3
 * encrypt-then-MAC: tampering or a wrong key is detected instead of yielding garbage.
 * Token: `s4.<kid>.<iv>.<ciphertext>.<mac>` (base64url); kid identifies the master key so a
 * mismatched key gives a clear error and `minzheng pii rotate` can tell old tokens apart.
 */
const PREFIX = 's4';

type Keys = { enc: Buffer; mac: Buffer; kid: string };
const derived = new WeakMap<Buffer, Keys>();

function keysOf(master: Buffer): Keys {
  let k = derived.get(master);
  if (!k) {
    // Separate keys for encryption and MAC, derived from the one 128-bit master key.
    k = { enc: hmacSm3(master, 'minzheng/pii/enc').subarray(0, 16), mac: hmacSm3(master, 'minzheng/pii/mac'), kid: kidOf(master) };
    derived.set(master, k);
  }
  return k;
}

/**
 * IVs come from a pool of CSPRNG bytes refilled 4 KiB at a time: one randomBytes call per 256
 * encryptions instead of one each (a bulk import encrypts hundreds of thousands of IDs).
 * Each IV is still 16 fresh random bytes, never reused.
 */
const IV_POOL = 4096;
let ivPool = Buffer.alloc(0);
let ivAt = IV_POOL;
function nextIv(): Buffer {
  if (ivAt + 16 > ivPool.length) {
    ivPool = randomBytes(IV_POOL);
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, ivAt + 16);
  ivAt += 16;
  return iv;
}

export function encryptWithKey(master: Buffer, plaintext: string): string {
  const k = keysOf(master);
  const iv = nextIv();
  const c = createCipheriv('sm4-cbc', k.enc, iv);
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  const head = `${PREFIX}.${k.kid}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
  return `${head}.${hmacSm3(k.mac, head).toString('base64url')}`;
}

/**
 * encryptWithKey for many values at once, token for token the same format (SM4-CBC, PKCS#7, a fresh
 * random IV each, HMAC-SM3 over the head). A cipher object per value cost more than the cipher itself
 * (a roster import encrypts 200,000 IDs), so CBC is chained here by hand over one SM4-ECB cipher:
 * round j encrypts block j of every value (its plaintext XOR the previous ciphertext block, or the IV)
 * in one call, which is exactly what CBC computes value by value.
 */
export function encryptManyWithKey(master: Buffer, plaintexts: readonly string[]): string[] {
  const k = keysOf(master);
  const n = plaintexts.length;
  const plain = plaintexts.map((p) => Buffer.from(p, 'utf8'));
  const ivs = randomBytes(16 * n);
  const cts = plain.map((p) => Buffer.alloc((p.length & ~15) + 16));
  const ecb = createCipheriv('sm4-ecb', k.enc, null).setAutoPadding(false);
  for (let at = 0, live = plain.map((_, i) => i); live.length; at += 16) {
    const x = Buffer.alloc(16 * live.length);
    live.forEach((i, t) => {
      const p = plain[i]!;
      const prev = at === 0 ? ivs.subarray(16 * i, 16 * i + 16) : cts[i]!.subarray(at - 16, at);
      const pad = cts[i]!.length - p.length;
      for (let b = 0; b < 16; b++) x[16 * t + b] = (at + b < p.length ? p[at + b]! : pad) ^ prev[b]!;
    });
    const y = ecb.update(x);
    live.forEach((i, t) => y.copy(cts[i]!, at, 16 * t, 16 * t + 16));
    live = live.filter((i) => cts[i]!.length > at + 16);
  }
  ecb.final();
  return cts.map((ct, i) => {
    const head = `${PREFIX}.${k.kid}.${ivs.subarray(16 * i, 16 * i + 16).toString('base64url')}.${ct.toString('base64url')}`;
    return `${head}.${hmacSm3(k.mac, head).toString('base64url')}`;
  });
}

export function decryptWithKey(master: Buffer, token: string): string {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== PREFIX) throw piiError('PII_CIPHERTEXT_INVALID', '加密数据格式错误');
  const k = keysOf(master);
  if (parts[1] !== k.kid) throw piiError('PII_KEY_MISMATCH', '加密数据使用的密钥与当前 PII_KEY 不一致');
  const head = parts.slice(0, 4).join('.');
  const mac = Buffer.from(parts[4]!, 'base64url');
  const want = hmacSm3(k.mac, head);
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) throw piiError('PII_CIPHERTEXT_INVALID', '加密数据校验失败（可能被篡改）');
  const d = createDecipheriv('sm4-cbc', k.enc, Buffer.from(parts[2]!, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(parts[3]!, 'base64url')), d.final()]).toString('utf8');
}

export async function encryptPii(ctx: AppContext, plaintext: string): Promise<string> {
  return encryptWithKey((await piiKey(ctx)).key, plaintext);
}

/** Decrypts with the key the token names (the current one or an earlier one kept for a rotation). */
export async function decryptPii(ctx: AppContext, token: string): Promise<string> {
  const kid = tokenKid(token);
  return decryptWithKey(kid ? await piiKeyFor(ctx, kid) : (await piiKey(ctx)).key, token);
}

/** The key id a token was encrypted under ('' when it is not a PII token). */
export function tokenKid(token: string): string {
  const parts = token.split('.');
  return parts.length === 5 && parts[0] === PREFIX ? parts[1]! : '';
}

/** 脱敏 of a person's name as published lists show it: 马建国 → 马**（the surname stays, every character of the given name is masked）. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? chars.join('') : chars[0] + '*'.repeat(chars.length - 1);
}

/** 脱敏: 13812341234 → 138****1234; other lengths keep the first 3 and last 4 at most. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s+/g, '');
  if (p.length <= 4) return '*'.repeat(p.length);
  if (p.length <= 7) return p.slice(0, 1) + '*'.repeat(p.length - 3) + p.slice(-2);
  return p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4);
}

function piiError(code: string, msg: string) {
  return new AppError(code, 500, msg);
}
