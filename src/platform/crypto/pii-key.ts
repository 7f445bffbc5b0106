import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { sm3Hex } from './sm3.ts';

/**
 * Where the SM4 keys for PII and attachments at rest come from (see src/kernel/identity/README.md):
 * 1. PII_KEY (config.piiKeyHex) — production: the key lives outside the database; earlier keys
 *    still needed during a rotation in PII_OLD_KEYS.
 * 2. PGlite without PII_KEY: a key file generated once at <DATA_DIR>/secrets/pii.key (0600),
 *    outside the database directory, so a copy of the database alone does not reveal PII; earlier
 *    keys beside it as pii-<kid>.key until retired.
 * 3. PostgreSQL without PII_KEY: only when DEMO is not 'off' — a generated key kept in
 *    core.secret ('pii-key', earlier ones 'pii-key-<kid>'). That protects against column leaks,
 *    not a full dump; production must set PII_KEY.
 * The key id (kid) is the first 8 hex digits of SM3(key); every token and encrypted file names it.
 */
export type PiiKeySource = 'env' | 'file' | 'database';

/** The current key (encrypts) and every key that can still decrypt, by kid. */
export type PiiKeyring = { key: Buffer; kid: string; source: PiiKeySource; byKid: Map<string, Buffer> };

export const kidOf = (key: Buffer) => sm3Hex(key).slice(0, 8);

const cache = new WeakMap<Config, PiiKeyring>();

export async function piiKeyring(ctx: AppContext): Promise<PiiKeyring> {
  const hit = cache.get(ctx.config);
  if (hit) return hit;
  const got = await resolveKeys(ctx);
  // A key created inside a transaction that later rolls back must not outlive it in the cache.
  if (!got.createdInTx) cache.set(ctx.config, got.ring);
  return got.ring;
}

export async function piiKey(ctx: AppContext): Promise<{ key: Buffer; source: PiiKeySource }> {
  const r = await piiKeyring(ctx);
  return { key: r.key, source: r.source };
}

/** The key a token or file names; re-reads the key sources once if it is unknown (another process rotated). */
export async function piiKeyFor(ctx: AppContext, kid: string): Promise<Buffer> {
  const hit = (await piiKeyring(ctx)).byKid.get(kid);
  if (hit) return hit;
  forgetPiiKeys(ctx.config);
  const again = (await piiKeyring(ctx)).byKid.get(kid);
  if (again) return again;
  throw new AppError('PII_KEY_MISMATCH', 500, `加密数据使用的密钥 ${kid} 不在当前密钥中（PII_KEY / PII_OLD_KEYS）`);
}

/** Drop the cached keys of this configuration (after a rotation or retirement in this process). */
export function forgetPiiKeys(config: Config): void {
  cache.delete(config);
}

/** Resolve (and create if needed) the key at boot, so a misconfiguration fails at start-up, not at the first write. */
export async function ensurePiiKey(ctx: AppContext): Promise<PiiKeySource> {
  const { source } = await piiKey(ctx);
  if (source === 'database') ctx.logger.warn('PII_KEY 未设置：个人信息加密密钥保存在数据库中，仅适用于演示/测试；生产环境请设置 PII_KEY');
  return source;
}

function ring(current: Buffer, source: PiiKeySource, old: Buffer[]): PiiKeyring {
  const byKid = new Map<string, Buffer>();
  for (const k of old) byKid.set(kidOf(k), k);
  byKid.set(kidOf(current), current);
  return { key: current, kid: kidOf(current), source, byKid };
}

const hexKeys = (xs: string[]) => xs.map((x) => Buffer.from(x, 'hex'));

async function resolveKeys(ctx: AppContext): Promise<{ ring: PiiKeyring; createdInTx: boolean }> {
  const { config } = ctx;
  const old = hexKeys(config.piiOldKeysHex);
  if (config.piiKeyHex) return { ring: ring(Buffer.from(config.piiKeyHex, 'hex'), 'env', old), createdInTx: false };
  if (config.dbKind === 'pglite') {
    const dir = secretsDir(config);
    return { ring: ring(fileKey(dir), 'file', [...old, ...oldFileKeys(dir)]), createdInTx: false };
  }
  if (config.demo === 'off') {
    throw new AppError('PII_KEY_REQUIRED', 500, '未配置个人信息加密密钥 PII_KEY（生产环境使用 PostgreSQL 时必须设置）');
  }
  const fresh = randomBytes(16).toString('hex');
  await sql`insert into core.secret (name, value) values ('pii-key', ${fresh}) on conflict (name) do nothing`.execute(ctx.db);
  const r = await sql<{ name: string; value: string }>`select name, value from core.secret where name like 'pii-key%'`.execute(ctx.db);
  const value = r.rows.find((x) => x.name === 'pii-key')!.value;
  const earlier = r.rows.filter((x) => x.name !== 'pii-key').map((x) => x.value);
  return {
    ring: ring(Buffer.from(value, 'hex'), 'database', [...old, ...hexKeys(earlier)]),
    createdInTx: ctx.db.isTransaction && value === fresh,
  };
}

const secretsDir = (config: Config) => path.resolve(config.dataDir, 'secrets');

function readKeyFile(file: string): Buffer {
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`PII 密钥文件格式错误 / malformed key file ${file}`);
  return Buffer.from(hex, 'hex');
}

function fileKey(dir: string): Buffer {
  const file = path.join(dir, 'pii.key');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails if another process created it first; then we read theirs.
    writeFileSync(file, randomBytes(16).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readKeyFile(file);
}

function oldFileKeys(dir: string): Buffer[] {
  return readdirSync(dir)
    .filter((n) => /^pii-[0-9a-f]{8}\.key$/.test(n))
    .map((n) => readKeyFile(path.join(dir, n)));
}

/**
 * Make a fresh key current, keeping the previous one for decryption until it is retired (file and
 * database sources). With PII_KEY the operator does this in the environment instead.
 */
export async function newPiiKey(ctx: AppContext): Promise<{ oldKid: string; kid: string }> {
  const r = await piiKeyring(ctx);
  if (r.source === 'env') {
    throw new AppError(
      'PII_KEY_FROM_ENV',
      400,
      '密钥由环境变量 PII_KEY 提供：请把新密钥设为 PII_KEY、旧密钥加入 PII_OLD_KEYS，重启后再运行 minzheng pii rotate',
    );
  }
  const fresh = randomBytes(16);
  const oldHex = r.key.toString('hex');
  if (r.source === 'file') {
    const dir = secretsDir(ctx.config);
    writeFileSync(path.join(dir, `pii-${r.kid}.key`), oldHex + '\n', { mode: 0o600 });
    writeFileSync(path.join(dir, 'pii.key.new'), fresh.toString('hex') + '\n', { mode: 0o600 });
    renameSync(path.join(dir, 'pii.key.new'), path.join(dir, 'pii.key'));
  } else {
    await sql`insert into core.secret (name, value) values (${`pii-key-${r.kid}`}, ${oldHex}) on conflict (name) do nothing`.execute(ctx.db);
    await sql`update core.secret set value = ${fresh.toString('hex')} where name = 'pii-key'`.execute(ctx.db);
  }
  forgetPiiKeys(ctx.config);
  return { oldKid: r.kid, kid: kidOf(fresh) };
}

/** Delete a retired key's material where the platform keeps it (file or database); false for PII_OLD_KEYS. */
export async function dropPiiKeyMaterial(ctx: AppContext, kid: string): Promise<boolean> {
  const r = await piiKeyring(ctx);
  forgetPiiKeys(ctx.config);
  if (r.source === 'file') {
    const file = path.join(secretsDir(ctx.config), `pii-${kid}.key`);
    rmSync(file, { force: true });
    return !ctx.config.piiOldKeysHex.some((h) => kidOf(Buffer.from(h, 'hex')) === kid);
  }
  if (r.source === 'database') {
    await sql`delete from core.secret where name = ${`pii-key-${kid}`}`.execute(ctx.db);
    return !ctx.config.piiOldKeysHex.some((h) => kidOf(Buffer.from(h, 'hex')) === kid);
  }
  return false;
}
