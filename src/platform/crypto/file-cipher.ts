import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';
import { kidOf } from './pii-key.ts';
import { hmacSm3 } from './sm3.ts';

/**
 * Attachment and document bytes at rest. Node 22's OpenSSL has `sm4-cbc` but no `sm4-gcm`, so a
 * file is SM4-CBC + HMAC-SM3 (encrypt-then-MAC), under keys derived from the PII master key:
 *
 *   \0 'MZF' version(1) | alg(1) | kid(8 ASCII hex) | iv(16) | ciphertext | mac(32, over all before it)
 *
 * The algorithm byte is recorded per file (1 = SM4-CBC + HMAC-SM3) so another can be added without
 * touching existing files. A file that does not start with the magic is legacy plaintext and is
 * returned as it is (uploads never start with NUL: every allowed type has its own signature, and
 * text files with NUL are refused).
 */
const MAGIC = Buffer.from([0x00, 0x4d, 0x5a, 0x46, 0x01]);
export const FILE_ALG = { sm4CbcHmacSm3: 1 } as const;
const HEADER = MAGIC.length + 1 + 8 + 16;
/** How many leading bytes `fileKid` needs. */
export const FILE_HEADER_BYTES = HEADER;
const MAC = 32;

type FileKeys = { enc: Buffer; mac: Buffer };
const derived = new WeakMap<Buffer, FileKeys>();
function keysOf(master: Buffer): FileKeys {
  let k = derived.get(master);
  if (!k) {
    k = { enc: hmacSm3(master, 'minzheng/file/enc').subarray(0, 16), mac: hmacSm3(master, 'minzheng/file/mac') };
    derived.set(master, k);
  }
  return k;
}

export function encryptFile(master: Buffer, plain: Buffer): Buffer {
  const s = fileSealer(master);
  return Buffer.concat([s.head, s.update(plain), s.final()]);
}

/**
 * The same format piece by piece, for files too large to hold in memory (a chunked upload):
 * write `head`, then `update(plain)` for each piece in order, then `final()` (last block and MAC).
 */
export function fileSealer(master: Buffer) {
  const k = keysOf(master);
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-cbc', k.enc, iv);
  const mac = createHmac('sm3', k.mac);
  const head = Buffer.concat([MAGIC, Buffer.from([FILE_ALG.sm4CbcHmacSm3]), Buffer.from(kidOf(master), 'latin1'), iv]);
  mac.update(head);
  return {
    head,
    update(plain: Buffer): Buffer {
      const out = c.update(plain);
      mac.update(out);
      return out;
    },
    final(): Buffer {
      const out = c.final();
      mac.update(out);
      return Buffer.concat([out, mac.digest()]);
    },
  };
}

/** The key id a stored file is encrypted under, or null for legacy plaintext (reads the first FILE_HEADER_BYTES). */
export function fileKid(stored: Buffer): string | null {
  if (stored.length < HEADER || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  return stored.subarray(MAGIC.length + 1, MAGIC.length + 9).toString('latin1');
}

/** Plain bytes of a stored file; `keyFor` gives the master key of the kid in its header. */
export async function decryptFile(stored: Buffer, keyFor: (kid: string) => Promise<Buffer>): Promise<Buffer> {
  const kid = fileKid(stored);
  if (kid === null) return stored;
  const alg = stored[MAGIC.length];
  if (alg !== FILE_ALG.sm4CbcHmacSm3 || stored.length < HEADER + MAC) throw fileError('文件加密格式无法识别');
  const k = keysOf(await keyFor(kid));
  const body = stored.subarray(0, stored.length - MAC);
  const want = hmacSm3(k.mac, body);
  if (!timingSafeEqual(want, stored.subarray(stored.length - MAC))) throw fileError('文件校验失败（可能被篡改或密钥不符）');
  const d = createDecipheriv('sm4-cbc', k.enc, stored.subarray(MAGIC.length + 9, HEADER));
  return Buffer.concat([d.update(body.subarray(HEADER)), d.final()]);
}

/**
 * The pieces of a stored file's layout for reading it piece by piece (platform/files/file-read-stream.ts), given its
 * first FILE_HEADER_BYTES and the master key of its kid: the MAC to run over everything before the last FILE_MAC_BYTES,
 * and the decipher for the bytes between the header and the MAC. Throws if the algorithm byte is unknown.
 */
export function fileOpener(master: Buffer, header: Buffer) {
  if (header[MAGIC.length] !== FILE_ALG.sm4CbcHmacSm3) throw fileError('文件加密格式无法识别');
  const k = keysOf(master);
  return {
    mac: () => createHmac('sm3', k.mac),
    decipher: () => createDecipheriv('sm4-cbc', k.enc, header.subarray(MAGIC.length + 9, HEADER)),
  };
}
export const FILE_MAC_BYTES = MAC;

export function fileError(msg: string) {
  return new AppError('FILE_CIPHERTEXT_INVALID', 500, msg);
}
