import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { type Actor, userRef } from '../../../kernel/identity/index.ts';
import { applyAction, type CaseRow } from '../../../kernel/workflow/index.ts';
import { PETITION_ERRORS, PETITION_TYPE, SATISFACTION, SATISFACTION_CHANNELS } from '../contract.ts';
import { daysFrom } from '../policies.ts';
import { petitionSetting } from './settings.ts';

export const StaffSatisfactionInput = z.object({
  satisfaction: z.enum(SATISFACTION, { message: '评价须为满意、基本满意或不满意' }),
  channel: z.enum(SATISFACTION_CHANNELS, { message: '请选择评价方式（电话、信函或当面）' }),
  comment: z.string().trim().max(500, '评价说明不超过 500 字').optional(),
});

/** The rules every 满意度评价 follows: only after the reply was delivered, once, within the setting's window. */
export async function checkRateable(tx: AppContext, c: CaseRow): Promise<void> {
  const p = (
    await sql<{
      delivered_at: Date | null;
      satisfaction: string | null;
    }>`select delivered_at, satisfaction from petitions.petition where case_id = ${c.id} for update`.execute(tx.db)
  ).rows[0];
  if (!p?.delivered_at) throw new AppError('PETITION_NOT_DELIVERED', 409, PETITION_ERRORS.NOT_DELIVERED);
  if (p.satisfaction) throw new AppError('PETITION_ALREADY_RATED', 409, PETITION_ERRORS.ALREADY_RATED);
  const within = await petitionSetting(tx, 'satisfaction.rateWithinDays');
  if (within > 0 && daysFrom(chinaDate(new Date(p.delivered_at)), chinaDate(tx.clock.now())) > within) {
    throw new AppError('PETITION_RATE_WINDOW_CLOSED', 409, `${PETITION_ERRORS.RATE_WINDOW_CLOSED}（送达后 ${within} 日内）`);
  }
}

/** Effect of the `record_rating` action: store the rating taken by staff, with its channel. */
export async function storeStaffRating(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof StaffSatisfactionInput>) {
  await checkRateable(tx, c);
  await sql`update petitions.petition set satisfaction = ${input.satisfaction}, rated_at = ${tx.clock.now()}, satisfaction_channel = ${input.channel},
    satisfaction_comment = ${input.comment ?? null}, satisfaction_by = ${userRef(actor)} where case_id = ${c.id}`.execute(tx.db);
  return {
    satisfaction: input.satisfaction,
    channel: input.channel,
    hint:
      input.satisfaction === '不满意'
        ? '信访人对处理意见不服的，可以自收到书面答复之日起 30 日内请求原办理机关的上一级机关复查；来信提出的复查请求可代为登记。'
        : null,
  };
}

/**
 * 满意度评价 taken by staff (电话回访 / 信函 / 当面) for a petitioner who does not use the portal:
 * the same rules as the portal rating — only after the reply was delivered, once — with the channel.
 * A case action: on the case timeline and the audit chain.
 */
export function recordSatisfaction(ctx: AppContext, actor: Actor, caseId: string, raw: unknown) {
  return applyAction<Awaited<ReturnType<typeof storeStaffRating>>>(ctx, actor, { caseId, type: PETITION_TYPE, action: 'record_rating', input: raw });
}
