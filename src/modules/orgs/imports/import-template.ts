import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { IMPORT_COLUMNS } from '../contract.ts';

/** What each column of the import takes (the 填写说明 sheet). */
const COLUMN_NOTES: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  类型: '必填：社会团体、社会服务机构（民办非企业单位）或基金会',
  名称: '必填：以登记管理机关所在行政区划名称开头，以组织形式字样结尾',
  统一社会信用代码: '必填：18位，第9至17位为组织机构代码，第3至8位为登记管理机关所在行政区划代码',
  业务主管单位: '可空',
  住所: '必填',
  法定代表人: '必填',
  业务范围: '必填',
  '注册资金（元）': '必填：以元为单位，最多两位小数',
  成立登记日期: '必填：YYYY-MM-DD',
  登记证书号: '可空',
  慈善组织: '是或否（空为否）',
  公开募捐资格: '是或否（空为否）；只有慈善组织才能具有',
};

/**
 * The registry import template: the import's columns as the first sheet (text cells, so codes and dates stay as typed)
 * and a 填写说明 sheet. Needs orgs.register (who may import).
 */
export async function importTemplate(actor: Actor): Promise<Buffer> {
  requirePermission(actor, 'orgs.register');
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('登记信息');
  ws.columns = IMPORT_COLUMNS.map((h) => ({ header: h, width: h === '名称' || h === '业务范围' ? 30 : 18, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', width: 20 },
    { header: '填写要求', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) notes.addRow([c, COLUMN_NOTES[c]]);
  notes.addRow(['', '所有行均无误才会导入；有误时不导入任何一行，并返回错误说明工作簿，修改后可重新导入。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
