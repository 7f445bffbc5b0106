import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { AppError } from '../../platform/errors.ts';
import { MATERIAL_MAX_FILE_BYTES, MATERIAL_MAX_FILES, type MaterialUpload } from './commands/materials.ts';

const MATERIAL_FIELD = /^material\.(\d{1,2})$/;

/** A JSON text field of a multipart request, or a 400 naming it. */
export function jsonField(fields: Record<string, string>, name: string, label: string): unknown {
  try {
    return fields[name] === undefined ? {} : (JSON.parse(fields[name]) as unknown);
  } catch {
    throw new AppError('VALIDATION_FAILED', 400, `「${label}」不是有效的 JSON`, { field: name });
  }
}

/**
 * The text fields (only those named) and the material files of a multipart request: each file in
 * field `material.<n>`, the n-th material of the item's list. `beforeFiles` runs once, when the
 * first file arrives (the portal checks its proof of work there, before reading any upload).
 */
export async function readMaterialParts(
  req: FastifyRequest,
  names: string[],
  beforeFiles?: (fields: Record<string, string>) => Promise<void>,
): Promise<{ fields: Record<string, string>; files: MaterialUpload[] }> {
  const fields: Record<string, string> = {};
  const files: MaterialUpload[] = [];
  let checked = !beforeFiles;
  try {
    for await (const part of req.parts({
      limits: { files: MATERIAL_MAX_FILES + 1, fileSize: MATERIAL_MAX_FILE_BYTES + 1, fields: names.length + 2, fieldSize: 512 * 1024 },
    })) {
      if (part.type === 'file') {
        const m = MATERIAL_FIELD.exec(part.fieldname);
        if (!m) throw new AppError('VALIDATION_FAILED', 400, `文件字段「${part.fieldname.slice(0, 40)}」应为 material.<材料序号>`, { field: 'materials' });
        if (!checked) {
          await beforeFiles!(fields);
          checked = true;
        }
        files.push({ index: Number(m[1]), fileName: part.filename, mimeType: part.mimetype, bytes: await part.toBuffer() });
      } else if (names.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('ATTACHMENT_TOO_LARGE', 413, `材料文件超过 ${MATERIAL_MAX_FILE_BYTES / 1024 / 1024} MB 上限`, { field: 'materials' });
    if (code === 'FST_FILES_LIMIT') throw new AppError('ATTACHMENT_TOO_MANY', 400, `申请材料最多 ${MATERIAL_MAX_FILES} 个文件`, { field: 'materials' });
    throw e;
  }
  return { fields, files };
}
