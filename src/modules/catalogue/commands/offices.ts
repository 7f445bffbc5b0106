import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { validateUscc } from '../../../kernel/codes/index.ts';
import { LEVEL_OF_AREA } from '../contracts/codes.ts';

export const OfficeInput = z.object({
  orgUnitId: z.uuid('组织机构 ID 格式不正确'),
  name: z.string({ error: '实施主体名称必须填写' }).trim().min(2, '实施主体名称至少2个字').max(100),
  uscc: z.string({ error: '统一社会信用代码必须填写' }).trim().toUpperCase(),
});

/** An org unit in the actor's scope for a permission; 404 otherwise. */
export async function orgUnitInScope(ctx: AppContext, actor: Actor, orgUnitId: string, permission: string) {
  const r = await sql<{ id: string; area_code: string; area_path: string; level: number }>`select o.id, o.area_code, o.area_path, a.level
    from core.org_unit o join core.area a on a.code = o.area_code where o.id = ${orgUnitId}`.execute(ctx.db);
  const o = r.rows[0];
  if (!o || !recordInScope(actor, permission, { areaPath: o.area_path, orgUnitId: o.id }))
    throw new AppError('CATALOGUE_ORG_NOT_FOUND', 404, '组织机构不存在或不在本人数据范围内（org unit not found）');
  return o;
}

/** 登记实施主体: an org unit's implementing body with its USCC; the 行使层级 follows the area's level. */
export async function registerOffice(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(OfficeInput, raw);
  const u = validateUscc(input.uscc);
  if (!u.valid) throw badRequest('CATALOGUE_USCC_INVALID', `统一社会信用代码 ${input.uscc} 无效：${u.reason}`, { field: 'uscc' });
  const o = await orgUnitInScope(ctx, actor, input.orgUnitId, 'catalogue.list');
  const level = LEVEL_OF_AREA[o.level]!;
  return withTx(ctx, async (tx) => {
    const dup = await sql`select 1 from catalogue.office where uscc = ${u.code}`.execute(tx.db);
    if (dup.rows.length) throw conflict('CATALOGUE_OFFICE_EXISTS', `统一社会信用代码 ${u.code} 已登记为实施主体（office already registered）`);
    const id = randomUUID();
    await sql`insert into catalogue.office (id, org_unit_id, name, uscc, level, area_code, area_path, created_at)
      values (${id}, ${o.id}, ${input.name}, ${u.code}, ${level}, ${o.area_code}, ${o.area_path}, ${tx.clock.now()})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.office.register',
      entityType: 'catalogue_office',
      entityId: id,
      after: { name: input.name, uscc: u.code, level },
    });
    return { id, level };
  });
}

export type OfficeRow = { id: string; org_unit_id: string; name: string; uscc: string; level: string; area_code: string; area_path: string };

/** An office the actor may act on with `permission`; 404 otherwise. */
export async function officeInScope(ctx: AppContext, actor: Actor, officeId: string, permission: string): Promise<OfficeRow> {
  const r = await sql<OfficeRow>`select id, org_unit_id, name, uscc, level, area_code, area_path from catalogue.office where id = ${officeId}`.execute(ctx.db);
  const o = r.rows[0];
  if (!o || !recordInScope(actor, permission, { areaPath: o.area_path, orgUnitId: o.org_unit_id }))
    throw new AppError('CATALOGUE_OFFICE_NOT_FOUND', 404, '实施主体不存在或不在本人数据范围内（office not found）');
  return o;
}
