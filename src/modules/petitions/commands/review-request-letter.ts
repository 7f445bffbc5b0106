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
import { portalActor } from './portal-access.ts';
import { requestWindow, windowClosed, withinWindow } from './review-window.ts';
import { RECHECK_ERRORS } from './request-recheck.ts';

export const ReviewRequestInput = z.object({
  which: z.enum(REVIEW_KINDS, { message: '请选择复查或复核' }),
  reason: z.string({ message: '请填写请求理由' }).trim().min(5, '请说明请求复查/复核的理由（不少于 5 字）').max(5000, '理由不超过 5000 字'),
  receivedOn: z.iso.date('收信日期格式应为 YYYY-MM-DD'),
  /** The letter's postmark: the request counts as made that day (the window); absent, the day it was received. */
  postmarkOn: z.iso.date('邮戳日期格式应为 YYYY-MM-DD').optional(),
});

/**
 * A 复查 / 复核 request received by letter, registered by staff on the petitioner's behalf
 * (《信访工作条例》第三十五条、第三十六条). The request is in time when its postmark (else the day
 * it arrived) is within the window from the day the petitioner received the written reply (复查) or
 * the 复查意见 (复核) — review-window.ts; the decision clock counts from the day it arrived. The
 * move is made as the petitioner (the request is theirs); the audit names the staff member who registered it.
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
    if (c.state !== (review ? 'delivered' : 'review_delivered')) {
      throw new AppError(
        review ? 'PETITION_REVIEW_NOT_ALLOWED' : 'PETITION_RECHECK_NOT_ALLOWED',
        409,
        review ? PETITION_ERRORS.REVIEW_NOT_ALLOWED : RECHECK_ERRORS.NOT_ALLOWED,
      );
    }
    const w = await requestWindow(tx, c.id, input.which);
    const replyOn = w.receivedOn;
    const today = chinaDate(tx.clock.now());
    if (input.receivedOn > today) throw badRequest('VALIDATION_FAILED', '「收信日期」不能晚于今天', { field: 'receivedOn' });
    if (input.postmarkOn && input.postmarkOn > input.receivedOn) throw badRequest('VALIDATION_FAILED', '「邮戳日期」不能晚于收信日期', { field: 'postmarkOn' });
    const madeOn = input.postmarkOn ?? input.receivedOn;
    if (replyOn && madeOn < replyOn) {
      throw badRequest('VALIDATION_FAILED', `「${input.postmarkOn ? '邮戳日期' : '收信日期'}」不能早于信访人收到书面答复的日期 ${replyOn}`, {
        field: input.postmarkOn ? 'postmarkOn' : 'receivedOn',
      });
    }
    if (!withinWindow(w, madeOn)) throw windowClosed(w);
    // The step locks the case and checks the state again; its event and audit name the staff member who registered the letter.
    const petitioner = { ...portalActor(c), username: 'letter', displayName: `信访人（来信，${actor.displayName}代为登记）` };
    const moved = await runTransition(tx, petitioner, {
      caseId: c.id,
      name: review ? 'request_review' : 'request_recheck',
      input: { receivedOn: input.receivedOn, ...(input.postmarkOn ? { postmarkOn: input.postmarkOn } : {}) },
      comment: input.reason,
      note: { channel: '来信', replyOn, lastDay: w.lastDay, recordedBy: userRef(actor), recordedByName: actor.displayName },
    });
    const id = uuidv7();
    await sql`insert into petitions.review_request (id, case_id, which, channel, reason, received_on, postmark_on, recorded_by, recorded_by_name, recorded_at)
      values (${id}, ${c.id}, ${input.which}, '来信', ${input.reason}, ${input.receivedOn}, ${input.postmarkOn ?? null}, ${userRef(actor)}, ${actor.displayName}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    return { id, which: input.which, receivedOn: input.receivedOn, postmarkOn: input.postmarkOn ?? null, replyOn, lastDay: w.lastDay, state: moved.state };
  });
}
