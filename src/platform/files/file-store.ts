import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { onTxEnd, type AppContext } from '../context.ts';
import { decryptFile, encryptFile, FILE_HEADER_BYTES, fileKid, fileSealer } from '../crypto/file-cipher.ts';
import { piiKeyFor, piiKeyring } from '../crypto/pii-key.ts';

/**
 * Where attachment and document bytes live: content-addressed (SM3 of the plain bytes) files under
 * DATA_DIR/attachments/ab/cd/<key>, SM4-encrypted (crypto/file-cipher.ts), files 0600 and folders
 * 0700. Inside a transaction the bytes go to `<key>.<uuid>.tmp` and are moved into place when it
 * commits, removed when it rolls back; the daily sweep (sweep-files.ts) finishes a move a crash
 * interrupted and removes files no row names. An S3-compatible store implements the same two calls.
 */
export type AttachmentStore = { put(key: string, bytes: Buffer): Promise<void>; get(key: string): Promise<Buffer> };

export const filesRoot = (config: Config) => path.resolve(config.dataDir, 'attachments');
export const STORAGE_KEY = /^[0-9a-f]{64}$/;
/** A file waiting for its transaction: `<key>.<uuid>.tmp` (and `.part` from older releases). */
export const PENDING = /^([0-9a-f]{64})\.(?:[0-9a-f-]{36}\.tmp|part)$/;

export function filePath(root: string, key: string): string {
  if (!STORAGE_KEY.test(key)) throw new Error(`invalid storage key ${key}`);
  return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
}

const exists = (f: string) =>
  utimes(f, new Date(), new Date()).then(
    () => true,
    () => false,
  );

export function fileStore(ctx: AppContext): AttachmentStore {
  const root = filesRoot(ctx.config);
  return {
    async put(key, bytes) {
      const f = filePath(root, key);
      // Same content already stored: touch it so the sweep's grace period counts from this use.
      if (await exists(f)) return;
      await mkdir(path.dirname(f), { recursive: true, mode: 0o700 });
      const sealed = encryptFile((await piiKeyring(ctx)).key, bytes);
      const tmp = `${f}.${randomUUID()}.tmp`;
      await writeFile(tmp, sealed, { flag: 'wx', mode: 0o600 });
      const moved = onTxEnd(ctx, { commit: () => rename(tmp, f), rollback: () => rm(tmp, { force: true }) });
      if (!moved) await rename(tmp, f);
    },
    async get(key) {
      const f = filePath(root, key);
      const stored = await readFile(f).catch(async (e: NodeJS.ErrnoException) => {
        // Written earlier in this (not yet committed) transaction, or a move a crash interrupted.
        const pending = e.code === 'ENOENT' ? await pendingOf(path.dirname(f), key) : undefined;
        if (!pending) throw e;
        return readFile(pending);
      });
      return decryptFile(stored, (kid) => piiKeyFor(ctx, kid));
    },
  };
}

/**
 * A large file in two steps, so the transaction does not wait for the encryption. `sealFile`
 * (outside any transaction) encrypts the plain pieces, in order, into `scratch` (0600, the caller's
 * temporary area) and returns the SM3 of the plain bytes; on failure nothing is left at `scratch`.
 * `adoptSealed` (inside the transaction) moves it into the store under that key like `put`: in place
 * when the transaction commits, removed when it rolls back; content already stored is kept as it is.
 */
export async function sealFile(ctx: AppContext, pieces: AsyncIterable<Buffer>, scratch: string): Promise<{ sm3: string; size: number }> {
  const sealer = fileSealer((await piiKeyring(ctx)).key);
  const hash = createHash('sm3');
  let size = 0;
  const h = await open(scratch, 'wx', 0o600);
  try {
    await h.write(sealer.head);
    for await (const piece of pieces) {
      hash.update(piece);
      size += piece.length;
      await h.write(sealer.update(piece));
    }
    await h.write(sealer.final());
    await h.sync();
  } catch (e) {
    await h.close().catch(() => undefined);
    await rm(scratch, { force: true });
    throw e;
  }
  await h.close();
  return { sm3: hash.digest('hex'), size };
}

export async function adoptSealed(ctx: AppContext, key: string, scratch: string): Promise<void> {
  const f = filePath(filesRoot(ctx.config), key);
  if (await exists(f)) return void (await rm(scratch, { force: true }));
  await mkdir(path.dirname(f), { recursive: true, mode: 0o700 });
  const tmp = `${f}.${randomUUID()}.tmp`;
  await rename(scratch, tmp);
  const moved = onTxEnd(ctx, { commit: () => rename(tmp, f), rollback: () => rm(tmp, { force: true }) });
  if (!moved) await rename(tmp, f);
}

export async function pendingOf(dir: string, key: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const hit = names.find((n) => PENDING.exec(n)?.[1] === key);
  return hit ? path.join(dir, hit) : undefined;
}

/** Key id of a stored file (null: legacy plaintext), reading only its header. */
export async function storedKid(file: string): Promise<string | null> {
  const h = await open(file, 'r');
  try {
    const buf = Buffer.alloc(FILE_HEADER_BYTES);
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    return fileKid(buf.subarray(0, bytesRead));
  } finally {
    await h.close();
  }
}

/** Every file under the store's root: [folder, name] pairs, folder by folder (ab/cd). */
export async function* walkStore(root: string): AsyncGenerator<{ dir: string; name: string }> {
  for (const a of (await readdir(root).catch(() => [] as string[])).sort()) {
    for (const b of (await readdir(path.join(root, a)).catch(() => [] as string[])).sort()) {
      const dir = path.join(root, a, b);
      for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) yield { dir, name };
    }
  }
}

/** Re-encrypt one stored file under the current key (atomically: a new file renamed over the old). */
export async function resealFile(ctx: AppContext, file: string): Promise<void> {
  const plain = await decryptFile(await readFile(file), (kid) => piiKeyFor(ctx, kid));
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeFile(tmp, encryptFile((await piiKeyring(ctx)).key, plain), { flag: 'wx', mode: 0o600 });
  await rename(tmp, file);
}
