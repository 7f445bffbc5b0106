import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { csvRows } from '../../../platform/csv.ts';
import { readSheet, SheetUnreadable, xlsxRows } from '../../../platform/sheet-rows.ts';
import { AppError } from '../../../platform/errors.ts';
import { centsFromYuan } from '../../../platform/money.ts';
import { issuesToFields } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { IMPORT_COLUMNS, ORG_KIND_LABEL, ORG_KINDS, type OrgKind } from '../contract.ts';
import { CreateOrgInput } from '../contracts/http.ts';
import { checkName, nameKey, normalizeName } from '../names/name-rules.ts';
import { resolveAuthority } from '../registry/authority.ts';
import { insertOrganization } from '../registry/create-org.ts';
import { usccFor } from '../registry/uscc-for.ts';

/** Rows one import may hold; a longer file is refused before the rest of it is read. */
const MAX_ROWS = 20_000;
export const ImportInput = z.object({
  csv: z.string('请上传登记信息（CSV 文本）').min(1, '文件为空').max(5_000_000, '文件不能超过5MB').optional(),
  xlsxBase64: z.string('请上传登记信息（xlsx 工作簿）').min(1, '文件为空').max(7_000_000, '文件不能超过5MB').optional(),
  authorityOrgUnitId: z.uuid('登记管理机关 ID 格式不正确').optional(),
});
export const ImportResult = z.object({
  imported: z.number(),
  rows: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })),
  /** The rows with problems and a 错误说明 column, as an xlsx workbook (base64), to correct and upload again. */
  errorsXlsxBase64: z.string().nullable(),
});

const KIND_OF: Record<string, OrgKind> = Object.fromEntries([
  ...ORG_KINDS.map((k) => [ORG_KIND_LABEL[k], k] as const),
  ['社会团体', 'social_group'],
  ['社会服务机构', 'social_service'],
  ['民办非企业单位', 'social_service'],
  ['基金会', 'foundation'],
]);
const YES = new Set(['是', 'Y', 'y', '1', 'true']);
const FIELD_COLUMN: Record<string, string> = {
  kind: '类型',
  name: '名称',
  uscc: '统一社会信用代码',
  supervisorUnit: '业务主管单位',
  domicile: '住所',
  legalRepresentative: '法定代表人',
  businessScope: '业务范围',
  capitalCents: '注册资金（元）',
  registeredOn: '成立登记日期',
  certificateNo: '登记证书号',
};

/** A cell as the import reads it: dates as YYYY-MM-DD, rich text as its text, formulas by their result. */
function orgCell(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return orgCell(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

/** Header and rows of the upload (xlsx when given, else csv), read row by row and stopped past the limit. */
async function readRegistry(input: z.infer<typeof ImportInput>) {
  if (!input.xlsxBase64) return readSheet(csvRows(input.csv!.replace(/^\uFEFF/, '')), MAX_ROWS);
  try {
    return await readSheet(xlsxRows(Buffer.from(input.xlsxBase64, 'base64'), orgCell), MAX_ROWS);
  } catch (e) {
    if (e instanceof SheetUnreadable) throw new AppError('ORG_IMPORT_FILE', 400, '文件不是有效的 xlsx 工作簿。', { field: 'xlsxBase64' });
    throw e;
  }
}

/** The bad rows under the import's columns plus 错误说明, as an xlsx workbook (base64). */
async function errorWorkbook(rows: string[][]): Promise<string> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('错误行');
  ws.columns = [...IMPORT_COLUMNS, '错误说明'].map((h) => ({ header: h, width: h === '错误说明' ? 60 : 18, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/**
 * Imports an existing registry into one authority: every row is checked (USCC incl. the embedded
 * 组织机构代码 and the authority's area code, the name rules against the authority's names and the
 * rows before it, dates, amounts); nothing is written unless every row is right (one transaction);
 * otherwise the problems come back by line and column, with the bad rows as an xlsx workbook to
 * correct. The file is an xlsx workbook (its first sheet) or a CSV text, with the same columns.
 */
export async function importRegistry(ctx: AppContext, actor: Actor, input: z.infer<typeof ImportInput>): Promise<z.infer<typeof ImportResult>> {
  requirePermission(actor, 'orgs.register');
  const authority = await resolveAuthority(ctx, actor, 'orgs.register', input.authorityOrgUnitId);
  if (!input.csv && !input.xlsxBase64) throw new AppError('ORG_IMPORT_EMPTY', 400, '请上传登记信息（xlsx 或 CSV）。', { field: 'xlsxBase64' });
  const { header, records, overLimit } = await readRegistry(input);
  if (overLimit) throw new AppError('ORG_IMPORT_TOO_BIG', 400, `一次最多导入${MAX_ROWS}行，请分批导入。`);
  const missing = IMPORT_COLUMNS.slice(0, 9).filter((c) => !header.includes(c));
  if (missing.length) throw new AppError('ORG_IMPORT_COLUMNS', 400, `导入文件缺少列：${missing.join('、')}。第一行应为：${IMPORT_COLUMNS.join('，')}。`);
  if (!records.length) throw new AppError('ORG_IMPORT_EMPTY', 400, '导入文件没有数据行。');

  const db = orgsDb(ctx.db);
  const live = await db
    .selectFrom('orgs.organization')
    .select(['id', 'name', 'uscc'])
    .where('authority_org_unit_id', '=', authority.id)
    .where('status', '=', 'normal')
    .execute();
  const taken = new Set((await db.selectFrom('orgs.organization').select('uscc').execute()).map((r) => r.uscc));
  const errors: Array<{ line: number; column: string; message: string }> = [];
  const good: Array<z.infer<typeof CreateOrgInput> & { nameKey: string }> = [];
  const seen: Array<{ id: string; name: string }> = live.map((l) => ({ id: l.id, name: l.name }));
  const fileUscc = new Map<string, number>();
  for (const r of records) {
    const v = r.values;
    const err = (column: string, message: string) => errors.push({ line: r.line, column, message });
    const kind = KIND_OF[normalizeName(v['类型'] ?? '')];
    if (!kind) err('类型', `类型“${v['类型'] ?? ''}”不正确，应为社会团体、社会服务机构（民办非企业单位）或基金会。`);
    let capitalCents: number | undefined;
    try {
      capitalCents = centsFromYuan(v['注册资金（元）'] ?? '');
    } catch {
      err('注册资金（元）', `注册资金“${v['注册资金（元）']}”应为以元为单位的金额，最多两位小数。`);
    }
    const parsed = CreateOrgInput.safeParse({
      kind: kind ?? 'social_group',
      name: v['名称'],
      uscc: v['统一社会信用代码'],
      supervisorUnit: v['业务主管单位'] || null,
      domicile: v['住所'],
      legalRepresentative: v['法定代表人'],
      businessScope: v['业务范围'],
      capitalCents: capitalCents ?? 0,
      registeredOn: v['成立登记日期'],
      certificateNo: v['登记证书号'] || null,
      charity: YES.has(v['慈善组织'] ?? ''),
      publicFundraising: YES.has(v['公开募捐资格'] ?? ''),
    });
    if (!parsed.success) {
      for (const f of issuesToFields(parsed.error.issues)) err(FIELD_COLUMN[f.field] ?? f.field, f.message);
      continue;
    }
    if (!kind || capitalCents === undefined) continue;
    const o = parsed.data;
    let uscc: string | null = null;
    try {
      uscc = usccFor(o.uscc, kind, authority.areaCode);
    } catch (e) {
      err('统一社会信用代码', e instanceof AppError ? e.userMessage : String(e));
    }
    if (uscc && taken.has(uscc)) err('统一社会信用代码', `统一社会信用代码“${uscc}”已被登记。`);
    if (uscc && fileUscc.has(uscc)) err('统一社会信用代码', `统一社会信用代码“${uscc}”与第${fileUscc.get(uscc)}行重复。`);
    if (uscc) fileUscc.set(uscc, r.line);
    const check = checkName({ name: o.name, kind, authority: { names: authority.chain }, existing: seen });
    for (const p of check.problems) err('名称', p.message);
    if (o.publicFundraising && !o.charity) err('公开募捐资格', '只有慈善组织才能具有公开募捐资格。');
    seen.push({ id: `line ${r.line}`, name: normalizeName(o.name) });
    if (uscc) good.push({ ...o, kind, uscc, name: check.name, nameKey: nameKey(check.name, kind, authority.chain) });
  }
  if (errors.length) {
    const bad = new Set(errors.map((e) => e.line));
    const rows = records
      .filter((r) => bad.has(r.line))
      .map((r) => [
        ...IMPORT_COLUMNS.map((c) => r.values[c] ?? ''),
        errors
          .filter((e) => e.line === r.line)
          .map((e) => `第${e.line}行「${e.column}」${e.message}`)
          .join('；'),
      ]);
    return { imported: 0, rows: records.length, errors, errorsXlsxBase64: await errorWorkbook(rows) };
  }
  await withTx(ctx, async (tx) => {
    for (const o of good) await insertOrganization(tx, actor, authority, o);
    await recordAudit(tx, {
      actor,
      action: 'orgs.import',
      entityType: 'orgs_organization',
      areaPath: authority.areaPath,
      orgUnitId: authority.id,
      after: { authority: authority.name, rows: good.length },
    });
  });
  return { imported: good.length, rows: records.length, errors: [], errorsXlsxBase64: null };
}
