import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../identity/actor.ts';
import { pathWithin, recordInScope } from '../identity/scope.ts';
import { AREA_ERRORS } from './contract.ts';

export type CreateOrgUnitInput = { code: string; name: string; nameEn?: string | null; kind: string; areaCode: string; parentId?: string | null };

/** Add an org unit at an area inside the actor's 'org.manage' scope. */
export async function createOrgUnit(ctx: AppContext, actor: Actor, input: CreateOrgUnitInput) {
  return withTx(ctx, async (tx) => {
    const area = await tx.db.selectFrom('core.area').select(['code', 'path']).where('code', '=', input.areaCode).executeTakeFirst();
    if (!area || !recordInScope(actor, 'org.manage', { areaPath: area.path }))
      throw new AppError('AREA_NOT_FOUND', 404, `行政区划 ${input.areaCode} 不存在或无权维护`, { field: 'areaCode' });
    await checkParent(tx, input.parentId ?? null, area.path);
    const dup = await tx.db.selectFrom('core.org_unit').select('id').where('code', '=', input.code).executeTakeFirst();
    if (dup) throw conflict('ORG_UNIT_CODE_TAKEN', `机构代码 ${input.code} 已存在`, { field: 'code' });
    const row = {
      id: uuidv7(),
      code: input.code,
      name: input.name,
      name_en: input.nameEn ?? null,
      kind: input.kind,
      area_code: area.code,
      area_path: area.path,
      parent_id: input.parentId ?? null,
    };
    await tx.db.insertInto('core.org_unit').values(row).execute();
    await recordAudit(tx, {
      actor,
      action: 'org_unit.create',
      entityType: 'org_unit',
      entityId: row.id,
      after: row,
      areaCode: area.code,
      areaPath: area.path,
      orgUnitId: row.id,
    });
    return row;
  });
}

export type UpdateOrgUnitInput = { name?: string; nameEn?: string | null; kind?: string; parentId?: string | null; active?: boolean; reason?: string };

export async function updateOrgUnit(ctx: AppContext, actor: Actor, id: string, input: UpdateOrgUnitInput) {
  return withTx(ctx, async (tx) => {
    const old = await tx.db.selectFrom('core.org_unit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!old || !recordInScope(actor, 'org.manage', { areaPath: old.area_path, orgUnitId: old.id }))
      throw new AppError('ORG_UNIT_NOT_FOUND', 404, AREA_ERRORS.ORG_UNIT_NOT_FOUND);
    if (input.parentId !== undefined && input.parentId !== old.parent_id) {
      if (input.parentId === id) throw new AppError('ORG_UNIT_PARENT_INVALID', 400, '上级机构不能是自身', { field: 'parentId' });
      await checkParent(tx, input.parentId, old.area_path);
    }
    const patch = {
      name: input.name ?? old.name,
      name_en: input.nameEn === undefined ? old.name_en : input.nameEn,
      kind: input.kind ?? old.kind,
      parent_id: input.parentId === undefined ? old.parent_id : input.parentId,
      active: input.active ?? old.active,
    };
    await tx.db
      .updateTable('core.org_unit')
      .set({ ...patch, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    const before = { name: old.name, name_en: old.name_en, kind: old.kind, parent_id: old.parent_id, active: old.active };
    await recordAudit(tx, {
      actor,
      action: 'org_unit.update',
      entityType: 'org_unit',
      entityId: id,
      before,
      after: patch,
      reason: input.reason ?? null,
      areaCode: old.area_code,
      areaPath: old.area_path,
      orgUnitId: id,
    });
    return { ...old, ...patch };
  });
}

async function checkParent(tx: AppContext, parentId: string | null, areaPath: string) {
  if (!parentId) return;
  const p = await tx.db.selectFrom('core.org_unit').select(['id', 'area_path']).where('id', '=', parentId).executeTakeFirst();
  if (!p || !pathWithin(areaPath, p.area_path))
    throw new AppError('ORG_UNIT_PARENT_INVALID', 400, '上级机构不存在，或不在本机构所在区划及其上级区划', { field: 'parentId' });
}
