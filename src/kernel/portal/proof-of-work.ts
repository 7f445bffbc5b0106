import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { hmacSm3, safeEqual } from '../../platform/crypto/sm3.ts';
import { piiKey } from '../../platform/crypto/pii-key.ts';

/**
 * CAPTCHA-free abuse defence for the public portal: a proof of work. The server hands out a
 * signed, expiring challenge `<id>.<expiresMs>.<bits>.<mac>` (HMAC-SM3 with a key derived from
 * the PII master key, so every API process of one installation verifies every other's
 * challenges). The browser searches a nonce such that SHA-256(`<challenge>:<nonce>`) starts with
 * `bits` zero bits — about 2^bits hashes, a fraction of a second on a phone for a real person,
 * a real cost for a script sending thousands. A challenge pays for one attempt only: the spent id
 * is stored in core.portal_pow_used — called with a root context (not a transaction) it commits at
 * once, so a submission refused after the check has still spent it and one proof never buys
 * repeated lookups. Every public submission (网上信访, 网上申请低保) pays with one.
 */
export const POW_TTL_MS = 10 * 60_000;
const MAX_NONCE_LENGTH = 32;

export const POW_ERRORS = {
  REQUIRED: '请完成安全校验后再提交（页面会自动完成，请勿禁用脚本）',
  MALFORMED: '安全校验数据格式不正确，请刷新页面后重新提交',
  FORGED: '安全校验数据无效，请刷新页面后重新提交',
  EXPIRED: '安全校验已过期，请重新提交',
  WRONG: '安全校验未通过，请重新提交',
  REPLAYED: '安全校验已使用过，请重新提交',
} as const;

export type PowChallenge = { challenge: string; bits: number; algorithm: 'SHA-256'; expiresAt: string };
export type PowSolution = { challenge: string; nonce: string };

async function macKey(ctx: AppContext): Promise<Buffer> {
  return hmacSm3((await piiKey(ctx)).key, 'minzheng/portal/pow');
}

const mac = (key: Buffer, body: string) => hmacSm3(key, body).subarray(0, 18).toString('base64url');

/** A fresh challenge at the configured difficulty. */
export async function issueChallenge(ctx: AppContext): Promise<PowChallenge> {
  const bits = ctx.config.portalPowBits;
  const expires = ctx.clock.now().getTime() + POW_TTL_MS;
  const body = `${randomBytes(12).toString('base64url')}.${expires}.${bits}`;
  return { challenge: `${body}.${mac(await macKey(ctx), body)}`, bits, algorithm: 'SHA-256', expiresAt: new Date(expires).toISOString() };
}

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let n = 0;
  for (const b of digest) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export const powDigest = (challenge: string, nonce: string) => createHash('sha256').update(`${challenge}:${nonce}`).digest();

/** Brute-force a nonce (tests and scripts that accept the cost). */
export function solveChallenge(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (leadingZeroBits(powDigest(challenge, nonce)) >= bits) return nonce;
  }
}

const fail = (code: string, msg: string, status = 400) => new AppError(code, status, msg, { field: 'pow' });

/**
 * Check a solution without spending it (signature, expiry, work, not yet spent): cheap, so a
 * route can refuse a request before reading its uploads. spendSolution still spends it later.
 */
export async function checkSolution(ctx: AppContext, sol: unknown): Promise<{ id: string; expires: number }> {
  if (!sol || typeof sol !== 'object') throw fail('POW_REQUIRED', POW_ERRORS.REQUIRED);
  const { challenge, nonce } = sol as Record<string, unknown>;
  if (typeof challenge !== 'string' || typeof nonce !== 'string' || !nonce || nonce.length > MAX_NONCE_LENGTH || challenge.length > 200) {
    throw fail('POW_MALFORMED', POW_ERRORS.MALFORMED);
  }
  const parts = challenge.split('.');
  if (parts.length !== 4 || !/^\d{10,16}$/.test(parts[1]!) || !/^\d{1,2}$/.test(parts[2]!)) throw fail('POW_MALFORMED', POW_ERRORS.MALFORMED);
  const [id, expStr, bitsStr, sig] = parts as [string, string, string, string];
  const body = `${id}.${expStr}.${bitsStr}`;
  if (!safeEqual(sig, mac(await macKey(ctx), body))) throw fail('POW_FORGED', POW_ERRORS.FORGED);
  const expires = Number(expStr);
  if (expires <= ctx.clock.now().getTime()) throw fail('POW_EXPIRED', POW_ERRORS.EXPIRED);
  // A challenge issued before the difficulty was raised is not honoured at the old difficulty.
  const bits = Math.max(Number(bitsStr), ctx.config.portalPowBits);
  if (leadingZeroBits(powDigest(challenge, nonce)) < bits) throw fail('POW_WRONG', POW_ERRORS.WRONG);
  const used = await sql`select 1 from core.portal_pow_used where challenge_id = ${id}`.execute(ctx.db);
  if (used.rows.length) throw fail('POW_REPLAYED', POW_ERRORS.REPLAYED, 409);
  return { id, expires };
}

/**
 * Check a solution and spend it. Call it with the root context before opening the submission's
 * transaction, so the spending commits whatever happens next (one proof = one attempt); called
 * inside a transaction, the spending rolls back with it.
 */
export async function spendSolution(tx: AppContext, sol: unknown): Promise<void> {
  const { id, expires } = await checkSolution(tx, sol);
  const now = tx.clock.now().getTime();
  const ins = await sql`insert into core.portal_pow_used (challenge_id, expires_at, used_at)
    values (${id}, ${new Date(expires)}, ${new Date(now)}) on conflict (challenge_id) do nothing`.execute(tx.db);
  if (!Number(ins.numAffectedRows ?? 0)) throw fail('POW_REPLAYED', POW_ERRORS.REPLAYED, 409);
  // Spent ids matter only until they expire; keep the table small.
  await sql`delete from core.portal_pow_used where expires_at < ${new Date(now - POW_TTL_MS)}`.execute(tx.db);
}
