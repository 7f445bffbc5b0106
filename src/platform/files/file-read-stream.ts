import { timingSafeEqual } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import type { AppContext } from '../context.ts';
import { fileError, fileKid, fileOpener, FILE_HEADER_BYTES, FILE_MAC_BYTES } from '../crypto/file-cipher.ts';
import { piiKeyFor } from '../crypto/pii-key.ts';
import { filePath, filesRoot, pendingOf } from './file-store.ts';

/**
 * A stored file read piece by piece, for files too large to hold in memory (a 2 GB evidence video); the store's
 * `get` stays for small files. Two passes over one open descriptor (a key rotation renaming a new file over this
 * one does not disturb it): first the MAC over the whole file is checked, so no byte of a tampered or foreign file
 * leaves and the caller can still answer with an error; then the plain bytes are decrypted as they are read.
 * Memory stays at the stream's buffers whatever the file's size. Legacy plaintext files stream as they are.
 */
export async function openStoredStream(ctx: AppContext, key: string): Promise<Readable> {
  const h = await openStored(ctx, key);
  try {
    const { size } = await h.stat();
    const head = Buffer.alloc(FILE_HEADER_BYTES);
    const { bytesRead } = await h.read(head, 0, head.length, 0);
    const kid = fileKid(head.subarray(0, bytesRead));
    if (kid === null) return h.createReadStream({ start: 0 });
    if (size < FILE_HEADER_BYTES + 16 + FILE_MAC_BYTES) throw fileError('文件加密格式无法识别');
    const opener = fileOpener(await piiKeyFor(ctx, kid), head);
    const macEnd = size - FILE_MAC_BYTES;
    const mac = opener.mac();
    for await (const piece of h.createReadStream({ start: 0, end: macEnd - 1, autoClose: false })) mac.update(piece as Buffer);
    const tag = Buffer.alloc(FILE_MAC_BYTES);
    await h.read(tag, 0, FILE_MAC_BYTES, macEnd);
    if (!timingSafeEqual(mac.digest(), tag)) throw fileError('文件校验失败（可能被篡改或密钥不符）');
    const decipher = opener.decipher();
    // The body stream closes the descriptor when it ends or either side is destroyed (a client that went away).
    return pipeline(h.createReadStream({ start: FILE_HEADER_BYTES, end: macEnd - 1 }), decipher, () => undefined);
  } catch (e) {
    await h.close().catch(() => undefined);
    throw e;
  }
}

async function openStored(ctx: AppContext, key: string): Promise<FileHandle> {
  const f = filePath(filesRoot(ctx.config), key);
  return open(f, 'r').catch(async (e: NodeJS.ErrnoException) => {
    // A move into place that a crash interrupted (the daily sweep finishes it).
    const pending = e.code === 'ENOENT' ? await pendingOf(path.dirname(f), key) : undefined;
    if (!pending) throw e;
    return open(pending, 'r');
  });
}
