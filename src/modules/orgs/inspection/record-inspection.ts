import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';
import { Day } from '../contracts/http.ts';
import { orgInScope } from '../registry/get-org.ts';
import { CONCLUSIONS, inspectionYearProblem } from './inspection-rules.ts';
import { announceListing } from '../credit/credit-store.ts';

export const InspectionInput = z.object({
  year: z.number('请填写年度').int('年度应为整数').min(1990, '年度不正确').max(2999, '年度不正确').meta({ title: '年度' }),
  submittedOn: Day.nullable().optional().meta({ title: '年度工作报告报送日期' }),
  reviewedOn: Day.nullable().optional().meta({ title: '初审日期' }),
  conclusion: z.enum(CONCLUSIONS, '年检结论应为合格、基本合格或不合格').nullable().optional().meta({ title: '年检结论' }),
  reasons: z.string().trim().max(2000, '理由不能超过2000个字').nullable().optional().meta({ title: '结论理由' }),
  concludedOn: Day.nullable().optional().meta({ title: '结论日期' }),
});
export const InspectionRecorded = z.object({ id: z.uuid(), year: z.number(), conclusion: z.enum(CONCLUSIONS).nullable(), listingId: z.uuid().nullable() });

/**
 * Records a year's 年检: the report's submission, 初审, and the conclusion (合格/基本合格/不合格 with reasons).
 * A conclusion is final. 不合格 puts the organization on the 诚信缺失 record the same day (seed report:
 * 三年之内不能参加社会组织评估、不能承接政府购买服务). One transaction, audited.
 */
export async function recordInspection(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof InspectionInput>) {
  requirePermission(actor, 'orgs.register');
  const today = chinaDate(ctx.clock.now());
  for (const [k, label] of [
    ['submittedOn', '报送日期'],
    ['reviewedOn', '初审日期'],
    ['concludedOn', '结论日期'],
  ] as const)
    if (input[k] && input[k]! > today) throw new AppError('VALIDATION_FAILED', 400, `${label}不能晚于今天。`, { field: k });
  if (input.conclusion && !input.concludedOn) throw new AppError('VALIDATION_FAILED', 400, '作出年检结论时须填写结论日期。', { field: 'concludedOn' });
  if (input.conclusion === '不合格' && !input.reasons?.trim()) throw new AppError('VALIDATION_FAILED', 400, '年检不合格须写明理由。', { field: 'reasons' });
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, id, 'orgs.register');
    const problem = inspectionYearProblem({ registeredOn: o.registered_on_t, status: o.status, statusOn: o.status_on_t }, input.year, today);
    if (problem) throw new AppError('VALIDATION_FAILED', 400, problem, { field: 'year' });
    const db = orgsDb(tx.db);
    const prior = await db
      .selectFrom('orgs.inspection')
      .selectAll()
      .where('organization_id', '=', id)
      .where('year', '=', input.year)
      .forUpdate()
      .executeTakeFirst();
    if (prior?.conclusion)
      throw conflict('ORG_INSPECTION_CONCLUDED', `${input.year}年度检查已于${String(prior.concluded_on).slice(0, 10)}作出“${prior.conclusion}”结论。`);
    const submittedOn = input.submittedOn ?? (prior?.submitted_on ? String(prior.submitted_on).slice(0, 10) : null);
    const reviewedOn = input.reviewedOn ?? (prior?.reviewed_on ? String(prior.reviewed_on).slice(0, 10) : null);
    // 报送 → 初审 → 结论: a date before the step it follows is a typing mistake, not a record.
    if (input.reviewedOn && submittedOn && input.reviewedOn < submittedOn)
      throw new AppError('VALIDATION_FAILED', 400, `初审日期早于年度工作报告报送日期（${submittedOn}）。`, { field: 'reviewedOn' });
    if (input.conclusion && submittedOn && input.concludedOn! < submittedOn)
      throw new AppError('VALIDATION_FAILED', 400, `结论日期早于年度工作报告报送日期（${submittedOn}）。`, { field: 'concludedOn' });
    if (input.conclusion && reviewedOn && input.concludedOn! < reviewedOn)
      throw new AppError('VALIDATION_FAILED', 400, `结论日期早于初审日期（${reviewedOn}）。`, { field: 'concludedOn' });
    const rowId = prior?.id ?? randomUUID();
    const values = {
      submitted_on: submittedOn,
      reviewed_on: reviewedOn,
      conclusion: input.conclusion ?? null,
      reasons: input.reasons ?? null,
      concluded_on: input.concludedOn && input.conclusion ? input.concludedOn : null,
      concluded_by: input.conclusion ? userRef(actor) : null,
    };
    if (prior) await db.updateTable('orgs.inspection').set(values).where('id', '=', rowId).execute();
    else
      await db
        .insertInto('orgs.inspection')
        .values({ id: rowId, organization_id: id, year: input.year, ...values })
        .execute();
    let listingId: string | null = null;
    if (input.conclusion === '不合格') {
      listingId = randomUUID();
      await db
        .insertInto('orgs.credit_listing')
        .values({
          id: listingId,
          organization_id: id,
          list: 'integrity_lapse',
          reason: 'inspection_failed',
          detail: `${input.year}年度检查不合格：${input.reasons}`,
          obligation: false,
          listed_on: input.concludedOn!,
          listed_by: userRef(actor),
        })
        .execute();
      await announceListing(tx, listingId);
    }
    await recordAudit(tx, {
      actor,
      action: 'orgs.inspection.record',
      entityType: 'orgs_organization',
      entityId: id,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      after: { year: input.year, ...values, integrityLapse: listingId },
      reason: input.reasons ?? null,
    });
    return { id: rowId, year: input.year, conclusion: input.conclusion ?? null, listingId };
  });
}
