import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { requireRegion } from '../commands/versions.ts';
import { currentVersion } from '../queries/current-version.ts';
import { CATALOGUE_COLUMNS } from './import-catalogue.ts';
import { templateWorkbook } from './xlsx-import.ts';

/** The basic-catalogue import template: the columns, a notes sheet, and the catalogue in force to edit and upload again. */
export async function catalogueTemplate(ctx: AppContext, actor: Actor): Promise<{ buffer: Buffer; fileName: string }> {
  requireRegion(actor, 'catalogue.draft');
  const version = await currentVersion(ctx.db, chinaDate(ctx.clock.now()));
  const rows = version
    ? (
        await sql<Record<string, string | null>>`select base_code as "基本编码", parent_code as "上级编码", kind as "事项层次", name as "事项名称",
          type_code as "事项类型", legal_basis as "设定依据", array_to_string(levels, '、') as "行使层级"
        from catalogue.item where version_id = ${version.id} order by sort, base_code`.execute(ctx.db)
      ).rows
    : [];
  const buffer = await templateWorkbook(
    '基本目录',
    CATALOGUE_COLUMNS,
    rows,
    '整表校验：任何一行有错，整个文件都不导入，并生成错误说明表；全部正确时生成一个新的草稿版本（文件即完整目录），须提交后由另一人审核发布。',
  );
  return { buffer, fileName: `基本目录导入模板_${chinaDate(ctx.clock.now())}.xlsx` };
}

/** The error workbook of a refused catalogue import, for the region's drafters; 404 otherwise. */
export async function catalogueImportErrors(ctx: AppContext, actor: Actor, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  requireRegion(actor, 'catalogue.draft');
  const b = (await sql<{ file_name: string; report: Buffer | null }>`select file_name, report from catalogue.item_import where id = ${id}`.execute(ctx.db))
    .rows[0];
  if (!b?.report) throw new AppError('CATALOGUE_IMPORT_NOT_FOUND', 404, '导入错误说明不存在（import report not found）');
  return { buffer: Buffer.from(b.report), fileName: `${b.file_name.replace(/\.xlsx$/i, '')}-错误说明.xlsx` };
}
