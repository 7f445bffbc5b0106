import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { noJobs } from '../jobs.ts';
import { decryptPii, encryptPii } from './pii.ts';
import { piiKey } from './pii-key.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mz-pii-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const fakeCtx = (env: Record<string, string>): AppContext =>
  ({
    db: undefined as never,
    dbKind: 'pglite',
    config: parseConfig({ LOG_LEVEL: 'silent', ...env }),
    clock: { now: () => new Date() },
    jobs: noJobs,
    logger: silent,
  }) as AppContext;

describe('PII key resolution', () => {
  it('uses PII_KEY when set', async () => {
    const ctx = fakeCtx({ PII_KEY: '00112233445566778899aabbccddeeff', DATA_DIR: dir });
    expect(await piiKey(ctx)).toEqual({ key: Buffer.from('00112233445566778899aabbccddeeff', 'hex'), source: 'env' });
  });

  it('on PGlite generates one key file (0600) outside the database directory and keeps it', async () => {
    const a = fakeCtx({ DATA_DIR: dir });
    const b = fakeCtx({ DATA_DIR: dir });
    const ka = await piiKey(a);
    expect(ka.source).toBe('file');
    const file = path.join(dir, 'secrets', 'pii.key');
    expect(readFileSync(file, 'utf8').trim()).toBe(ka.key.toString('hex'));
    expect(statSync(file).mode & 0o077).toBe(0);
    const token = await encryptPii(a, '13800138000');
    expect(await decryptPii(b, token)).toBe('13800138000');
  });

  it('refuses to invent a key for PostgreSQL in production', async () => {
    const ctx = { ...fakeCtx({ DEMO: 'off', DATABASE_URL: 'postgres://x@localhost/db', DATA_DIR: dir }), dbKind: 'postgres' } as AppContext;
    await expect(piiKey(ctx)).rejects.toMatchObject({ code: 'PII_KEY_REQUIRED' });
  });
});
