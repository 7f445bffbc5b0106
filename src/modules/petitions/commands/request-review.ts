import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { PETITION_ERRORS } from '../contract.ts';
import { findByRefAndCode, portalActor } from './portal-access.ts';
import { requestWindow, windowClosed, withinWindow } from './review-window.ts';

/**
 * 复查申请 from the portal: within 30 日 (setting review.requestDays) of the day the petitioner
 * received the written reply, the last day rolled forward over rest days (《信访工作条例》第三十五条;
 * review-window.ts). The 复查期限 counts from today, the day the request is received.
 */
export async function requestReview(ctx: AppContext, req: { refNo: string; queryCode: string; reason: string }) {
  return withTx(ctx, async (tx) => {
    const c = await findByRefAndCode(tx, req.refNo, req.queryCode);
    if (c.state !== 'delivered') throw new AppError('PETITION_REVIEW_NOT_ALLOWED', 409, PETITION_ERRORS.REVIEW_NOT_ALLOWED);
    const w = await requestWindow(tx, c.id, '复查');
    if (!withinWindow(w, chinaDate(tx.clock.now()))) throw windowClosed(w);
    const row = await applyTransition(tx, portalActor(c), { caseId: c.id, transition: 'request_review', comment: req.reason });
    return { refNo: row.ref_no, state: row.state, notice: '复查申请已提交，上一级机关将自收到申请之日起 30 日内提出复查意见。' };
  });
}
