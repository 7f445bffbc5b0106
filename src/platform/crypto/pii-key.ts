import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

/**
 * Where the SM4 key for PII at rest comes from (see src/kernel/identity/README.md):
 * 1. PII_KEY (config.piiKeyHex) — production: the key lives outside the database.
 * 2. PGlite without PII_KEY: a key file generated once at <DATA_DIR>/secrets/pii.key (0600),
 *    outside the database directory, so a copy of the database alone does not reveal PII.
 * 3. PostgreSQL without PII_KEY: only when DEMO is not 'off' — a generated key kept in
 *    core.secret. That protects against column leaks, not a full dump; production must set PII_KEY.
 */
export type PiiKeySource = 'env' | 'file' | 'database';

const cache = new WeakMap<Config, { key: Buffer; source: PiiKeySource }>();

export async function piiKey(ctx: AppContext): Promise<{ key: Buffer; source: PiiKeySource }> {
  const hit = cache.get(ctx.config);
  if (hit) return hit;
  const got = await resolveKey(ctx);
  // A key created inside a transaction that later rolls back must not outlive it in the cache.
  if (!got.createdInTx) cache.set(ctx.config, { key: got.key, source: got.source });
  return { key: got.key, source: got.source };
}

/** Resolve (and create if needed) the key at boot, so a misconfiguration fails at start-up, not at the first write. */
export async function ensurePiiKey(ctx: AppContext): Promise<PiiKeySource> {
  const { source } = await piiKey(ctx);
  if (source === 'database') ctx.logger.warn('PII_KEY 未设置:个人信息加密密钥保存在数据库中,仅适用于演示/测试;生产环境请设置 PII_KEY');
  return source;
}

async function resolveKey(ctx: AppContext): Promise<{ key: Buffer; source: PiiKeySource; createdInTx: boolean }> {
  const { config } = ctx;
  if (config.piiKeyHex) return { key: Buffer.from(config.piiKeyHex, 'hex'), source: 'env', createdInTx: false };
  if (config.dbKind === 'pglite') return { key: fileKey(config.dataDir), source: 'file', createdInTx: false };
  if (config.demo === 'off') {
    throw new AppError('PII_KEY_REQUIRED', 500, '未配置个人信息加密密钥 PII_KEY(生产环境使用 PostgreSQL 时必须设置)');
  }
  const fresh = randomBytes(16).toString('hex');
  await sql`insert into core.secret (name, value) values ('pii-key', ${fresh}) on conflict (name) do nothing`.execute(ctx.db);
  const r = await sql<{ value: string }>`select value from core.secret where name = 'pii-key'`.execute(ctx.db);
  const value = r.rows[0]!.value;
  return { key: Buffer.from(value, 'hex'), source: 'database', createdInTx: ctx.db.isTransaction && value === fresh };
}

function fileKey(dataDir: string): Buffer {
  const dir = path.resolve(dataDir, 'secrets');
  const file = path.join(dir, 'pii.key');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails if another process created it first; then we read theirs.
    writeFileSync(file, randomBytes(16).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`PII 密钥文件格式错误 / malformed key file ${file}`);
  return Buffer.from(hex, 'hex');
}
