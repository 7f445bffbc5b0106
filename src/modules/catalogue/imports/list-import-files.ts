import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { officeInScope } from '../commands/offices.ts';
import { currentVersion } from '../queries/current-version.ts';
import { LIST_COLUMNS } from './list-columns.ts';
import { templateWorkbook } from './xlsx-import.ts';

type Row = Record<string, string | number | null>;

/** An office's active list rows under the template's column names (what the template writes, and what an import compares with). */
export async function storedListRows(ctx: AppContext, officeId: string): Promise<Row[]> {
  return (
    await sql<Row>`select impl_code as "实施编码", base_code as "基本编码", name as "事项名称", type_code as "事项类型", legal_basis as "设定依据",
      accept_conditions as "受理条件", (select string_agg(x, '、') from jsonb_array_elements_text(materials) x) as "申请材料",
      legal_days as "法定时限（日）", promise_days as "承诺时限（工作日）", case_kind as "办件类型", depth as "办理深度", visits as "跑动次数",
      fee as "收费", service_window as "窗口", case when in_hall then '是' else '否' end as "是否进驻大厅"
    from catalogue.implementation where office_id = ${officeId} and status = 'active' order by base_code`.execute(ctx.db)
  ).rows;
}

/**
 * The import template of an office: the columns, a notes sheet, and one row per item of its list
 * (or, before it has one, per catalogue item exercised at its level, with its 实施编码 filled in) —
 * downloaded, edited and uploaded again.
 */
export async function listTemplate(ctx: AppContext, actor: Actor, officeId: string): Promise<{ buffer: Buffer; fileName: string }> {
  const office = await officeInScope(ctx, actor, officeId, 'catalogue.read');
  let rows: Row[] = await storedListRows(ctx, officeId);
  const version = await currentVersion(ctx.db, chinaDate(ctx.clock.now()));
  if (!rows.length && version)
    rows = (
      await sql<Row>`select ${office.uscc + office.level} || base_code as "实施编码", base_code as "基本编码", name as "事项名称",
        type_code as "事项类型", legal_basis as "设定依据", '承诺件' as "办件类型", '在线受理' as "办理深度", 1 as "跑动次数", '不收费' as "收费",
        '是' as "是否进驻大厅"
      from catalogue.item where version_id = ${version.id} and ${office.level} = any(levels) order by sort, base_code`.execute(ctx.db)
    ).rows;
  const buffer = await templateWorkbook(
    '实施清单',
    LIST_COLUMNS,
    rows,
    '整表校验：任何一行有错，整个文件都不导入，并生成错误说明表；全部正确时逐行更新或新增，文件未列出的事项保持不变。',
  );
  return { buffer, fileName: `实施清单导入模板_${office.name}.xlsx` };
}

/** The error workbook of a refused import, for the office's list keepers; 404 otherwise. */
export async function listImportErrors(ctx: AppContext, actor: Actor, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const b = (
    await sql<{ area_path: string; org_unit_id: string; file_name: string; report: Buffer | null }>`select area_path, org_unit_id, file_name, report
      from catalogue.list_import where id = ${id}`.execute(ctx.db)
  ).rows[0];
  if (!b || !b.report || !recordInScope(actor, 'catalogue.list', { areaPath: b.area_path, orgUnitId: b.org_unit_id }))
    throw new AppError('CATALOGUE_IMPORT_NOT_FOUND', 404, '导入错误说明不存在或不在本人数据范围内（import report not found）');
  return { buffer: Buffer.from(b.report), fileName: `${b.file_name.replace(/\.xlsx$/i, '')}-错误说明.xlsx` };
}
