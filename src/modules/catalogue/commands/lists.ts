import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { CATALOGUE_ERRORS } from '../contracts/catalogue.ts';
import { LocalFields } from '../contracts/implementation.ts';
import { currentVersion } from '../queries/current-version.ts';
import { officeInScope } from './offices.ts';

export const AdoptInput = z.object({ versionId: z.uuid('版本 ID 格式不正确').nullable().default(null) });

/**
 * 认领/更新实施清单: every item of the published catalogue exercised at the office's level gets a row
 * (实施编码 = USCC + level + base code) and existing rows take the catalogue's four same elements.
 * Local fields of existing rows are kept. One transaction.
 */
export async function adoptCatalogue(ctx: AppContext, actor: Actor, officeId: string, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(AdoptInput, raw ?? {});
  const office = await officeInScope(ctx, actor, officeId, 'catalogue.list');
  return withTx(ctx, async (tx) => {
    let versionId = input.versionId;
    if (versionId) {
      const v = await sql<{ status: string }>`select status from catalogue.version where id = ${versionId}`.execute(tx.db);
      if (v.rows[0]?.status !== 'published') throw badRequest('CATALOGUE_VERSION_UNPUBLISHED', '只能认领已发布的基本目录版本（adopt a published version）');
    } else {
      const v = await currentVersion(tx.db, chinaDate(tx.clock.now()));
      if (!v) throw new AppError('CATALOGUE_NO_PUBLISHED', 409, CATALOGUE_ERRORS.NO_PUBLISHED);
      versionId = v.id;
    }
    const now = tx.clock.now();
    const updated = await sql`update catalogue.implementation m set name = i.name, type_code = i.type_code, legal_basis = i.legal_basis,
        version_id = i.version_id, updated_by_name = ${actor.displayName}, updated_at = ${now}
      from catalogue.item i where i.version_id = ${versionId} and i.base_code = m.base_code and m.office_id = ${officeId} and m.status = 'active'
        and (m.name, m.type_code, m.legal_basis, m.version_id) is distinct from (i.name, i.type_code, i.legal_basis, i.version_id)`.execute(tx.db);
    const inserted = await sql`insert into catalogue.implementation (id, office_id, org_unit_id, area_code, area_path, version_id, base_code, impl_code,
        name, type_code, legal_basis, case_kind, depth, visits, updated_by_name, updated_at, is_demo, created_at)
      select gen_random_uuid(), ${officeId}, ${office.org_unit_id}, ${office.area_code}, ${office.area_path}, i.version_id, i.base_code,
        ${office.uscc} || ${office.level} || i.base_code, i.name, i.type_code, i.legal_basis, '承诺件', '在线受理', 1, ${actor.displayName}, ${now},
        ${!!opts.demo}, ${now}
      from catalogue.item i where i.version_id = ${versionId} and ${office.level} = any(i.levels)
        and not exists (select 1 from catalogue.implementation m where m.office_id = ${officeId} and m.base_code = i.base_code)`.execute(tx.db);
    const result = { versionId, added: Number(inserted.numAffectedRows ?? 0n), updated: Number(updated.numAffectedRows ?? 0n) };
    await recordAudit(tx, {
      actor,
      action: 'catalogue.list.adopt',
      entityType: 'catalogue_office',
      entityId: officeId,
      after: result,
      areaPath: office.area_path,
    });
    return result;
  });
}

async function rowInScope(ctx: AppContext, actor: Actor, id: string) {
  const r = await sql<{ id: string; area_path: string; org_unit_id: string; status: string }>`
    select id, area_path, org_unit_id, status from catalogue.implementation where id = ${id} for update`.execute(ctx.db);
  const m = r.rows[0];
  if (!m || !recordInScope(actor, 'catalogue.list', { areaPath: m.area_path, orgUnitId: m.org_unit_id }))
    throw new AppError('CATALOGUE_IMPL_NOT_FOUND', 404, '实施清单事项不存在或不在本人数据范围内（list row not found）');
  return m;
}

/** The office edits its own fields (受理条件, 材料, 时限, 办件类型, 办理深度, 跑动次数, 收费, 窗口, 进驻大厅). */
export async function updateImplementation(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const f = parseInput(LocalFields, raw);
  if (f.caseKind === '承诺件' && f.promiseDays === null)
    throw badRequest('VALIDATION_FAILED', '承诺件须填写承诺时限（工作日）(a promised case needs its promised working days)', { field: 'promiseDays' });
  if (f.promiseDays !== null && f.legalDays !== null && f.promiseDays > f.legalDays)
    throw badRequest('VALIDATION_FAILED', '承诺时限不能长于法定时限（the promised limit cannot exceed the statutory one）', { field: 'promiseDays' });
  if (f.depth === '全程网办' && f.visits > 0)
    throw badRequest('VALIDATION_FAILED', '全程网办的事项跑动次数应为0(fully online means no visit)', { field: 'visits' });
  return withTx(ctx, async (tx) => {
    const m = await rowInScope(tx, actor, id);
    if (m.status !== 'active') throw new AppError('CATALOGUE_IMPL_REVOKED', 409, '该实施清单事项已取消，不能修改（the row is revoked）');
    await sql`update catalogue.implementation set accept_conditions = ${f.acceptConditions}, materials = ${JSON.stringify(f.materials)},
      legal_days = ${f.legalDays}, promise_days = ${f.promiseDays}, case_kind = ${f.caseKind}, depth = ${f.depth}, visits = ${f.visits},
      fee = ${f.fee}, service_window = ${f.serviceWindow}, in_hall = ${f.inHall}, updated_by_name = ${actor.displayName},
      updated_at = ${tx.clock.now()} where id = ${id}`.execute(tx.db);
    await recordAudit(tx, { actor, action: 'catalogue.list.update', entityType: 'catalogue_implementation', entityId: id, after: f, areaPath: m.area_path });
    return { id };
  });
}

/** 取消 a row the office no longer implements (kept for history). */
export async function revokeImplementation(ctx: AppContext, actor: Actor, id: string) {
  return withTx(ctx, async (tx) => {
    const m = await rowInScope(tx, actor, id);
    await sql`update catalogue.implementation set status = 'revoked', updated_by_name = ${actor.displayName}, updated_at = ${tx.clock.now()}
      where id = ${id}`.execute(tx.db);
    await recordAudit(tx, { actor, action: 'catalogue.list.revoke', entityType: 'catalogue_implementation', entityId: id, areaPath: m.area_path });
    return { id, status: 'revoked' };
  });
}
