import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { findByRefAndCode, portalActor } from './portal-access.ts';
import { requestWindow, windowClosed, withinWindow } from './review-window.ts';

export const RECHECK_ERRORS = {
  NOT_ALLOWED: '当前状态不能申请复核（须在收到书面复查意见后申请）',
} as const;

/**
 * 复核申请 from the portal: within 30 日 of the day the petitioner received the written 复查意见
 * (《信访工作条例》第三十六条; review-window.ts). The 复核期限 counts from today.
 */
export async function requestRecheck(ctx: AppContext, req: { refNo: string; queryCode: string; reason: string }) {
  return withTx(ctx, async (tx) => {
    const c = await findByRefAndCode(tx, req.refNo, req.queryCode);
    if (c.state !== 'review_delivered') throw new AppError('PETITION_RECHECK_NOT_ALLOWED', 409, RECHECK_ERRORS.NOT_ALLOWED);
    const w = await requestWindow(tx, c.id, '复核');
    if (!withinWindow(w, chinaDate(tx.clock.now()))) throw windowClosed(w);
    const row = await applyTransition(tx, portalActor(c), { caseId: c.id, transition: 'request_recheck', comment: req.reason });
    return { refNo: row.ref_no, state: row.state, notice: '复核申请已提交，复核机关将自收到申请之日起 30 日内提出复核意见。' };
  });
}
