import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { getCase } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS, PENALTY_TYPE } from '../contracts/labels.ts';
import type { UploadStartInput } from '../contracts/inputs.ts';
import { enforcementDb } from '../db.ts';
import { EVIDENCE_TYPES, extensionFits } from './evidence-types.ts';
import { investigatorActing } from './investigate.ts';
import { chunkCount, chunkFile, chunkLength, ownUpload, uploadDir, uploadStatus } from './upload-area.ts';

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

/**
 * 分片上传, start: the evidence item's facts and the file's declared name, size and type. Only an
 * investigator of a case the actor can read, in 调查取证, may start one (others: 404 / 403 / 409), so
 * nobody sends gigabytes to learn they may not; the same checks run again in the evidence row's
 * transaction at completion.
 */
export async function startUpload(ctx: AppContext, actor: Actor, input: z.output<typeof UploadStartInput>) {
  const c = await getCase(ctx, actor, input.caseId);
  if (c.type !== PENALTY_TYPE) throw new AppError('ENFORCEMENT_NOT_FOUND', 404, ENFORCEMENT_ERRORS.NOT_FOUND);
  if (c.state !== 'investigating') throw conflict('ENFORCEMENT_UPLOAD_STAGE', '只有调查取证阶段可以上传证据 (evidence is collected during investigation)');
  const { p } = await investigatorActing(ctx, actor, c);
  if (input.officerIds.some((i) => !p.investigators.includes(i)))
    throw badRequest('VALIDATION_FAILED', '取证人员须为本案指派的执法人员', { field: 'officerIds' });
  const { maxBytes, chunkBytes } = ctx.config.upload;
  if (input.sizeBytes > maxBytes)
    throw new AppError('ENFORCEMENT_UPLOAD_TOO_LARGE', 413, `文件超过 ${mib(maxBytes)} 上限（file larger than the limit）`, { field: 'sizeBytes', maxBytes });
  if (!EVIDENCE_TYPES[input.mimeType] || !extensionFits(input.fileName, input.mimeType))
    throw new AppError(
      'ENFORCEMENT_UPLOAD_TYPE_NOT_ALLOWED',
      415,
      `只接受 MP4、MOV、WEBM 视频，M4A、MP3、WAV、AMR 录音，JPG、PNG 照片和 PDF 文件，且扩展名须与类型相符（type not allowed）`,
      { field: 'mimeType', allowed: Object.keys(EVIDENCE_TYPES) },
    );
  const { caseId, fileName, mimeType, sizeBytes, ...evidence } = input;
  const id = uuidv7();
  await mkdir(uploadDir(ctx.config, id), { recursive: true, mode: 0o700 });
  await enforcementDb(ctx.db)
    .insertInto('enforcement.evidence_upload')
    .values({
      id,
      case_id: caseId,
      user_id: actor.userId,
      file_name: fileName,
      mime_type: mimeType,
      size_bytes: sizeBytes,
      chunk_bytes: chunkBytes,
      evidence: JSON.stringify(evidence),
      sm3: null,
      sealed_name: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  return uploadStatus(ctx, await ownUpload(ctx, actor, id));
}

/** One chunk, by index (its offset is index × chunkBytes): whole and of its exact length, or refused. Sent again, it replaces. */
export async function putChunk(ctx: AppContext, actor: Actor, id: string, index: number, bytes: Buffer) {
  const u = await ownUpload(ctx, actor, id);
  const n = chunkCount(u);
  if (!Number.isInteger(index) || index < 0 || index >= n)
    throw badRequest('ENFORCEMENT_CHUNK_INDEX', `分片序号须在 0 到 ${n - 1} 之间（chunk index out of range）`, { field: 'index' });
  const want = chunkLength(u, index);
  if (bytes.length !== want)
    throw badRequest('ENFORCEMENT_CHUNK_LENGTH', `第 ${index} 片应为 ${want} 字节，收到 ${bytes.length} 字节（wrong chunk length）`, {
      field: 'chunk',
      expected: want,
    });
  const dir = uploadDir(ctx.config, id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${dir}/${index}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, bytes, { flag: 'wx', mode: 0o600 });
    await rename(tmp, chunkFile(dir, index));
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return uploadStatus(ctx, u);
}

/** 取消: the upload and its chunks are gone. */
export async function cancelUpload(ctx: AppContext, actor: Actor, id: string) {
  const u = await ownUpload(ctx, actor, id);
  await enforcementDb(ctx.db).deleteFrom('enforcement.evidence_upload').where('id', '=', u.id).execute();
  await rm(uploadDir(ctx.config, u.id), { recursive: true, force: true });
}
