import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { PETITION_ERRORS, type SATISFACTION } from '../contract.ts';
import { findByRefAndCode, portalActor } from './portal-access.ts';

/** 满意度评价 on the delivered reply, once. 不满意 points the citizen to 复查. */
export async function ratePetition(ctx: AppContext, req: { refNo: string; queryCode: string; satisfaction: (typeof SATISFACTION)[number]; comment?: string }) {
  return withTx(ctx, async (tx) => {
    const c = await findByRefAndCode(tx, req.refNo, req.queryCode);
    if (!c.delivered_at) throw new AppError('PETITION_NOT_DELIVERED', 409, PETITION_ERRORS.NOT_DELIVERED);
    const updated = await sql`update petitions.petition set satisfaction = ${req.satisfaction}, rated_at = ${tx.clock.now()}
      where case_id = ${c.id} and satisfaction is null`.execute(tx.db);
    if (!Number(updated.numAffectedRows ?? 0)) throw new AppError('PETITION_ALREADY_RATED', 409, PETITION_ERRORS.ALREADY_RATED);
    await recordAudit(tx, {
      actor: portalActor(c), action: 'petition.rate', entityType: 'case', entityId: c.id,
      after: { satisfaction: req.satisfaction, comment: req.comment ?? null }, areaPath: c.area_path, orgUnitId: c.org_unit_id,
    });
    return {
      satisfaction: req.satisfaction,
      hint: req.satisfaction === '不满意' ? '对处理意见不服的,可以自收到书面答复之日起 30 日内请求原办理机关的上一级机关复查。' : null,
    };
  });
}
