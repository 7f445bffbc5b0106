import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { inScope, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { supervisorDeadline } from '../inspection/inspection-rules.ts';
import { orgInScope } from './get-org.ts';
import { SUPERVISOR_SCOPE } from './supervised.ts';

export const SupervisorLink = z.object({
  orgUnitId: z.uuid('业务主管单位 ID 格式不正确').meta({ title: '业务主管单位（组织机构）' }),
  basis: z.string().trim().min(2, '请填写依据').max(200, '依据不能超过200个字').optional().meta({ title: '依据' }),
});
export const SupervisorOpinion = z.object({
  year: z.number('请填写年度').int('年度应为整数').min(1990, '年度不正确').max(2999, '年度不正确').meta({ title: '年度' }),
  opinion: z.enum(['同意', '不同意'], '意见应为“同意”或“不同意”').meta({ title: '业务主管单位初审意见' }),
  comment: z.string().trim().min(2, '意见说明至少2个字').max(2000, '意见说明不能超过2000个字').nullable().optional().meta({ title: '意见说明' }),
});
export const OpinionRecorded = z.object({ year: z.number(), opinion: z.enum(['同意', '不同意']), opinionOn: z.string() });

/**
 * The registrar links an organization to its 业务主管单位's org unit (the free-text name follows the unit), so the unit's
 * accounts see it. orgs.register over the organization; the unit must be an active org unit. A different name is recorded
 * in the change history as 变更登记 of the 业务主管单位.
 */
export async function linkSupervisor(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof SupervisorLink>) {
  const o = await orgInScope(ctx, actor, id, 'orgs.register');
  const unit = await ctx.db
    .selectFrom('core.org_unit')
    .select(['id', 'name', 'area_path'])
    .where('id', '=', input.orgUnitId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!unit) throw new AppError('ORG_SUPERVISOR_UNIT', 400, '业务主管单位不存在或已停用，请先在组织机构中建立该单位。', { field: 'orgUnitId' });
  const today = chinaDate(ctx.clock.now());
  return withTx(ctx, async (tx) => {
    const db = orgsDb(tx.db);
    await db
      .updateTable('orgs.organization')
      .set({ supervisor_org_unit_id: unit.id, supervisor_area_path: unit.area_path, supervisor_unit: unit.name, version: o.version + 1 })
      .where('id', '=', id)
      .execute();
    if (o.supervisor_unit !== unit.name)
      await db
        .insertInto('orgs.change')
        .values({
          id: randomUUID(),
          organization_id: id,
          field: 'supervisorUnit',
          before: o.supervisor_unit,
          after: unit.name,
          changed_on: today,
          act: '变更登记',
          basis: input.basis ?? null,
          actor_id: userRef(actor),
        })
        .execute();
    await recordAudit(tx, {
      actor,
      action: 'orgs.supervisor.link',
      entityType: 'orgs_organization',
      entityId: id,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      before: { supervisorOrgUnitId: o.supervisor_org_unit_id, supervisorUnit: o.supervisor_unit },
      after: { supervisorOrgUnitId: unit.id, supervisorUnit: unit.name },
    });
    return { id, supervisorOrgUnitId: unit.id, supervisorUnit: unit.name };
  });
}

/**
 * The 业务主管单位's 初审 opinion on a year's annual report (社团条例第二十八条, 民非条例第二十三条: 经业务主管单位初审同意后,
 * 于5月31日前报送登记管理机关). Only for an organization it supervises (404 otherwise), a kind with that step (not a
 * foundation, 基金会条例第三十六条), a report filed and not yet reviewed by the registrar; 不同意 needs a reason. Until the
 * registrar's 初审 the unit may change its opinion.
 */
export async function giveSupervisorOpinion(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof SupervisorOpinion>) {
  const db = orgsDb(ctx.db);
  const o = await db
    .selectFrom('orgs.organization as o')
    .select(['o.id', 'o.kind', 'o.supervisor_area_path', 'o.supervisor_org_unit_id'])
    .where('o.id', '=', id)
    .where(inScope(actor, 'orgs.supervise', SUPERVISOR_SCOPE))
    .executeTakeFirst();
  if (!o) throw notFound('社会组织', 'ORG_NOT_FOUND');
  if (!supervisorDeadline(o.kind, input.year))
    throw new AppError('ORG_NO_SUPERVISOR_STEP', 400, '基金会直接向登记管理机关报送年度工作报告（《基金会管理条例》第三十六条），没有业务主管单位初审。');
  if (input.opinion === '不同意' && !input.comment) throw new AppError('VALIDATION_FAILED', 400, '不同意的，请写明理由。', { field: 'comment' });
  const i = await db.selectFrom('orgs.inspection').selectAll().where('organization_id', '=', id).where('year', '=', input.year).executeTakeFirst();
  if (!i?.submitted_on) throw conflict('ORG_REPORT_NOT_FILED', `该社会组织尚未报送${input.year}年度工作报告，报送后才能出具初审意见。`);
  if (i.reviewed_on || i.conclusion) throw conflict('ORG_ALREADY_REVIEWED', '登记管理机关已初审该年度工作报告，业务主管单位意见不能再更改。');
  const today = chinaDate(ctx.clock.now());
  return withTx(ctx, async (tx) => {
    await orgsDb(tx.db)
      .updateTable('orgs.inspection')
      .set({
        supervisor_opinion: input.opinion,
        supervisor_comment: input.comment ?? null,
        supervisor_opinion_on: today,
        supervisor_opinion_by: userRef(actor),
      })
      .where('id', '=', i.id)
      .execute();
    await recordAudit(tx, {
      actor,
      action: 'orgs.inspection.supervisor_opinion',
      entityType: 'orgs_organization',
      entityId: id,
      areaPath: o.supervisor_area_path!,
      orgUnitId: o.supervisor_org_unit_id,
      before: i.supervisor_opinion ? { opinion: i.supervisor_opinion } : null,
      after: { year: input.year, opinion: input.opinion, comment: input.comment ?? null },
    });
    return { year: input.year, opinion: input.opinion, opinionOn: today };
  });
}
