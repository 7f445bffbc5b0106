import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../platform/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../identity/actor.ts';
import { recordInScope } from '../identity/scope.ts';
import { childPath, levelOfCode, parentMismatch } from './area-rules.ts';
import { AREA_ERRORS } from './contract.ts';

export type CreateAreaInput = { code: string; name: string; nameEn?: string | null; parentCode: string; sort?: number };

/** Add an area under a parent inside the actor's 'area.manage' scope. */
export async function createArea(ctx: AppContext, actor: Actor, input: CreateAreaInput) {
  const level = levelOfCode(input.code);
  if (!level) throw badRequest('AREA_CODE_INVALID', `区划代码「${input.code}」格式不正确`, { field: 'code' });
  return withTx(ctx, async (tx) => {
    const parent = await tx.db.selectFrom('core.area').select(['code', 'level', 'path']).where('code', '=', input.parentCode).executeTakeFirst();
    if (!parent || !recordInScope(actor, 'area.manage', { areaPath: parent.path }))
      throw new AppError('AREA_NOT_FOUND', 404, `上级区划 ${input.parentCode} 不存在或无权维护`, { field: 'parentCode' });
    const mismatch = parentMismatch(input.code, level, parent);
    if (mismatch) throw badRequest('AREA_PARENT_MISMATCH', mismatch, { field: 'parentCode' });
    const dup = await tx.db.selectFrom('core.area').select('code').where('code', '=', input.code).executeTakeFirst();
    if (dup) throw conflict('AREA_CODE_TAKEN', `区划代码 ${input.code} 已存在`, { field: 'code' });
    const row = {
      code: input.code,
      name: input.name,
      name_en: input.nameEn ?? null,
      level,
      parent_code: parent.code,
      path: childPath(parent.path, input.code),
      sort: input.sort ?? 0,
    };
    await tx.db.insertInto('core.area').values(row).execute();
    await recordAudit(tx, { actor, action: 'area.create', entityType: 'area', entityId: row.code, after: row, areaCode: row.code, areaPath: row.path });
    return row;
  });
}

export type UpdateAreaInput = { name?: string; nameEn?: string | null; active?: boolean; sort?: number; reason?: string };

/** Rename, re-sort or (de)activate an area. Codes and parents never change: history refers to them. */
export async function updateArea(ctx: AppContext, actor: Actor, code: string, input: UpdateAreaInput) {
  return withTx(ctx, async (tx) => {
    const old = await tx.db.selectFrom('core.area').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!old || !recordInScope(actor, 'area.manage', { areaPath: old.path })) throw new AppError('AREA_NOT_FOUND', 404, AREA_ERRORS.AREA_NOT_FOUND);
    if (input.active === false && old.level === 1) throw badRequest('AREA_ROOT_LOCKED', '不能停用省级区划', { field: 'active' });
    const patch = {
      name: input.name ?? old.name,
      name_en: input.nameEn === undefined ? old.name_en : input.nameEn,
      active: input.active ?? old.active,
      sort: input.sort ?? old.sort,
    };
    await tx.db
      .updateTable('core.area')
      .set({ ...patch, updated_at: tx.clock.now() })
      .where('code', '=', code)
      .execute();
    const before = { name: old.name, name_en: old.name_en, active: old.active, sort: old.sort };
    await recordAudit(tx, {
      actor,
      action: 'area.update',
      entityType: 'area',
      entityId: code,
      before,
      after: patch,
      reason: input.reason ?? null,
      areaCode: code,
      areaPath: old.path,
    });
    return { ...old, ...patch };
  });
}
