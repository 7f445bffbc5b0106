import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor, inScope, recordInScope } from '../../../kernel/identity/index.ts';
import { moneyDb } from '../money/db.ts';
import { batchReport } from './import-roster.ts';

/** 名册导入 batches read back: history, one batch, its error workbook, and the blank template. */

/** Import history within the actor's dibao.import (or dibao.read) scope, by the importer's area. */
export async function listImports(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) {
  requirePermission(actor, 'dibao.read');
  const base = moneyDb(ctx.db)
    .selectFrom('dibao.import_batch as b')
    .where(inScope(actor, 'dibao.read', { areaPath: 'b.area_path' }));
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select([
      'b.id',
      'b.file_name',
      'b.file_kind',
      'b.area_path',
      'b.actor_name',
      'b.at',
      'b.rows',
      'b.households',
      'b.members',
      'b.accepted_rows',
      'b.rejected_rows',
      'b.accepted_households',
      sql<boolean>`b.report_enc is not null`.as('has_report'),
    ])
    .orderBy('b.at', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((b) => ({
      ...batchReport(b),
      fileKind: b.file_kind,
      areaPath: b.area_path,
      actorName: b.actor_name,
      at: new Date(b.at).toISOString(),
      hasErrorReport: b.has_report,
    })),
  };
}

async function batchInScope(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'dibao.read');
  const b = await moneyDb(ctx.db).selectFrom('dibao.import_batch').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b || !recordInScope(actor, 'dibao.read', { areaPath: b.area_path })) throw notFound('导入批次', 'IMPORT_BATCH_NOT_FOUND');
  return b;
}

/** One batch with its row errors (first 2,000). */
export async function getImport(ctx: AppContext, actor: Actor, id: string) {
  const b = await batchInScope(ctx, actor, id);
  const errors = await moneyDb(ctx.db)
    .selectFrom('dibao.import_row_error')
    .select(['row_no', 'message'])
    .where('batch_id', '=', id)
    .orderBy('row_no')
    .limit(2000)
    .execute();
  return {
    ...batchReport(b),
    fileKind: b.file_kind,
    areaPath: b.area_path,
    actorName: b.actor_name,
    at: new Date(b.at).toISOString(),
    hasErrorReport: !!b.report_enc,
    errors: errors.map((e) => ({ row: e.row_no, message: e.message })),
  };
}

/** The error report (decrypted); its download is a PII read of the persons in the file, so it is audited. */
export async function importErrorReport(ctx: AppContext, actor: Actor, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  requirePermission(actor, 'dibao.import');
  const b = await batchInScope(ctx, actor, id);
  if (!b.report_enc || !recordInScope(actor, 'dibao.import', { areaPath: b.area_path })) throw notFound('错误报告', 'IMPORT_REPORT_NOT_FOUND');
  const buffer = Buffer.from(await decryptPii(ctx, b.report_enc), 'base64');
  await recordAudit(ctx, {
    actor,
    action: 'pii.read',
    entityType: 'dibao_import_batch',
    entityId: id,
    areaPath: b.area_path,
    after: { fields: ['idNumber'], file: 'errors.xlsx' },
  });
  return { buffer, fileName: `${b.file_name.replace(/\.(xlsx|csv|txt)$/i, '')}-错误说明.xlsx` };
}

/** The import template: the columns, a notes sheet, and two example rows (synthetic IDs). */
export async function importTemplate(): Promise<Buffer> {
  const { IMPORT_COLUMNS } = await import('./parse-import.ts');
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('低保名册');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: Math.max(12, c.header.length * 2 + 4), style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'h', width: 18 },
    { header: '是否必填', key: 'r', width: 10 },
    { header: '说明', key: 'n', width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) notes.addRow({ h: c.header, r: c.required ? '必填' : '可选', n: c.note });
  notes.addRow({});
  notes.addRow({ h: '说明', n: '每行一人；同一户各行的「户主身份证号」相同，家庭信息（区划、城乡、人数、金额、起始月份、地址）填在户主行。' });
  // Examples live on this sheet (synthetic IDs), so they can never be imported by mistake.
  const ex = wb.addWorksheet('示例');
  ex.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: Math.max(12, c.header.length * 2 + 4), style: { numFmt: '@' } }));
  ex.getRow(1).font = { bold: true };
  ex.addRow({
    序号: '1',
    户主姓名: '马示例',
    户主身份证号: '640423199006150023',
    成员姓名: '马示例',
    身份证号: '640423199006150023',
    与户主关系: '户主',
    户籍地区划代码: '640423100',
    城乡类别: '农村',
    保障人数: '2',
    '月保障金额（元）': '460.00',
    保障起始月份: '2019-03',
    地址: '隆德县城关镇示例村1组',
    是否享受保障: '是',
  });
  ex.addRow({
    序号: '2',
    户主姓名: '马示例',
    户主身份证号: '640423199006150023',
    成员姓名: '马小例',
    身份证号: '640104198001011235',
    与户主关系: '配偶',
    是否享受保障: '是',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
