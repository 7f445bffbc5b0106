import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { checkAttachment, storeAttachment, type AttachmentFile } from '../../../kernel/workflow/index.ts';
import { HALL_ERRORS } from '../contract.ts';
import { findHallItem } from '../items.ts';

/** One material of an item's list, as the application keeps it. */
export type Material = { name: string; required: boolean };
/** An uploaded file for the material at `index` of the item's list (multipart field `material.<index>`). */
export type MaterialUpload = AttachmentFile & { index: number };
export type CheckedMaterial = AttachmentFile & { name: string; material: string };

export const MATERIAL_MAX_FILES = 20;
export const MATERIAL_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MATERIAL_MAX_TOTAL_BYTES = 40 * 1024 * 1024;

/**
 * Every uploaded file checked before anything is written: it names a material of the list, and
 * passes the kernel's checks (PDF, JPG, PNG, DOCX, XLSX, TXT by content; 10 MB each; 40 MB and 20
 * files in all). Errors name the material in Chinese.
 */
export function checkMaterialFiles(list: Material[], uploads: MaterialUpload[]): CheckedMaterial[] {
  if (uploads.length > MATERIAL_MAX_FILES)
    throw new AppError('ATTACHMENT_TOO_MANY', 400, `申请材料最多 ${MATERIAL_MAX_FILES} 个文件（现有 ${uploads.length} 个）`, { field: 'materials' });
  if (uploads.reduce((n, f) => n + f.bytes.length, 0) > MATERIAL_MAX_TOTAL_BYTES)
    throw new AppError('ATTACHMENT_TOO_LARGE', 413, `申请材料合计超过 ${MATERIAL_MAX_TOTAL_BYTES / 1024 / 1024} MB 上限`, { field: 'materials' });
  return uploads.map((f) => {
    const m = list[f.index];
    if (!m) throw badRequest('HALL_MATERIAL_UNKNOWN', `「申请材料」第 ${f.index + 1} 项不在该事项的材料清单中`, { field: 'materials' });
    const name = checkAttachment(f, { maxBytes: MATERIAL_MAX_FILE_BYTES, label: `「${m.name}」`, field: `material.${f.index}` });
    return { ...f, name, material: m.name };
  });
}

/** Store the files as the case's attachments, each tied to its material, inside the caller's transaction. */
export async function storeMaterialFiles(tx: AppContext, caseId: string, actor: Actor, files: CheckedMaterial[]): Promise<void> {
  if (!files.length) return;
  const c = await tx.db.selectFrom('core.case').select(['id', 'area_code', 'area_path', 'org_unit_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
  for (const f of files) {
    const row = await storeAttachment(tx, c, actor, f);
    await sql`insert into hall.material_file (attachment_id, case_id, material, created_at) values (${row.id}, ${caseId}, ${f.material}, ${tx.clock.now()})`.execute(
      tx.db,
    );
  }
}

/** Which materials of the list have a file, and which required ones have none (the 补正 list). */
export async function materialState(tx: AppContext, caseId: string, list: Material[]): Promise<{ present: string[]; missing: string[] }> {
  const have = new Set(
    (await sql<{ material: string }>`select distinct material from hall.material_file where case_id = ${caseId}`.execute(tx.db)).rows.map((r) => r.material),
  );
  return { present: list.filter((m) => have.has(m.name)).map((m) => m.name), missing: list.filter((m) => m.required && !have.has(m.name)).map((m) => m.name) };
}

/** The materials list of an application: each material, whether required, and its files. */
export async function materialList(ctx: AppContext, caseId: string) {
  const a = (await sql<{ item_code: string }>`select item_code from hall.application where case_id = ${caseId}`.execute(ctx.db)).rows[0];
  const list = a ? await materialsOf(ctx, a.item_code, caseId) : [];
  const files = (
    await sql<{ id: string; material: string; file_name: string; size_bytes: number }>`select f.attachment_id as id, f.material, a.file_name, a.size_bytes
      from hall.material_file f join core.attachment a on a.id = f.attachment_id where f.case_id = ${caseId} order by a.uploaded_at`.execute(ctx.db)
  ).rows;
  return list.map((m, index) => {
    const own = files.filter((f) => f.material === m.name).map((f) => ({ id: f.id, fileName: f.file_name, sizeBytes: Number(f.size_bytes) }));
    return { index, name: m.name, required: m.required, present: own.length > 0, files: own };
  });
}

/** The application's materials list (kept at registration; the hall's own for applications made before it was kept). */
export async function materialsOf(tx: AppContext, itemCode: string, caseId: string): Promise<Material[]> {
  const r = (await sql<{ material_list: Material[] | null }>`select material_list from hall.application where case_id = ${caseId}`.execute(tx.db)).rows[0];
  if (r?.material_list) return r.material_list;
  const item = await findHallItem(tx, itemCode);
  if (!item) throw badRequest('HALL_ITEM_UNKNOWN', HALL_ERRORS.ITEM_UNKNOWN, { field: 'itemCode' });
  return item.materials;
}
