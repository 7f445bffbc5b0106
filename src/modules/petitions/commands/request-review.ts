import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { PETITION_ERRORS } from '../contract.ts';
import { petitionSetting } from './settings.ts';
import { findByRefAndCode, portalActor } from './portal-access.ts';

const DAY = 24 * 3600 * 1000;

/** 复查申请 from the portal, within the setting review.requestDays (30 日) of delivery (《信访工作条例》第三十五条). */
export async function requestReview(ctx: AppContext, req: { refNo: string; queryCode: string; reason: string }) {
  return withTx(ctx, async (tx) => {
    const c = await findByRefAndCode(tx, req.refNo, req.queryCode);
    if (c.state !== 'delivered' || !c.delivered_at) throw new AppError('PETITION_REVIEW_NOT_ALLOWED', 409, PETITION_ERRORS.REVIEW_NOT_ALLOWED);
    const days = await petitionSetting(tx, 'review.requestDays');
    if (tx.clock.now().getTime() - c.delivered_at.getTime() > days * DAY) {
      throw new AppError('PETITION_REVIEW_WINDOW_CLOSED', 409, `已超过申请复查期限(收到书面答复之日起 ${days} 日内;答复送达于 ${chinaDate(c.delivered_at)})`);
    }
    const row = await applyTransition(tx, portalActor(c), { caseId: c.id, transition: 'request_review', comment: req.reason });
    return { refNo: row.ref_no, state: row.state, notice: '复查申请已提交,上一级机关将自收到申请之日起 30 日内提出复查意见。' };
  });
}
