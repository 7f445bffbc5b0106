import { createReadStream } from 'node:fs';
import { open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../../../platform/config.ts';
import { onTxEnd, type AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { adoptSealed } from '../../../platform/files/file-store.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { enforcementDb } from '../db.ts';

/**
 * The temporary area of chunked evidence uploads: DATA_DIR/uploads/evidence/<upload id>/ (0700), one
 * file per received chunk `<index>.part` (0600, written as `<index>.<uuid>.tmp` and renamed, so a
 * chunk is either whole or absent), and the encrypted result `sealed.<uuid>.tmp` until the evidence
 * row commits. Removed on completion, cancel, or by the daily sweep (upload-sweep.ts).
 */
export const uploadsRoot = (config: Config) => path.resolve(config.dataDir, 'uploads', 'evidence');
export const uploadDir = (config: Config, id: string) => path.join(uploadsRoot(config), id);
export const chunkFile = (dir: string, index: number) => path.join(dir, `${index}.part`);

export type UploadRow = {
  id: string;
  case_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  chunk_bytes: number;
  evidence: Record<string, unknown>;
  sm3: string | null;
  sealed_name: string | null;
};

const NOT_FOUND = '上传不存在、已完成或无权查看 (upload not found)';
export const uploadNotFound = () => new AppError('ENFORCEMENT_UPLOAD_NOT_FOUND', 404, NOT_FOUND);

/** An upload the actor started, on a case they can still read; anyone else's (or out of scope) is 404. */
export async function ownUpload(ctx: AppContext, actor: Actor, id: string): Promise<UploadRow> {
  const r = await enforcementDb(ctx.db)
    .selectFrom('enforcement.evidence_upload as u')
    .innerJoin('core.case as c', 'c.id', 'u.case_id')
    .where(caseReadable(actor, ENFORCEMENT_PERMISSIONS.read))
    .where('u.id', '=', id)
    .where('u.user_id', '=', actor.userId)
    .select(['u.id', 'u.case_id', 'u.file_name', 'u.mime_type', 'u.size_bytes', 'u.chunk_bytes', 'u.evidence', 'u.sm3', 'u.sealed_name'])
    .executeTakeFirst();
  if (!r) throw uploadNotFound();
  return { ...r, size_bytes: Number(r.size_bytes) };
}

export const chunkCount = (u: Pick<UploadRow, 'size_bytes' | 'chunk_bytes'>) => Math.ceil(u.size_bytes / u.chunk_bytes);
/** The exact length chunk `index` must have (every chunk is full but the last). */
export const chunkLength = (u: Pick<UploadRow, 'size_bytes' | 'chunk_bytes'>, index: number) => Math.min(u.chunk_bytes, u.size_bytes - index * u.chunk_bytes);

/** Which chunks are on disk: a client resumes by sending the missing ones. */
export async function uploadStatus(ctx: AppContext, u: UploadRow) {
  const names = await readdir(uploadDir(ctx.config, u.id)).catch(() => [] as string[]);
  const n = chunkCount(u);
  const have = new Set(
    names
      .map((x) => /^(\d+)\.part$/.exec(x)?.[1])
      .filter((x): x is string => x !== undefined)
      .map(Number),
  );
  const received = [...have].filter((i) => i < n).sort((a, b) => a - b);
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !have.has(i));
  return {
    id: u.id,
    caseId: u.case_id,
    fileName: u.file_name,
    mimeType: u.mime_type,
    sizeBytes: u.size_bytes,
    chunkBytes: u.chunk_bytes,
    chunkCount: n,
    received,
    missing,
    receivedBytes: received.reduce((s, i) => s + chunkLength(u, i), 0),
  };
}

/** The first bytes of the file (for the content sniff). */
export async function fileHead(dir: string, bytes: number): Promise<Buffer> {
  const h = await open(chunkFile(dir, 0), 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await h.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await h.close();
  }
}

/** The whole file, chunk after chunk, streamed (never held in memory). */
export async function* chunkStream(dir: string, count: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < count; i++) for await (const piece of createReadStream(chunkFile(dir, i), { highWaterMark: 1 << 20 })) yield piece as Buffer;
}

/**
 * Inside the evidence row's transaction: take the sealed file of a completed upload into the
 * encrypted store and drop the upload (its folder goes once the transaction commits).
 */
export async function takeUpload(tx: AppContext, actor: Actor, caseId: string, id: string) {
  const u = (
    await sql<UploadRow>`select * from enforcement.evidence_upload where id = ${id} and case_id = ${caseId} and user_id = ${actor.userId} for update`.execute(
      tx.db,
    )
  ).rows[0];
  if (!u) throw uploadNotFound();
  if (!u.sm3 || !u.sealed_name) throw conflict('ENFORCEMENT_UPLOAD_INCOMPLETE', '上传尚未完成，请先完成上传 (upload not completed)');
  const dir = uploadDir(tx.config, id);
  await adoptSealed(tx, u.sm3, path.join(dir, u.sealed_name));
  await sql`delete from enforcement.evidence_upload where id = ${id}`.execute(tx.db);
  onTxEnd(tx, { commit: () => rm(dir, { recursive: true, force: true }) });
  return { sm3: u.sm3, size: Number(u.size_bytes), fileName: u.file_name, mimeType: u.mime_type };
}
