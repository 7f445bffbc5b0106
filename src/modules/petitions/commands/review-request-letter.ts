import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Actor, userRef } from '../../../kernel/identity/index.ts';
import { caseNotFound, caseReadable, checkWho, partyFacts, refusalError, runTransition, workflowOf, type CaseRow } from '../../../kernel/workflow/index.ts';
import { PETITION_ERRORS, PETITION_TYPE, REVIEW_KINDS } from '../contract.ts';
import { daysFrom } from '../policies.ts';
import { portalActor } from './portal-access.ts';
import { petitionSetting } from './settings.ts';

export const ReviewRequestInput = z.object({
  which: z.enum(REVIEW_KINDS, { message: '请选择复查或复核' }),
  reason: z.string({ message: '请填写请求理由' }).trim().min(5, '请说明请求复查/复核的理由(不少于 5 字)').max(5000, '理由不超过 5000 字'),
  receivedOn: z.iso.date('收信日期格式应为 YYYY-MM-DD'),
});

/**
 * A 复查 / 复核 request received by letter, registered by staff on the petitioner's behalf
 * (《信访工作条例》第三十五条、第三十六条): within the window from the written reply (复查: the
 * 送达 of the 处理意见; 复核: the 复查意见). The move is made as the petitioner (the request is
 * theirs); the audit names the staff member who registered it.
 */
export async function registerReviewRequest(ctx: AppContext, actor: Actor, caseId: string, raw: unknown) {
  const input = parseInput(ReviewRequestInput, raw);
  return withTx(ctx, async (tx) => {
    const c = (await tx.db
      .selectFrom('core.case as c')
      .selectAll()
      .where('c.id', '=', caseId)
      .where('c.type', '=', PETITION_TYPE)
      .where(caseReadable(actor, workflowOf(PETITION_TYPE).readPermission))
      .executeTakeFirst()) as CaseRow | undefined;
    if (!c) throw caseNotFound();
    const refusal = checkWho({ permission: 'petition.handle', party: ['holder', 'supervisor'] }, '代为登记复查、复核请求', partyFacts(actor, c));
    if (refusal) throw refusalError(refusal);
    const review = input.which === '复查';
    if (c.state !== (review ? 'delivered' : 'reviewed')) {
      throw new AppError(
        review ? 'PETITION_REVIEW_NOT_ALLOWED' : 'PETITION_RECHECK_NOT_ALLOWED',
        409,
        review ? PETITION_ERRORS.REVIEW_NOT_ALLOWED : PETITION_ERRORS.RECHECK_NOT_ALLOWED,
      );
    }
    const replyOn = review ? await replyDate(tx, c.id) : await reviewOpinionDate(tx, c.id);
    const today = chinaDate(tx.clock.now());
    if (input.receivedOn > today) throw badRequest('VALIDATION_FAILED', '「收信日期」不能晚于今天', { field: 'receivedOn' });
    if (replyOn && input.receivedOn < replyOn) throw badRequest('VALIDATION_FAILED', `「收信日期」不能早于书面答复日期 ${replyOn}`, { field: 'receivedOn' });
    const days = await petitionSetting(tx, 'review.requestDays');
    if (replyOn && daysFrom(replyOn, input.receivedOn) > days) {
      throw new AppError('PETITION_REVIEW_WINDOW_CLOSED', 409, `已超过申请${input.which}期限(收到书面答复之日起 ${days} 日内;答复日期 ${replyOn})`);
    }
    // The step locks the case and checks the state again; its event and audit name the staff member who registered the letter.
    const petitioner = { ...portalActor(c), username: 'letter', displayName: `信访人(来信,${actor.displayName}代为登记)` };
    const moved = await runTransition(tx, petitioner, {
      caseId: c.id,
      name: review ? 'request_review' : 'request_recheck',
      comment: input.reason,
      note: { channel: '来信', receivedOn: input.receivedOn, replyOn, recordedBy: userRef(actor), recordedByName: actor.displayName },
    });
    const id = uuidv7();
    await sql`insert into petitions.review_request (id, case_id, which, channel, reason, received_on, recorded_by, recorded_by_name, recorded_at)
      values (${id}, ${c.id}, ${input.which}, '来信', ${input.reason}, ${input.receivedOn}, ${userRef(actor)}, ${actor.displayName}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    return { id, which: input.which, receivedOn: input.receivedOn, replyOn, state: moved.state };
  });
}

/** The 送达 date of the reply: the date given on delivery, else the day it was recorded. */
async function replyDate(tx: AppContext, caseId: string): Promise<string | null> {
  const p = (
    await sql<{
      delivered_on: string | null;
      delivered_at: Date | null;
    }>`select delivered_on::text as delivered_on, delivered_at from petitions.petition where case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  return p?.delivered_on ?? (p?.delivered_at ? chinaDate(new Date(p.delivered_at)) : null);
}

/** The day the 复查意见 was given (the latest conclude_review move). */
async function reviewOpinionDate(tx: AppContext, caseId: string): Promise<string | null> {
  const e = (
    await sql<{ at: Date }>`select at from core.case_event where case_id = ${caseId} and transition = 'conclude_review' order by seq desc limit 1`.execute(
      tx.db,
    )
  ).rows[0];
  return e ? chinaDate(new Date(e.at)) : null;
}
