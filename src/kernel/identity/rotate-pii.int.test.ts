import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { parseConfig } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { decryptPii, encryptPii, tokenKid } from '../../platform/crypto/pii.ts';
import { kidOf, piiKey } from '../../platform/crypto/pii-key.ts';
import { fileKid } from '../../platform/crypto/file-cipher.ts';
import { filePath, filesRoot, fileStore } from '../../platform/files/file-store.ts';
import { encryptedColumns, tableOf } from './pii-columns.ts';
import { listPiiKeys, retirePiiKey } from './pii-keys.ts';
import { rotatePii } from './rotate-pii.ts';

/**
 * `minzheng pii rotate`: every *_enc value and every stored file moves from key A to key B,
 * resumably, and A can be retired only once nothing uses it.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'mz-rotate-'));
let t: TestContext;
let a: AppContext; // writes under key A (the template's key, so its values stay readable)
let b: AppContext; // key B current, A kept in PII_OLD_KEYS
let kidA = '';
const kidB = () => kidOf(Buffer.from(b.config.piiKeyHex!, 'hex'));
const env = (extra: Record<string, string>) =>
  parseConfig({ DEMO: 'on', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: dir, ...extra });
const pdf = (s: string) => Buffer.from(`%PDF-1.4\n${s}\n`);
const sm3 = (x: Buffer) => createHash('sm3').update(x).digest('hex');
const files = ['一', '二', '三', '四'].map((s) => pdf(`材料${s}`));
const legacy = pdf('加密以前的文件');

/** Every encrypted value in the database, decrypted, by column and primary key. */
async function clearValues(ctx: AppContext): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of await encryptedColumns(ctx)) {
    const r = await sql<{
      id: string;
      v: string;
    }>`select ${sql.ref(c.pk)}::text as id, ${sql.ref(c.column)} as v from ${tableOf(c)} where ${sql.ref(c.column)} like 's4.%'`.execute(ctx.db);
    for (const x of r.rows) out.set(`${c.schema}.${c.table}.${c.column}:${x.id}`, await decryptPii(ctx, x.v));
  }
  return out;
}

async function kidsInUse(ctx: AppContext): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of await encryptedColumns(ctx)) {
    const r = await sql<{ v: string }>`select ${sql.ref(c.column)} as v from ${tableOf(c)} where ${sql.ref(c.column)} is not null`.execute(ctx.db);
    for (const x of r.rows) out.set(tokenKid(x.v), (out.get(tokenKid(x.v)) ?? 0) + 1);
  }
  return out;
}

beforeAll(async () => {
  t = await openTestContext();
  const templateKey = (await piiKey(t.ctx)).key.toString('hex');
  kidA = kidOf(Buffer.from(templateKey, 'hex'));
  a = { ...t.ctx, config: env({ PII_KEY: templateKey }) };
  b = { ...t.ctx, config: env({ PII_KEY: randomBytes(16).toString('hex'), PII_OLD_KEYS: templateKey }) };
  // Phones and TOTP secrets for every user, under A.
  const users = await t.ctx.db.selectFrom('core.app_user').select('id').execute();
  let i = 0;
  for (const u of users) {
    const phone = `1380000${String(1000 + i++).padStart(4, '0')}`;
    await sql`update core.app_user set phone_enc = ${await encryptPii(a, phone)}, totp_secret_enc = ${await encryptPii(a, `SECRET${i}`)} where id = ${u.id}`.execute(
      t.ctx.db,
    );
  }
  for (const f of files) await fileStore(a).put(sm3(f), f);
  const f = filePath(filesRoot(a.config), sm3(legacy));
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, legacy);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pii rotate', () => {
  let before: Map<string, string>;
  let totalA = 0;

  it('lists key A as current with its values and files, and the plaintext file apart', async () => {
    before = await clearValues(a);
    totalA = (await kidsInUse(a)).get(kidA) ?? 0;
    expect(totalA).toBeGreaterThanOrEqual(20);
    const { keys, plainFiles } = await listPiiKeys(a);
    expect(keys[0]).toMatchObject({ kid: kidA, status: 'current', values: totalA, files: files.length });
    expect(plainFiles).toBe(1);
  });

  it('stops after N items when told (an interrupted run); A is still in use and cannot be retired', async () => {
    const lines: string[] = [];
    const r = await rotatePii(b, { stopAfter: 7, batch: 3, onProgress: (l) => lines.push(l) });
    expect(r).toMatchObject({ done: false, values: 7, files: 0, kid: kidB() });
    expect(lines.some((l) => /: 7\/\d+$/.test(l))).toBe(true);
    const inUse = await kidsInUse(b);
    expect(inUse.get(kidB())).toBe(7);
    expect(inUse.get(kidA)).toBe(totalA - 7);
    // Mixed state: everything still reads.
    expect(await clearValues(b)).toEqual(before);
    await expect(retirePiiKey(b, kidA)).rejects.toMatchObject({ code: 'PII_KEY_IN_USE' });
  });

  it('the next run resumes where it stopped and re-encrypts every value and file, values unchanged', async () => {
    const r = await rotatePii(b);
    expect(r).toMatchObject({ done: true, values: totalA - 7, files: files.length + 1 });
    const inUse = await kidsInUse(b);
    expect(inUse.get(kidA)).toBeUndefined();
    expect(inUse.get(kidB())).toBe(totalA);
    expect(await clearValues(b)).toEqual(before);
    for (const f of [...files, legacy]) {
      const raw = readFileSync(filePath(filesRoot(b.config), sm3(f)));
      expect(fileKid(raw)).toBe(kidB());
      expect((await fileStore(b).get(sm3(f))).equals(f)).toBe(true);
    }
    const { keys, plainFiles } = await listPiiKeys(b);
    expect(keys.find((k) => k.kid === kidA)).toMatchObject({ status: 'previous', values: 0, files: 0 });
    expect(plainFiles).toBe(0);
    // A third run finds nothing to do.
    expect(await rotatePii(b)).toMatchObject({ done: true, values: 0, files: 0 });
  });

  it('retires A once unused, never the current key', async () => {
    await expect(retirePiiKey(b, kidB())).rejects.toMatchObject({ code: 'PII_KEY_CURRENT' });
    await expect(retirePiiKey(b, 'ffffffff')).rejects.toMatchObject({ code: 'PII_KEY_NOT_FOUND' });
    expect(await retirePiiKey(b, kidA)).toEqual({ materialDeleted: false });
    const { keys } = await listPiiKeys(b);
    expect(keys.find((k) => k.kid === kidA)?.status).toBe('retired');
  });

  it('minzheng pii keys prints each key with its counts; pii rotate refuses a bad --stop-after', async () => {
    const { runCli } = await import('../../server/cli.ts');
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      open: async () => ({ ctx: b, handle: { ...t.handle, close: async () => {} } }),
    };
    expect(await runCli(['pii', 'keys'], io)).toBe(0);
    expect(out.find((l) => l.startsWith(kidB()))).toMatch(new RegExp(`current\\s+${(await kidsInUse(b)).get(kidB())}\\s+${files.length + 1}`));
    expect(out.find((l) => l.startsWith(kidA))).toMatch(/retired/);
    expect(await runCli(['pii', 'rotate', '--stop-after', '0'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--stop-after 须为正整数/);
  });
});
