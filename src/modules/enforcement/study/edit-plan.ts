import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { PlanEditInput } from './study-inputs.ts';

type PlanRow = { id: string; org_unit_id: string; area_path: string; org_name: string; year: number; title: string; target_hours: number; content: string };

/** 修改学法计划: name, year, target hours, content; the unit stays. Out of the actor's scope → 404; a year the unit already has → 409. */
export async function editPlan(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(PlanEditInput, raw);
  return withTx(ctx, async (tx) => {
    const p = (
      await sql<PlanRow>`select p.id, p.org_unit_id, p.area_path, o.name as org_name, p.year, p.title, p.target_hours, p.content
        from enforcement.study_plan p join core.org_unit o on o.id = p.org_unit_id where p.id = ${id} for update of p`.execute(tx.db)
    ).rows[0];
    if (!p || !recordInScope(actor, ENFORCEMENT_PERMISSIONS.officers, { areaPath: p.area_path, orgUnitId: p.org_unit_id }))
      throw new AppError('STUDY_PLAN_NOT_FOUND', 404, '学法计划不存在或无权修改');
    const next = {
      year: input.year ?? p.year,
      title: input.title ?? p.title,
      target_hours: input.targetHours ?? p.target_hours,
      content: input.content ?? p.content,
    };
    if (next.year !== p.year) {
      const dup = await sql`select 1 from enforcement.study_plan where org_unit_id = ${p.org_unit_id} and year = ${next.year} and id <> ${id}`.execute(tx.db);
      if (dup.rows.length) throw new AppError('STUDY_PLAN_DUPLICATE', 409, `${p.org_name}${next.year}年度的学法计划已登记`, { field: 'year' });
    }
    await sql`update enforcement.study_plan set year = ${next.year}, title = ${next.title}, target_hours = ${next.target_hours}, content = ${next.content}
      where id = ${id}`.execute(tx.db);
    const before = { year: p.year, title: p.title, target_hours: p.target_hours, content: p.content };
    await recordAudit(tx, {
      actor,
      action: 'enforcement.study_plan.edit',
      entityType: 'enforcement_study_plan',
      entityId: id,
      before,
      after: next,
      areaPath: p.area_path,
      orgUnitId: p.org_unit_id,
    });
    return { id };
  });
}
