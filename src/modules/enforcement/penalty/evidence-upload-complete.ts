import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { sealFile } from '../../../platform/files/file-store.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { applyAction } from '../../../kernel/workflow/index.ts';
import { PENALTY_TYPE } from '../contracts/labels.ts';
import { enforcementDb } from '../db.ts';
import { SNIFF_BYTES, sniffEvidence } from './evidence-types.ts';
import { chunkStream, fileHead, ownUpload, uploadDir, uploadStatus } from './upload-area.ts';

/**
 * 完成上传: every chunk present; the content is what was declared (by its first bytes); the file is
 * hashed (SM3) and encrypted in one streaming pass into the upload's folder, outside any
 * transaction; then the case's `evidence` act records the row and moves the file into the store in
 * one transaction (penalty/investigate.ts → takeUpload). A refusal there leaves the upload to retry.
 */
export async function completeUpload(ctx: AppContext, actor: Actor, id: string) {
  const u = await ownUpload(ctx, actor, id);
  const st = await uploadStatus(ctx, u);
  if (st.missing.length)
    throw conflict(
      'ENFORCEMENT_UPLOAD_INCOMPLETE',
      `尚缺 ${st.missing.length} 个分片（第 ${st.missing.slice(0, 10).join('、')}${st.missing.length > 10 ? ' 等' : ''} 片），请续传后再完成（chunks missing）`,
      { missing: st.missing },
    );
  const dir = uploadDir(ctx.config, id);
  const actual = sniffEvidence(await fileHead(dir, SNIFF_BYTES));
  if (actual !== u.mime_type)
    throw new AppError(
      'ENFORCEMENT_UPLOAD_CONTENT_MISMATCH',
      415,
      `文件内容与声明的类型不符：声明为 ${u.mime_type}，内容${actual ? `为 ${actual}` : '不是允许的文件类型'}（content does not match the declared type）`,
      { field: 'mimeType', declared: u.mime_type, actual },
    );
  if (u.sealed_name) await rm(path.join(dir, u.sealed_name), { force: true });
  const sealedName = `sealed.${randomUUID()}.tmp`;
  const sealed = await sealFile(ctx, chunkStream(dir, st.chunkCount), path.join(dir, sealedName));
  if (sealed.size !== u.size_bytes) {
    await rm(path.join(dir, sealedName), { force: true });
    throw conflict('ENFORCEMENT_UPLOAD_SIZE', `收到 ${sealed.size} 字节，与声明的 ${u.size_bytes} 字节不符（size mismatch）`);
  }
  await enforcementDb(ctx.db).updateTable('enforcement.evidence_upload').set({ sm3: sealed.sm3, sealed_name: sealedName }).where('id', '=', id).execute();
  return applyAction(ctx, actor, { caseId: u.case_id, type: PENALTY_TYPE, action: 'evidence', input: { ...u.evidence, uploadId: id } });
}
