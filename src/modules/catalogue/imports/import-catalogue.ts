import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { ITEM_TYPES, LEVELS } from '../contracts/codes.ts';
import { ItemInput } from '../contracts/catalogue.ts';
import { createVersion, requireRegion } from '../commands/versions.ts';
import { errorWorkbook, readImportFile, type ImportRow, type RefusedRow } from './xlsx-import.ts';

/** The columns of a basic-catalogue (基本目录) workbook, in template order, with the notes sheet's text. */
export const CATALOGUE_COLUMNS = [
  { header: '基本编码', note: '12位：前10位为数字，后2位为数字或“数字+Y”；文件内不得重复', field: 'baseCode' },
  { header: '上级编码', note: '子项、业务办理项必填，须为本文件中的另一行；主项留空', field: 'parentCode' },
  { header: '事项层次', note: '主项、子项 或 业务办理项；空为主项', field: 'kind' },
  { header: '事项名称', note: '2–200个字', field: 'name' },
  { header: '事项类型', note: '代码01–10、20，或名称（如“行政许可”“公共服务”）', field: 'typeCode' },
  { header: '设定依据', note: '写明法律法规及条款', field: 'legalBasis' },
  { header: '行使层级', note: '代码1–6或名称（如“市级、县级”），多个用顿号（、）分隔', field: 'levels' },
] as const;
export const CATALOGUE_HEADERS = CATALOGUE_COLUMNS.map((c) => c.header);
/** A version holds at most 5000 items (CreateVersionInput). */
const MAX_ROWS = 5000;

export type CatalogueImportReport = {
  batchId: string;
  fileName: string;
  applied: boolean;
  versionId: string | null;
  versionNumber: number | null;
  rows: number;
  rejectedRows: number;
  errors: Array<{ row: number; message: string }>;
};

const TYPE_BY_LABEL = new Map(Object.entries(ITEM_TYPES).map(([code, label]) => [label as string, code]));
const LEVEL_BY_LABEL = new Map(
  Object.entries(LEVELS).flatMap(([d, label]) => [
    [label as string, d],
    [label.replace(/级$/, ''), d],
  ]),
);
const HEADER_OF = new Map<string, string>(CATALOGUE_COLUMNS.map((c) => [c.field, c.header]));

/**
 * Every row of a catalogue file checked with the catalogue's own validators (ItemInput: the
 * 12-character base code, 01–10/20 type, legal basis, levels), plus: no base code twice, and
 * each 子项 / 业务办理项 names a 上级编码 present in the file. Problems name the column in 「」.
 */
export function checkCatalogueRows(rows: ImportRow[]): Array<RefusedRow & { item: ItemInput | null }> {
  const seen = new Map<string, number>();
  for (const { rowNo, values } of rows) {
    const code = (values['基本编码'] ?? '').trim().toUpperCase();
    if (code && !seen.has(code)) seen.set(code, rowNo);
  }
  return rows.map(({ rowNo, values: v }) => {
    const errors: string[] = [];
    const t = (v['事项类型'] ?? '').trim();
    const raw = {
      baseCode: v['基本编码'] ?? '',
      parentCode: (v['上级编码'] ?? '').trim() || null,
      kind: (v['事项层次'] ?? '').trim() || undefined,
      name: v['事项名称'] ?? '',
      typeCode: t in ITEM_TYPES ? t : (TYPE_BY_LABEL.get(t) ?? (/^\d$/.test(t) ? t.padStart(2, '0') : t)),
      legalBasis: v['设定依据'] ?? '',
      levels: (v['行使层级'] ?? '')
        .split(/[、,，;；\s]+/)
        .filter(Boolean)
        .map((l) => LEVEL_BY_LABEL.get(l) ?? l),
    };
    const p = ItemInput.safeParse(raw);
    if (!p.success) for (const i of p.error.issues) errors.push(`「${HEADER_OF.get(String(i.path[0])) ?? String(i.path[0])}」${i.message}`);
    const item = p.success ? p.data : null;
    const code = raw.baseCode.trim().toUpperCase();
    if (code && seen.get(code) !== rowNo) errors.push(`「基本编码」${code} 与第 ${seen.get(code)} 行重复`);
    if (item && item.kind !== '主项' && !item.parentCode) errors.push(`「上级编码」${item.kind}必须填写上级编码`);
    if (item?.parentCode && !seen.has(item.parentCode)) errors.push(`「上级编码」${item.parentCode} 不在本文件中`);
    if (item?.parentCode === item?.baseCode && item?.parentCode) errors.push('「上级编码」不能是本事项自己');
    return { rowNo, values: v, errors, item: errors.length ? null : item };
  });
}

/**
 * 导入基本目录: a region drafter's xlsx of the whole catalogue, every row checked. All or nothing:
 * a clean file becomes one new draft version (submitted and published by another person as
 * always); one bad row and no version is made — the batch keeps the errors and an error workbook.
 */
export async function importCatalogue(
  ctx: AppContext,
  actor: Actor,
  file: { fileName: string; bytes: Buffer },
  opts: { title?: string | undefined; effectiveOn?: string | undefined },
): Promise<CatalogueImportReport> {
  requireRegion(actor, 'catalogue.draft');
  const parsed = await readImportFile(file.bytes, CATALOGUE_HEADERS, MAX_ROWS);
  const checked = checkCatalogueRows(parsed.rows);
  const bad = checked.filter((r) => r.errors.length);
  const report = bad.length ? await errorWorkbook(parsed.header, bad) : null;
  const errors = bad.map((r) => ({ row: r.rowNo, message: r.errors.join('；') }));
  const batchId = randomUUID();
  return withTx(ctx, async (tx) => {
    const version = bad.length
      ? null
      : await createVersion(tx, actor, {
          title: opts.title || `基本目录导入（${file.fileName.replace(/\.xlsx$/i, '')}）`.slice(0, 100),
          effectiveOn: opts.effectiveOn || chinaDate(tx.clock.now()),
          items: checked.map((r) => r.item!),
        });
    await sql`insert into catalogue.item_import (id, version_id, file_name, file_sha256, actor_id, actor_name, at, rows, applied, errors, report)
      values (${batchId}, ${version?.id ?? null}, ${file.fileName.slice(0, 200)}, ${createHash('sha256').update(file.bytes).digest('hex')},
        ${userRef(actor)}, ${actor.displayName}, ${tx.clock.now()}, ${checked.length}, ${!bad.length},
        ${JSON.stringify(errors.slice(0, 2000))}::jsonb, ${report})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.version.import',
      entityType: 'catalogue_version',
      entityId: version?.id ?? batchId,
      after: { batchId, fileName: file.fileName, rows: checked.length, applied: !bad.length, rejectedRows: bad.length },
    });
    return {
      batchId,
      fileName: file.fileName,
      applied: !bad.length,
      versionId: version?.id ?? null,
      versionNumber: version?.number ?? null,
      rows: checked.length,
      rejectedRows: bad.length,
      errors: errors.slice(0, 500),
    };
  });
}
