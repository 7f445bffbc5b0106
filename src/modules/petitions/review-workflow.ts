import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { OPINIONS } from './contract.ts';
import { petitionLawToday } from './law.ts';
import { settingPeriod } from './commands/settings.ts';
import { requestWindowClock } from './commands/review-window.ts';
import { issueDocument } from '../../kernel/documents/index.ts';
import { madeHere, petitionRecheckOpinion, petitionReviewOpinion } from './documents/review-documents.ts';

/**
 * 复查 and 复核 (《信访工作条例》第三十五条、第三十六条; 2019 matters: 《信访条例》第三十四条、第三十五条).
 *
 * - The petitioner asks within 30 日 of *receiving* the written reply / 复查意见 (commands/review-window.ts);
 *   the 30-day decision clocks run from the day the request is received (`request_*`, startOn).
 * - 复查 is done by the level directly above the original body (the org that served the reply);
 *   复核 by the level directly above the 复查 body. The body is recorded (`review_org_id`, `recheck_org_id`).
 * - A matter whose body has no superior in the platform (民政厅 itself) is referred to the outside
 *   body (自治区人民政府 / 民政部 …) and its outcome recorded, instead of waiting forever.
 * - Each opinion is served like the reply: method and the day the petitioner received it.
 * - Only the 复核 clock may be suspended, for a hearing, by the 复核 body (第三十六条第二款).
 */
// The article of each period is that of the rule in force on the day the clock starts (law.ts).
const LAW = {
  review: (_c: CaseRow, tx: AppContext) => petitionLawToday(tx).review,
  recheck: (_c: CaseRow, tx: AppContext) => petitionLawToday(tx).recheck,
};

export const opinionInput = z.object({
  opinion: z.enum(OPINIONS, { message: '处理意见须为支持、解释说明或不予支持' }).meta({ title: '处理意见' }),
  text: z.string().trim().min(1, '请填写处理意见书正文').max(10000, '处理意见书不超过 10000 字').meta({ title: '处理意见书正文' }),
});
export const deliverInput = z.object({
  method: z.enum(['当面送达', '邮寄送达', '网上答复', '电话告知'], { message: '请选择送达方式' }).meta({ title: '送达方式' }),
  date: z.iso.date('收到日期格式应为 YYYY-MM-DD').meta({ title: '信访人收到日期（当面送达为当日，邮寄送达为回执签收日期）' }),
});
const day = (what: string) => z.iso.date(`${what}格式应为 YYYY-MM-DD`).meta({ title: what });
/** A request to review: the day it was received (a letter: the day it arrived) and a letter's postmark. Portal requests give none (today). */
const requestInput = z.object({ receivedOn: day('收到请求日期').optional(), postmarkOn: day('邮戳日期').optional() }).optional();
const referInput = z.object({
  body: z
    .string()
    .trim()
    .min(2, '请填写转请复查、复核的机关名称')
    .max(100, '机关名称不超过 100 字')
    .meta({ title: '转请机关（如 宁夏回族自治区人民政府、民政部）' }),
  referredOn: day('转请日期'),
});
const outcomeInput = opinionInput.extend({ decidedOn: day('外部机关作出意见日期') });

/** A recorded day must have happened: not after today (China). */
export function mustBeReceivedBy(tx: AppContext, date: string, field = 'date'): void {
  if (date > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', `日期 ${date} 晚于今天，不能记录尚未发生的事`, { field });
}

async function petitionRow(tx: AppContext, caseId: string) {
  return (
    await sql<{
      review_org_id: string | null;
      review_org_level: number | null;
      review_referred_to: string | null;
    }>`select p.review_org_id, array_length(string_to_array(o.area_path, '.'), 1) as review_org_level, p.review_referred_to
    from petitions.petition p left join core.org_unit o on o.id = p.review_org_id where p.case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
}

/** 复核 goes outside when the 复查 was outside (referred) or was done by a body at the top of the platform (自治区). */
async function recheckGoesOutside(tx: AppContext, c: CaseRow): Promise<boolean> {
  const p = await petitionRow(tx, c.id);
  return !p?.review_org_id || p.review_org_level === 1;
}

const handle = 'petition.handle';
const reviewBody = { permission: handle, party: 'supervisor', aboveOrgOf: 'deliver', directlyAbove: true } as const;
const recheckBody = { permission: handle, party: 'supervisor', aboveOrgOf: 'conclude_review', directlyAbove: true } as const;
/** 民政厅 staff (the top of the platform) refer a request outside and record its outcome. */
const topLevel = { permission: handle, party: ['holder', 'supervisor'], levels: [1] } as const;

export const reviewTransitions = {
  request_review: transition({
    label: '申请复查',
    from: ['delivered'],
    to: 'review_requested',
    who: { permission: 'petition.portal' },
    reasonRequired: true,
    input: requestInput,
    clocks: {
      // 收到复查请求之日起 30 日: from the day the request arrived, reminders and 督办 apply meanwhile.
      startOn: (i) => i?.receivedOn,
      stop: ['review_window'],
      start: [{ name: 'review', label: '复查期限', rule: settingPeriod('period.reviewDays'), legalBasis: LAW.review }],
    },
    effect: async ({ tx, case: c, input }) => {
      await sql`update petitions.petition set review_requested_on = ${input?.receivedOn ?? chinaDate(tx.clock.now())}::date,
        review_postmark_on = ${input?.postmarkOn ?? null}::date where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  start_review: transition({
    label: '复查受理',
    primary: true,
    from: ['review_requested'],
    to: 'reviewing',
    who: reviewBody,
    effect: async ({ tx, case: c, actor }) => {
      await sql`update petitions.petition set review_org_id = ${actor.orgUnitId} where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  conclude_review: transition({
    label: '复查意见',
    primary: true,
    from: ['reviewing'],
    to: 'reviewed',
    who: reviewBody,
    input: opinionInput,
    clocks: { stop: ['review'] },
    effect: async ({ tx, case: c, input }) => {
      await sql`update petitions.petition set review_opinion = ${input.opinion} where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  refer_review: transition({
    label: '转请外部机关复查',
    from: ['review_requested'],
    to: 'review_referred',
    who: { ...topLevel, party: 'holder' },
    input: referInput,
    clocks: { stop: ['review'] },
    effect: async ({ tx, case: c, input }) => {
      mustBeReceivedBy(tx, input.referredOn, 'referredOn');
      await sql`update petitions.petition set review_referred_to = ${input.body}, review_referred_on = ${input.referredOn}::date where case_id = ${c.id}`.execute(
        tx.db,
      );
    },
  }),
  record_review_outcome: transition({
    label: '记录外部机关复查意见',
    from: ['review_referred'],
    to: 'reviewed',
    who: { ...topLevel, party: 'holder' },
    input: outcomeInput,
    effect: async ({ tx, case: c, input }) => {
      mustBeReceivedBy(tx, input.decidedOn, 'decidedOn');
      await sql`update petitions.petition set review_opinion = ${input.opinion} where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  deliver_review: transition({
    label: '送达复查意见',
    primary: true,
    from: ['reviewed'],
    to: 'review_delivered',
    who: { permission: handle, party: ['holder', 'supervisor'] },
    input: deliverInput,
    clocks: { startOn: (input) => input.date, start: [requestWindowClock('复核')] },
    effect: async ({ tx, case: c, input, actor }) => {
      mustBeReceivedBy(tx, input.date);
      await sql`update petitions.petition set review_delivery_method = ${input.method}, review_delivered_on = ${input.date}::date where case_id = ${c.id}`.execute(
        tx.db,
      );
      // Our own body's 复查意见书 is issued on 送达; an outside body's opinion (转请) is its own paper.
      if (await madeHere(tx, c.id, '复查')) await issueDocument(tx, { type: petitionReviewOpinion, caseId: c.id, actor });
    },
  }),
  request_recheck: transition({
    label: '申请复核',
    from: ['review_delivered'],
    to: 'recheck_requested',
    who: { permission: 'petition.portal' },
    reasonRequired: true,
    input: requestInput,
    clocks: {
      stop: ['recheck_window'],
      startOn: (i) => i?.receivedOn,
      start: [
        {
          name: 'recheck',
          label: '复核期限',
          rule: settingPeriod('period.recheckDays'),
          legalBasis: LAW.recheck,
          // 听证所需时间不计算在期限内 (第三十六条第二款): only a hearing, only by the 复核 body.
          suspendable: { kinds: ['hearing'], party: 'supervisor', aboveOrgOf: 'conclude_review', directlyAbove: true },
        },
      ],
    },
    effect: async ({ tx, case: c, input }) => {
      await sql`update petitions.petition set recheck_requested_on = ${input?.receivedOn ?? chinaDate(tx.clock.now())}::date,
        recheck_postmark_on = ${input?.postmarkOn ?? null}::date where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  start_recheck: transition({
    label: '复核受理',
    primary: true,
    from: ['recheck_requested'],
    to: 'rechecking',
    who: recheckBody,
    effect: async ({ tx, case: c, actor }) => {
      if (await recheckGoesOutside(tx, c)) {
        throw new AppError('PETITION_RECHECK_OUTSIDE', 409, '复查机关在本平台没有上一级机关，请「转请外部机关复核」并记录其复核意见');
      }
      await sql`update petitions.petition set recheck_org_id = ${actor.orgUnitId} where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  conclude_recheck: transition({
    label: '复核意见',
    primary: true,
    from: ['rechecking'],
    to: 'rechecked',
    who: recheckBody,
    input: opinionInput,
    clocks: { stop: ['recheck'] },
    effect: async ({ tx, case: c, input }) => {
      await sql`update petitions.petition set recheck_opinion = ${input.opinion} where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  refer_recheck: transition({
    label: '转请外部机关复核',
    from: ['recheck_requested'],
    to: 'recheck_referred',
    who: topLevel,
    input: referInput,
    clocks: { stop: ['recheck'] },
    effect: async ({ tx, case: c, input }) => {
      if (!(await recheckGoesOutside(tx, c))) {
        throw new AppError('PETITION_RECHECK_INSIDE', 409, '复查机关的上一级机关在本平台内，应由其受理复核，不能转请外部机关');
      }
      mustBeReceivedBy(tx, input.referredOn, 'referredOn');
      await sql`update petitions.petition set recheck_referred_to = ${input.body}, recheck_referred_on = ${input.referredOn}::date where case_id = ${c.id}`.execute(
        tx.db,
      );
    },
  }),
  record_recheck_outcome: transition({
    label: '记录外部机关复核意见',
    from: ['recheck_referred'],
    to: 'rechecked',
    who: topLevel,
    input: outcomeInput,
    effect: async ({ tx, case: c, input }) => {
      mustBeReceivedBy(tx, input.decidedOn, 'decidedOn');
      await sql`update petitions.petition set recheck_opinion = ${input.opinion} where case_id = ${c.id}`.execute(tx.db);
    },
  }),
  // 复核意见 served: the matter is 终结 (same facts and reasons 不再受理, 第三十六条第三款).
  deliver_recheck: transition({
    label: '送达复核意见（终结）',
    primary: true,
    from: ['rechecked'],
    to: 'final',
    who: { permission: handle, party: ['holder', 'supervisor'] },
    input: deliverInput,
    effect: async ({ tx, case: c, input, actor }) => {
      mustBeReceivedBy(tx, input.date);
      await sql`update petitions.petition set recheck_delivery_method = ${input.method}, recheck_delivered_on = ${input.date}::date where case_id = ${c.id}`.execute(
        tx.db,
      );
      // Our own body's 复核意见书 is issued on 送达; an outside body's opinion (转请) is its own paper.
      if (await madeHere(tx, c.id, '复核')) await issueDocument(tx, { type: petitionRecheckOpinion, caseId: c.id, actor });
    },
  }),
};
