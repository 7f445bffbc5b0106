import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { csvCell, parseCsvRecords } from '../../../platform/csv.ts';
import { AppError } from '../../../platform/errors.ts';
import { centsFromYuan } from '../../../platform/money.ts';
import { issuesToFields } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { ORG_KIND_LABEL, ORG_KINDS, type OrgKind } from '../contract.ts';
import { CreateOrgInput } from '../contracts/http.ts';
import { checkName, nameKey, normalizeName } from '../names/name-rules.ts';
import { resolveAuthority } from '../registry/authority.ts';
import { insertOrganization } from '../registry/create-org.ts';
import { usccFor } from '../registry/uscc-for.ts';

/** The columns of the import file (a registry export): 类型, 名称, 统一社会信用代码 … */
export const IMPORT_COLUMNS = [
  '类型',
  '名称',
  '统一社会信用代码',
  '业务主管单位',
  '住所',
  '法定代表人',
  '业务范围',
  '注册资金（元）',
  '成立登记日期',
  '登记证书号',
  '慈善组织',
  '公开募捐资格',
] as const;
export const ImportInput = z.object({
  csv: z.string('请上传登记信息（CSV 文本）').min(1, '文件为空').max(5_000_000, '文件不能超过5MB'),
  authorityOrgUnitId: z.uuid('登记管理机关 ID 格式不正确').optional(),
});
export const ImportResult = z.object({
  imported: z.number(),
  rows: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })),
  /** The rows with problems and a 错误说明 column, to correct and upload again. */
  errorsCsv: z.string().nullable(),
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

/**
 * Imports an existing registry into one authority: every row is checked (USCC incl. the embedded
 * 组织机构代码 and the authority's area code, the name rules against the authority's names and the
 * rows before it, dates, amounts); nothing is written unless every row is right (one transaction);
 * otherwise the problems come back by line and column, with the bad rows as CSV to correct.
 */
export async function importRegistry(ctx: AppContext, actor: Actor, input: z.infer<typeof ImportInput>): Promise<z.infer<typeof ImportResult>> {
  requirePermission(actor, 'orgs.register');
  const authority = await resolveAuthority(ctx, actor, 'orgs.register', input.authorityOrgUnitId);
  const { header, records } = parseCsvRecords(input.csv.replace(/^\uFEFF/, ''));
  const missing = IMPORT_COLUMNS.slice(0, 9).filter((c) => !header.includes(c));
  if (missing.length) throw new AppError('ORG_IMPORT_COLUMNS', 400, `导入文件缺少列：${missing.join('、')}。第一行应为：${IMPORT_COLUMNS.join('，')}。`);
  if (!records.length) throw new AppError('ORG_IMPORT_EMPTY', 400, '导入文件没有数据行。');
  if (records.length > 20_000) throw new AppError('ORG_IMPORT_TOO_BIG', 400, '一次最多导入20000行，请分批导入。');

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
    const lines = records
      .filter((r) => bad.has(r.line))
      .map((r) => [
        ...IMPORT_COLUMNS.map((c) => csvCell(r.values[c] ?? '')),
        csvCell(
          errors
            .filter((e) => e.line === r.line)
            .map((e) => `第${e.line}行「${e.column}」${e.message}`)
            .join('；'),
        ),
      ]);
    const errorsCsv = '\uFEFF' + [[...IMPORT_COLUMNS, '错误说明'].join(','), ...lines.map((l) => l.join(','))].join('\r\n') + '\r\n';
    return { imported: 0, rows: records.length, errors, errorsCsv };
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
  return { imported: good.length, rows: records.length, errors: [], errorsCsv: null };
}
