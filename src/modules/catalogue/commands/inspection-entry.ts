import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { certifiedInspectors } from '../../enforcement/contract.ts';
import { InspectionRecordInput, recordInspection } from './inspection-record.ts';
import { SupervisionReviewInput } from './supervision.ts';

/** 检查行为 entered on the console: the 检查人员 are picked from the certified officers; it is reported when entered. */
export const InspectionEntryInput = InspectionRecordInput.omit({ inspectors: true, reportedAt: true, sourceModule: true, sourceId: true }).extend({
  officerIds: z.array(z.uuid('检查人员 ID 格式不正确'), { error: '请选择检查人员' }).min(2, '行政检查应由两名以上执法人员实施').max(10, '检查人员不超过10名'),
});

/** 谁监管、谁录入: staff of the supervising office enter a 检查行为 against its approved 检查实施清单 item; it waits for review. */
export async function enterInspection(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(InspectionEntryInput, raw);
  const item = (
    await sql<{ area_path: string; org_unit_id: string }>`select s.area_path, o.org_unit_id from catalogue.supervision_item s
      join catalogue.office o on o.id = s.office_id where s.code = ${input.inspectionCode} and s.kind = '检查实施清单' and s.status = 'approved'`.execute(
      ctx.db,
    )
  ).rows[0];
  if (!item || !recordInScope(actor, 'catalogue.supervise', { areaPath: item.area_path, orgUnitId: item.org_unit_id }))
    throw badRequest('CATALOGUE_INSPECTION_CODE_UNKNOWN', `检查实施清单编码 ${input.inspectionCode} 不存在、未审核通过或不在本人数据范围内`, {
      field: 'inspectionCode',
    });
  const now = ctx.clock.now();
  if (new Date(input.checkedAt) >= now) throw badRequest('VALIDATION_FAILED', '「检查时间」须早于录入时间', { field: 'checkedAt' });
  const inspectors = await certifiedInspectors(ctx, actor, input.officerIds, chinaDate(new Date(input.checkedAt)));
  const { officerIds: _ids, ...rest } = input;
  return recordInspection(ctx, actor, { ...rest, inspectors, reportedAt: now.toISOString() });
}

/** 谁审核: a reviewer of the office approves or returns (with a reason) a 检查行为; never the person who entered it. */
export async function reviewInspection(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(SupervisionReviewInput, raw);
  return withTx(ctx, async (tx) => {
    const r = (
      await sql<{ area_path: string; org_unit_id: string; status: string; entered_by: string | null }>`select i.area_path, o.org_unit_id, i.status, i.entered_by
        from catalogue.inspection_record i join catalogue.office o on o.id = i.office_id where i.id = ${id} for update of i`.execute(tx.db)
    ).rows[0];
    if (!r || !recordInScope(actor, 'catalogue.supervise_review', { areaPath: r.area_path, orgUnitId: r.org_unit_id }))
      throw new AppError('CATALOGUE_INSPECTION_NOT_FOUND', 404, '检查行为不存在或不在本人审核范围内');
    if (r.status !== 'pending') throw new AppError('CATALOGUE_INSPECTION_NOT_PENDING', 409, '该检查行为不在待审核状态');
    if (r.entered_by && r.entered_by === actor.userId)
      throw new AppError('CATALOGUE_INSPECTION_SELF_REVIEW', 403, '录入人不能审核自己录入的检查行为：谁监管、谁录入、谁审核，录入与审核须由不同人员完成');
    const status = input.approve ? 'approved' : 'rejected';
    await sql`update catalogue.inspection_record set status = ${status}, reviewed_by = ${userRef(actor)}, reviewed_by_name = ${actor.displayName},
      reviewed_at = ${tx.clock.now()}, review_note = ${input.note} where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: `catalogue.inspection.${status}`,
      entityType: 'catalogue_inspection',
      entityId: id,
      after: input,
      areaPath: r.area_path,
    });
    return { id, status };
  });
}
