import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { findByRefAndCode, portalActor } from './portal-access.ts';
import { petitionSetting } from './settings.ts';

const DAY = 24 * 3600 * 1000;

export const RECHECK_ERRORS = {
  NOT_ALLOWED: '当前状态不能申请复核(须在复查意见作出后申请)',
} as const;

/** 复核申请 from the portal, within 30 日 of the 复查意见 (the time of the conclude_review move). */
export async function requestRecheck(ctx: AppContext, req: { refNo: string; queryCode: string; reason: string }) {
  return withTx(ctx, async (tx) => {
    const c = await findByRefAndCode(tx, req.refNo, req.queryCode);
    if (c.state !== 'reviewed') throw new AppError('PETITION_RECHECK_NOT_ALLOWED', 409, RECHECK_ERRORS.NOT_ALLOWED);
    const reviewed = (
      await sql<{ at: Date }>`select at from core.case_event where case_id = ${c.id} and transition = 'conclude_review'
      order by seq desc limit 1`.execute(tx.db)
    ).rows[0];
    if (!reviewed) throw new AppError('PETITION_RECHECK_NOT_ALLOWED', 409, RECHECK_ERRORS.NOT_ALLOWED);
    // 复核 within the same window after the written 复查意见 (《信访工作条例》第三十六条), setting review.requestDays.
    const days = await petitionSetting(tx, 'review.requestDays');
    if (tx.clock.now().getTime() - new Date(reviewed.at).getTime() > days * DAY) {
      throw new AppError(
        'PETITION_RECHECK_WINDOW_CLOSED',
        409,
        `已超过申请复核期限(收到书面复查意见之日起 ${days} 日内;复查意见作出于 ${chinaDate(new Date(reviewed.at))})`,
      );
    }
    const row = await applyTransition(tx, portalActor(c), { caseId: c.id, transition: 'request_recheck', comment: req.reason });
    return { refNo: row.ref_no, state: row.state, notice: '复核申请已提交,复核机关将自收到申请之日起 30 日内提出复核意见。' };
  });
}
