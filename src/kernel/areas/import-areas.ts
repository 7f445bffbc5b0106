import { parseCsvRecords } from '../../platform/csv.ts';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { AreaLevel } from '../../platform/db/tables/areas.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../identity/actor.ts';
import { recordInScope } from '../identity/scope.ts';
import { childPath, levelOfCode, parentMismatch } from './area-rules.ts';
import { AREA_ERRORS, type ImportError, type ImportResult } from './contract.ts';

type Known = { code: string; name: string; name_en: string | null; level: number; parent_code: string | null; path: string; is_sample: boolean; sort: number };
type Row = { line: number; code: string; name: string; nameEn: string | null; level: AreaLevel; parentCode: string | null; sort: number };

const REQUIRED = ['code', 'name', 'level', 'parent_code'];

/**
 * Import or update areas from CSV (code,name,name_en,level,parent_code[,sort]). Every row is
 * validated first; any error rejects the whole file (422 with per-line errors) and writes
 * nothing. Re-importing the same file changes nothing. `system` bypasses the scope check (seeding).
 */
export async function importAreas(ctx: AppContext, actor: Actor, csv: string, opts: { sample?: boolean; system?: boolean } = {}): Promise<ImportResult> {
  const { header, records } = parseCsvRecords(csv);
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length) throw invalid([{ line: 1, field: missing.join(','), message: `表头缺少列：${missing.join('、')}` }]);
  return withTx(ctx, async (tx) => {
    const existing = await tx.db.selectFrom('core.area').select(['code', 'name', 'name_en', 'level', 'parent_code', 'path', 'is_sample', 'sort']).execute();
    const known = new Map<string, Known>(existing.map((a) => [a.code, a]));
    const errors: ImportError[] = [];
    const rows: Row[] = [];
    const seen = new Set<string>();
    for (const { line, values: v } of records) {
      const err = (field: string, message: string) => errors.push({ line, field, message });
      const level = levelOfCode(v.code!);
      if (!level) {
        err('code', `区划代码「${v.code}」格式不正确，应为 6、9 或 12 位数字`);
        continue;
      }
      if (seen.has(v.code!)) {
        err('code', `区划代码 ${v.code} 在文件中重复`);
        continue;
      }
      seen.add(v.code!);
      if (String(level) !== v.level) err('level', `层级「${v.level}」与代码 ${v.code} 不符（应为 ${level}）`);
      if (!v.name || v.name.length > 100) err('name', '名称不能为空且不超过 100 字');
      const parentCode = v.parent_code || null;
      const parent = parentCode ? (known.get(parentCode) ?? null) : null;
      if (parentCode && !parent) {
        err('parent_code', `上级区划 ${parentCode} 不存在（须先于下级出现）`);
        continue;
      }
      const mismatch = parentMismatch(v.code!, level, parent);
      if (mismatch) err('parent_code', mismatch);
      const old = known.get(v.code!);
      if (old && old.parent_code !== parentCode) err('parent_code', `不支持通过导入调整 ${v.code} 的上级区划`);
      const sort = v.sort ? Number(v.sort) : (old?.sort ?? 0);
      if (!Number.isInteger(sort)) err('sort', `排序号「${v.sort}」不是整数`);
      const path = childPath(parent?.path ?? null, v.code!);
      if (!opts.system && !recordInScope(actor, 'area.manage', { areaPath: parent?.path ?? path })) err('code', `无权在 ${parentCode ?? v.code} 下维护区划`);
      // Later rows may hang under this one.
      if (!old) known.set(v.code!, { code: v.code!, name: v.name!, name_en: null, level, parent_code: parentCode, path, is_sample: !!opts.sample, sort });
      rows.push({ line, code: v.code!, name: v.name!, nameEn: v.name_en || null, level, parentCode, sort });
    }
    if (errors.length) throw invalid(errors);
    const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, errors: [] };
    const before = new Map(existing.map((a) => [a.code, a]));
    for (const r of rows) {
      const old = before.get(r.code);
      const path = known.get(r.code)!.path;
      const after = {
        code: r.code,
        name: r.name,
        name_en: r.nameEn,
        level: r.level,
        parent_code: r.parentCode,
        path,
        is_sample: old?.is_sample ?? !!opts.sample,
        sort: r.sort,
      };
      if (!old) {
        await tx.db.insertInto('core.area').values(after).execute();
        result.inserted++;
      } else if (old.name !== r.name || old.name_en !== r.nameEn || old.sort !== r.sort) {
        await tx.db
          .updateTable('core.area')
          .set({ name: r.name, name_en: r.nameEn, sort: r.sort, updated_at: tx.clock.now() })
          .where('code', '=', r.code)
          .execute();
        result.updated++;
      } else {
        result.unchanged++;
        continue;
      }
      await recordAudit(tx, {
        actor,
        action: old ? 'area.update' : 'area.create',
        entityType: 'area',
        entityId: r.code,
        before: old ?? null,
        after,
        reason: opts.system ? '参考数据导入' : 'CSV 导入',
        areaCode: r.code,
        areaPath: path,
      });
    }
    return result;
  });
}

export function invalid(errors: ImportError[]): AppError {
  return new AppError(
    'IMPORT_INVALID',
    422,
    `${AREA_ERRORS.IMPORT_INVALID}：第 ${errors[0]!.line} 行 ${errors[0]!.message}${errors.length > 1 ? ` 等 ${errors.length} 处` : ''}`,
    { errors },
  );
}
