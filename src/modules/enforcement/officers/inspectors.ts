import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { certificateProblem, type OfficerRow } from './certified.ts';

/**
 * The 检查人员 of an inspection (互联网+监管 检查行为): at least two officers of the actor's scope, each holding a
 * valid 行政执法证 on the day of the check — their names and certificate numbers, in the order given.
 */
export async function certifiedInspectors(ctx: AppContext, actor: Actor, ids: readonly string[], day: string) {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw badRequest('VALIDATION_FAILED', '行政检查应由两名以上执法人员实施', { field: 'officerIds' });
  const rows = (
    await sql<OfficerRow>`select id, name, cert_no, user_id, org_unit_id, area_path, valid_from::text as valid_from, valid_to::text as valid_to, status,
      legal_reviewer, legal_qualification from enforcement.officer where id = any(${unique}::uuid[])`.execute(ctx.db)
  ).rows;
  const byId = new Map(rows.map((o) => [o.id, o]));
  return unique.map((id) => {
    const o = byId.get(id);
    if (!o || !recordInScope(actor, P.read, { areaPath: o.area_path, orgUnitId: o.org_unit_id }))
      throw badRequest('VALIDATION_FAILED', '「检查人员」不存在或不在本人数据范围内', { field: 'officerIds' });
    const why = certificateProblem(o, day);
    if (why) throw new AppError('ENFORCEMENT_NOT_CERTIFIED', 422, `${o.name}：${why}，不能实施行政检查`, { field: 'officerIds' });
    return { name: o.name, certificateNo: o.cert_no };
  });
}

export type UnitOfficer = { id: string; name: string; certNo: string; areaPath: string; problem: string | null };

/**
 * Officers for a 双随机 inspector pool: those of the units of an area (a 民政 department and its bureaus, e.g. the
 * 民政厅 and its 社会组织管理局) holding a valid 行政执法证 on `day`; with `ids`, exactly those officers, each with why
 * its certificate does not hold on `day` (null when it does). No scope check: the caller applies its own.
 */
export async function unitOfficers(ctx: AppContext, q: { areaPath: string; day: string } | { ids: readonly string[]; day: string }): Promise<UnitOfficer[]> {
  const where = 'ids' in q ? sql`id = any(${[...new Set(q.ids)]}::uuid[])` : sql`area_path = ${q.areaPath} and status = 'valid'`;
  const rows = (
    await sql<OfficerRow>`select id, name, cert_no, area_path, valid_from::text as valid_from, valid_to::text as valid_to, status
      from enforcement.officer where ${where} order by cert_no`.execute(ctx.db)
  ).rows;
  const all = rows.map((o) => ({ id: o.id, name: o.name, certNo: o.cert_no, areaPath: o.area_path, problem: certificateProblem(o, q.day) }));
  return 'ids' in q ? all : all.filter((o) => !o.problem);
}
