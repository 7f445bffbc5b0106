import { createHash } from 'node:crypto';
import path from 'node:path';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { fileStore } from '../../platform/files/file-store.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { lockCase } from './case-tx.ts';
import { assertCaseWritable } from './write-access.ts';

/** File types offices exchange; anything else is refused by content, not just by name. */
export const ALLOWED_ATTACHMENT_TYPES: Record<string, { ext: string[]; magic: (b: Buffer) => boolean }> = {
  'application/pdf': { ext: ['pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/jpeg': { ext: ['jpg', 'jpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  'image/png': { ext: ['png'], magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: ['docx'], magic: (b) => b[0] === 0x50 && b[1] === 0x4b },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: ['xlsx'], magic: (b) => b[0] === 0x50 && b[1] === 0x4b },
  'text/plain': { ext: ['txt'], magic: (b) => !b.includes(0) },
};
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Where attachment bytes live (encrypted, moved into place when the transaction commits): platform/files/file-store.ts. */
export function attachmentStore(ctx: AppContext) {
  return fileStore(ctx);
}

export type AttachmentFile = { fileName: string; mimeType: string; bytes: Buffer };

/**
 * The checks every upload passes (name, emptiness, size, type by content); returns the clean
 * file name. `label` names the file in the message where several arrive at once (「附件 2《…》」);
 * `field` is the form field the error points at (default `file`).
 */
export function checkAttachment(f: AttachmentFile, opts: { maxBytes?: number; label?: string; field?: string } = {}): string {
  const max = opts.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const field = opts.field ?? 'file';
  const name = path.basename(f.fileName || '').trim();
  const which = opts.label ? `${opts.label}${name ? `《${name.slice(0, 60)}》` : ''}` : '文件';
  if (!name || name.length > 200) throw badRequest('ATTACHMENT_NAME_INVALID', `${opts.label ?? ''}文件名不能为空且不超过 200 字`, { field });
  if (f.bytes.length === 0) throw badRequest('ATTACHMENT_EMPTY', `${which}为空`, { field });
  if (f.bytes.length > max) throw new AppError('ATTACHMENT_TOO_LARGE', 413, `${which}超过 ${max / 1024 / 1024} MB 上限`, { field });
  const kind = ALLOWED_ATTACHMENT_TYPES[f.mimeType];
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  if (!kind || !kind.ext.includes(ext) || !kind.magic(f.bytes))
    throw new AppError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      415,
      `${opts.label ? which + ':' : ''}只接受 PDF、JPG、PNG、DOCX、XLSX、TXT 文件，且文件内容须与扩展名相符`,
      { field },
    );
  return name;
}

/**
 * Store the bytes (content-addressed by SM3) and record the row and its audit entry, inside the
 * caller's transaction, once the case is known. The file takes its place only if the transaction
 * commits; a failed insert or a later refusal leaves nothing on disk. An actor without a user (the portal) leaves
 * uploaded_by empty: that marks the citizen's own files.
 */
export async function storeAttachment(
  tx: AppContext,
  c: { id: string; area_code: string | null; area_path: string | null; org_unit_id: string | null },
  actor: Actor,
  f: AttachmentFile & { name: string },
) {
  const sm3 = createHash('sm3').update(f.bytes).digest('hex');
  await attachmentStore(tx).put(sm3, f.bytes);
  const row = {
    id: uuidv7(),
    case_id: c.id,
    file_name: f.name,
    mime_type: f.mimeType,
    size_bytes: f.bytes.length,
    sm3,
    storage_key: sm3,
    uploaded_by: userRef(actor),
    uploaded_at: tx.clock.now(),
  };
  await tx.db.insertInto('core.attachment').values(row).execute();
  await recordAudit(tx, {
    actor,
    action: 'case.attach',
    entityType: 'case',
    entityId: c.id,
    after: { attachmentId: row.id, fileName: f.name, sm3, size: row.size_bytes },
    areaCode: c.area_code,
    areaPath: c.area_path,
    orgUnitId: c.org_unit_id,
  });
  return row;
}

/** Check type and size, hash (SM3) at upload, store, then record the row in the case's transaction. */
export async function addAttachment(ctx: AppContext, actor: Actor, req: { caseId: string; fileName: string; mimeType: string; bytes: Buffer }) {
  const name = checkAttachment(req);
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId);
    assertCaseWritable(actor, c);
    // Stored only once the case is known to be within the actor's reach: a refused upload leaves no file.
    return storeAttachment(tx, c, actor, { ...req, name });
  });
}
