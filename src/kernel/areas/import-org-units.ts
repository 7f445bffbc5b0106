import { parseCsvRecords } from '../../platform/csv.ts';
import { withTx, type AppContext } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../identity/actor.ts';
import { pathWithin, recordInScope } from '../identity/scope.ts';
import { ORG_KINDS, type ImportError, type ImportResult } from './contract.ts';
import { invalid } from './import-areas.ts';

const REQUIRED = ['code', 'name', 'kind', 'area_code'];

/**
 * Import or update org units from CSV (code,name,name_en,kind,area_code[,parent_code]).
 * All rows are checked first; one bad row rejects the file. Idempotent.
 */
export async function importOrgUnits(ctx: AppContext, actor: Actor, csv: string, opts: { sample?: boolean; system?: boolean } = {}): Promise<ImportResult> {
  const { header, records } = parseCsvRecords(csv);
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length) throw invalid([{ line: 1, field: missing.join(','), message: `表头缺少列：${missing.join('、')}` }]);
  return withTx(ctx, async (tx) => {
    const areas = new Map((await tx.db.selectFrom('core.area').select(['code', 'path']).execute()).map((a) => [a.code, a.path]));
    const existing = await tx.db
      .selectFrom('core.org_unit')
      .select(['id', 'code', 'name', 'name_en', 'kind', 'area_code', 'area_path', 'parent_id', 'is_sample'])
      .execute();
    const byCode = new Map(existing.map((o) => [o.code, o]));
    const planned = new Map<string, { id: string; areaPath: string }>(existing.map((o) => [o.code, { id: o.id, areaPath: o.area_path }]));
    const errors: ImportError[] = [];
    const rows: Array<{ code: string; name: string; nameEn: string | null; kind: string; areaCode: string; areaPath: string; parentId: string | null }> = [];
    for (const { line, values: v } of records) {
      const err = (field: string, message: string) => errors.push({ line, field, message });
      const n = errors.length;
      if (!/^[A-Za-z0-9_.-]{2,64}$/.test(v.code!)) err('code', `机构代码「${v.code}」格式不正确（2–64 位字母、数字、-、_、.）`);
      if (!v.name || v.name.length > 100) err('name', '机构名称不能为空且不超过 100 字');
      if (!(v.kind! in ORG_KINDS)) err('kind', `机构类型「${v.kind}」无效，可选：${Object.keys(ORG_KINDS).join('、')}`);
      const areaPath = areas.get(v.area_code!);
      if (!areaPath) err('area_code', `行政区划 ${v.area_code} 不存在`);
      let parentId: string | null = null;
      if (v.parent_code) {
        const p = planned.get(v.parent_code);
        if (!p) err('parent_code', `上级机构 ${v.parent_code} 不存在（须先于下级出现）`);
        else if (areaPath && !pathWithin(areaPath, p.areaPath)) err('parent_code', `上级机构 ${v.parent_code} 不在本机构所在区划或其上级区划`);
        else parentId = p.id;
      }
      if (rows.some((r) => r.code === v.code)) err('code', `机构代码 ${v.code} 在文件中重复`);
      const old = byCode.get(v.code!);
      if (old && old.area_code !== v.area_code) err('area_code', `不支持通过导入调整机构 ${v.code} 的所属区划`);
      if (areaPath && !opts.system && !recordInScope(actor, 'org.manage', { areaPath })) err('area_code', `无权在区划 ${v.area_code} 维护机构`);
      if (errors.length > n || !areaPath) continue;
      if (!old) planned.set(v.code!, { id: uuidv7(), areaPath });
      rows.push({ code: v.code!, name: v.name!, nameEn: v.name_en || null, kind: v.kind!, areaCode: v.area_code!, areaPath, parentId });
    }
    if (errors.length) throw invalid(errors);
    const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, errors: [] };
    for (const r of rows) {
      const old = byCode.get(r.code);
      const id = planned.get(r.code)!.id;
      const after = { id, code: r.code, name: r.name, name_en: r.nameEn, kind: r.kind, area_code: r.areaCode, area_path: r.areaPath, parent_id: r.parentId };
      if (!old) {
        await tx.db
          .insertInto('core.org_unit')
          .values({ ...after, is_sample: !!opts.sample })
          .execute();
        result.inserted++;
      } else if (old.name !== r.name || old.name_en !== r.nameEn || old.kind !== r.kind || old.parent_id !== r.parentId) {
        await tx.db
          .updateTable('core.org_unit')
          .set({ name: r.name, name_en: r.nameEn, kind: r.kind, parent_id: r.parentId, updated_at: tx.clock.now() })
          .where('id', '=', id)
          .execute();
        result.updated++;
      } else {
        result.unchanged++;
        continue;
      }
      await recordAudit(tx, {
        actor,
        action: old ? 'org_unit.update' : 'org_unit.create',
        entityType: 'org_unit',
        entityId: id,
        before: old ?? null,
        after,
        reason: opts.system ? '参考数据导入' : 'CSV 导入',
        areaCode: r.areaCode,
        areaPath: r.areaPath,
        orgUnitId: id,
      });
    }
    return result;
  });
}
