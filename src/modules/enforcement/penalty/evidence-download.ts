import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { openStoredStream } from '../../../platform/files/file-read-stream.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS, ENFORCEMENT_PERMISSIONS, PENALTY_TYPE } from '../contracts/labels.ts';

/**
 * 下载证据文件: for whoever reads the case (the kernel's case read rule; out of scope 404 like every scoped read).
 * The stored file is checked whole (its MAC) and then decrypted as it streams, never held in memory; the download
 * is in the audit log (who, which item, its SM3) before the first byte leaves. Items recorded without a file
 * (the base64 path keeps only the SM3) have nothing to download: 404.
 */
export async function openEvidenceFile(ctx: AppContext, actor: Actor, evidenceId: string) {
  const row = await ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ id: string; case_id: string }>`enforcement.evidence`.as('e'), (j) => j.onRef(sql.ref('e.case_id') as never, '=', 'c.id'))
    .select([
      'c.id as caseId',
      'c.ref_no as refNo',
      'c.area_path as areaPath',
      'c.org_unit_id as orgUnitId',
      sql<string>`e.title`.as('title'),
      sql<string | null>`e.file_name`.as('fileName'),
      sql<string | null>`e.mime_type`.as('mimeType'),
      sql<string | null>`e.storage_key`.as('storageKey'),
      sql<string | null>`e.sm3`.as('sm3'),
      sql<number | null>`e.size_bytes::float8`.as('sizeBytes'),
    ])
    .where('c.type', '=', PENALTY_TYPE)
    .where(sql<boolean>`e.id = ${evidenceId}`)
    .where(caseReadable(actor, ENFORCEMENT_PERMISSIONS.read))
    .executeTakeFirst();
  if (!row) throw new AppError('ENFORCEMENT_NOT_FOUND', 404, ENFORCEMENT_ERRORS.NOT_FOUND);
  if (!row.storageKey || !row.fileName || !row.mimeType || !row.sm3)
    throw new AppError('ENFORCEMENT_EVIDENCE_NO_FILE', 404, '该证据只登记了校验值，没有存储文件可下载 (no stored file for this item)');
  const stream = await openStoredStream(ctx, row.storageKey);
  try {
    await recordAudit(ctx, {
      actor,
      action: 'enforcement.evidence.download',
      entityType: 'enforcement_evidence',
      entityId: evidenceId,
      after: { caseId: row.caseId, refNo: row.refNo, title: row.title, fileName: row.fileName, sm3: row.sm3, sizeBytes: row.sizeBytes },
      areaPath: row.areaPath,
      orgUnitId: row.orgUnitId,
    });
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return { stream, fileName: row.fileName, mimeType: row.mimeType, sm3: row.sm3, sizeBytes: row.sizeBytes };
}
