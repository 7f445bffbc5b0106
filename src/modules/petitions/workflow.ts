import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { action, defineWorkflow, transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { userRef } from '../../kernel/identity/index.ts';
import { PETITION_ERRORS, PETITION_TYPE, REFUSAL_CODES, REFUSAL_REASONS, type RefusalCode } from './contract.ts';
import { simpleRefusals } from './policies.ts';
import { issueDocument } from '../../kernel/documents/index.ts';
import { PETITION_DOCUMENTS } from './documents/index.ts';
// 回头看 timers: the queue is declared wherever the workflow is loaded (worker.ts imports this file).
import { FollowUpInput, FollowUpResultAction, LeadInput, storeFollowUpResult, storeFollowUps, storeLead } from './commands/follow-ups.ts';
import { OnlineSatisfactionInput, storeOnlineRating } from './commands/rate-petition.ts';
import { StaffSatisfactionInput, storeStaffRating } from './commands/record-satisfaction.ts';
import { deliverInput, mustBeReceivedBy, opinionInput, reviewTransitions } from './review-workflow.ts';
import { mustBeWindowOver } from './commands/review-window.ts';

const LAW = '《信访工作条例》';
const acceptInput = z.object({ notice: z.string().trim().max(2000, '受理告知书不超过 2000 字').meta({ title: '受理告知书(留空则使用标准文本)' }).optional() });
const refuseInput = z.object({
  reasonCode: z.enum(REFUSAL_CODES, { message: '请选择不予受理的法定理由' }).meta({ title: '不予受理理由' }),
  detail: z.string().trim().max(2000, '补充说明不超过 2000 字').meta({ title: '补充说明' }).optional(),
});
const simplifyInput = z.object({
  factsClear: z.boolean({ message: '请确认是否事实清楚、责任明确、争议不大' }).meta({ title: '事实清楚、责任明确、争议不大' }),
});

/** 受理告知书 text when the handler writes none (第二十三条: written notice of receipt and procedure). */
async function defaultAcceptanceNotice(tx: AppContext, c: CaseRow): Promise<string> {
  const r = (
    await sql<{ created_at: Date; org: string }>`select p.created_at, o.name as org from petitions.petition p
    join core.org_unit o on o.id = ${c.org_unit_id} where p.case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  const received = r ? chinaDate(new Date(r.created_at)) : chinaDate(c.created_at);
  return (
    `信访人:您于 ${received} 提出的信访事项(编号 ${c.ref_no})已于 ${chinaDate(tx.clock.now())} 由${r?.org ?? '本机关'}受理。` +
    `依照${LAW}第三十四条,我单位将自受理之日起 60 日内办结并书面答复;情况复杂的,经本机关负责人批准可以适当延长,延长期限不超过 30 日,并告知延期理由。` +
    '您可凭信访事项编号查询办理进度。'
  );
}

/** Store the statutory 不予受理 reason, its basis and the guidance told to the petitioner. */
export async function storeRefusal(tx: AppContext, caseId: string, code: RefusalCode, detail: string | null, auto: boolean): Promise<void> {
  const r = REFUSAL_REASONS[code];
  await sql`update petitions.petition set refusal_code = ${code}, refusal_reason = ${r.label}, refusal_basis = ${r.basis}, refusal_guidance = ${r.guidance},
    refusal_detail = ${detail}, refused_at = ${tx.clock.now()}, refused_auto = ${auto} where case_id = ${caseId}`.execute(tx.db);
}

/** The case page's facts of a petition (its panel reads them), from petitions.petition. */
async function petitionFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const p = (
    await sql<Record<string, string | null>>`
    select refusal_code as "refusalCode", opinion, delivery_method as "deliveryMethod", delivered_on::text as "deliveredOn",
      review_requested_on::text as "reviewRequestedOn", review_referred_to as "reviewReferredTo", review_opinion as "reviewOpinion",
      review_delivery_method as "reviewDeliveryMethod", review_delivered_on::text as "reviewDeliveredOn",
      recheck_requested_on::text as "recheckRequestedOn", recheck_referred_to as "recheckReferredTo", recheck_opinion as "recheckOpinion",
      recheck_delivery_method as "recheckDeliveryMethod", recheck_delivered_on::text as "recheckDeliveredOn"
    from petitions.petition where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  if (!p) return {};
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null));
}

/** 简易办理 eligibility facts of one petition (first-time as flagged at registration). */
export async function simpleFacts(tx: AppContext, caseId: string) {
  const p = (
    await sql<{
      first_time: boolean | null;
      is_repeat: boolean;
      visit_persons: number | null;
      representatives: number | null;
      people: number;
      earlier: boolean;
    }>`
    select p.first_time, p.is_repeat, p.visit_persons, p.representatives,
      (select count(*)::int from petitions.petitioner r where r.case_id = p.case_id) as people,
      exists (select 1 from petitions.petitioner a join petitions.petitioner b on b.id_hash = a.id_hash and b.case_id <> a.case_id
        join petitions.petition pb on pb.case_id = b.case_id where a.case_id = p.case_id and pb.created_at < p.created_at) as earlier
    from petitions.petition p where p.case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  if (!p) return null;
  return {
    firstTime: p.first_time ?? !p.earlier,
    repeat: p.is_repeat,
    group: (p.visit_persons ?? 1) > 1 || (p.representatives ?? 0) > 0 || Number(p.people) > 1,
  };
}

/**
 * 信访事项 case flow per 《信访工作条例》(2022), see README.md for the diagram.
 * Permissions: petition.read / register / handle / approve / supervise; petition.portal is held
 * only by the in-process citizen actor (网上申请复查) and by no role.
 */
export const petitionWorkflow = defineWorkflow({
  type: PETITION_TYPE,
  label: '信访事项',
  refPrefix: 'XF',
  readPermission: 'petition.read',
  // The facts live in petitions.petition only; the case page reads them from there.
  readFacts: petitionFacts,
  states: {
    registered: { label: '已登记(甄别中)' },
    accepted: { label: '已受理' },
    refused: { label: '不予受理', terminal: true },
    simple: { label: '简易办理中' },
    handling: { label: '办理中' },
    drafted: { label: '拟办意见待审批' },
    approved: { label: '已审批' },
    delivered: { label: '已送达' },
    closed: { label: '办结', terminal: true },
    review_requested: { label: '复查申请' },
    reviewing: { label: '复查中' },
    review_referred: { label: '复查已转外部机关' },
    reviewed: { label: '复查意见待送达' },
    review_delivered: { label: '复查意见已送达' },
    recheck_requested: { label: '复核申请' },
    rechecking: { label: '复核中' },
    recheck_referred: { label: '复核已转外部机关' },
    rechecked: { label: '复核意见待送达' },
    final: { label: '终结', terminal: true },
  },
  initial: 'registered',
  create: {
    label: '登记',
    route: '/api/petitions',
    who: { permission: 'petition.register' },
    clocks: { start: [{ name: 'triage', label: '甄别受理期限', rule: { unit: 'days', n: 15 }, legalBasis: `${LAW}第二十二条` }] },
  },
  transitions: {
    accept: transition({
      label: '受理(书面告知)',
      from: ['registered'],
      to: 'accepted',
      who: { permission: 'petition.handle' },
      input: acceptInput,
      clocks: {
        stop: ['triage'],
        // Statutory: not suspendable at will; extended once (≤ 30 日) by the head with the reason told (clockControl).
        start: [{ name: 'handle', label: '办理期限', rule: { unit: 'days', n: 60 }, legalBasis: `${LAW}第三十四条` }],
      },
      effect: async ({ tx, case: c, input }) => {
        const notice = input.notice || (await defaultAcceptanceNotice(tx, c));
        await sql`update petitions.petition set acceptance_notice = ${notice}, accepted_at = ${tx.clock.now()} where case_id = ${c.id}`.execute(tx.db);
      },
    }),
    refuse: transition({
      label: '不予受理',
      from: ['registered'],
      to: 'refused',
      who: { permission: 'petition.handle' },
      input: refuseInput,
      clocks: { stop: ['triage'] },
      // The system refuses too (第三十六条第三款, at registration): then it is recorded as automatic.
      effect: async ({ tx, case: c, input, actor }) => {
        await storeRefusal(tx, c.id, input.reasonCode, input.detail || null, !userRef(actor));
      },
    }),
    simplify: transition({
      label: '简易办理',
      from: ['accepted'],
      to: 'simple',
      who: { permission: 'petition.handle' },
      input: simplifyInput,
      // The eligibility check runs inside the move's transaction: a refusal writes nothing.
      effect: async ({ tx, case: c, input }) => {
        const f = await simpleFacts(tx, c.id);
        const reasons = simpleRefusals({ factsClear: input.factsClear, ...(f ?? { firstTime: false, repeat: false, group: false }) });
        if (reasons.length) {
          throw new AppError(
            'PETITION_SIMPLE_NOT_ELIGIBLE',
            409,
            `${PETITION_ERRORS.SIMPLE_NOT_ELIGIBLE}:${reasons.join('、')}。简易办理仅适用于初次信访、事实清楚、责任明确、争议不大的个人信访事项(《信访事项简易办理办法(试行)》)`,
            { reasons },
          );
        }
      },
      clocks: {
        stop: ['handle'],
        start: [{ name: 'simple', label: '简易办理期限', rule: { unit: 'workdays', n: 10 }, legalBasis: '《信访事项简易办理办法(试行)》' }],
      },
    }),
    start: { label: '开始办理', from: ['accepted'], to: 'handling', who: { permission: 'petition.handle' }, withdrawable: true },
    draft: transition({
      label: '拟办意见',
      from: ['handling', 'simple'],
      to: 'drafted',
      who: { permission: 'petition.handle' },
      withdrawable: true,
      input: opinionInput,
      effect: async ({ tx, case: c, input }) => {
        await sql`update petitions.petition set opinion = ${input.opinion}, opinion_text = ${input.text} where case_id = ${c.id}`.execute(tx.db);
      },
    }),
    approve: { label: '审批同意', from: ['drafted'], to: 'approved', who: { permission: 'petition.approve' } },
    deliver: transition({
      label: '送达',
      from: ['approved'],
      to: 'delivered',
      who: { permission: 'petition.handle' },
      input: deliverInput,
      clocks: { stop: ['handle', 'simple'] },
      effect: async ({ tx, case: c, input, actor }) => {
        mustBeReceivedBy(tx, input.date);
        await sql`update petitions.petition set delivered_at = ${tx.clock.now()}, delivery_method = ${input.method}, delivered_on = ${input.date}::date where case_id = ${c.id}`.execute(
          tx.db,
        );
        await issueDocument(tx, { type: PETITION_DOCUMENTS.opinion, caseId: c.id, actor });
        // The reply is the 办结报告 of a 交办 to this org.
        await sql`update petitions.assignment set reported_at = ${tx.clock.now()} where case_id = ${c.id} and to_org_id = ${c.org_unit_id} and reported_at is null`.execute(
          tx.db,
        );
      },
    }),
    // 办结 waits until the petitioner's 复查 / 复核 window has run out (then a daily job closes it as a system move).
    close: transition({
      label: '办结',
      from: ['delivered', 'review_delivered'],
      to: 'closed',
      who: { permission: 'petition.handle' },
      effect: async ({ tx, case: c }) => mustBeWindowOver(tx, c.id, c.state),
    }),
    ...reviewTransitions,
  },
  // Acts on the case without a state change: on the timeline and the audit chain.
  actions: {
    rate: action({
      label: '满意度评价(网上)',
      who: { permission: 'petition.portal' },
      input: OnlineSatisfactionInput,
      effect: ({ tx, case: c, input }) => storeOnlineRating(tx, c, input),
    }),
    record_rating: action({
      label: '记录满意度评价',
      who: { permission: 'petition.handle' },
      input: StaffSatisfactionInput,
      effect: ({ tx, case: c, input, actor }) => storeStaffRating(tx, actor, c, input),
    }),
    lead: action({
      label: '领导包案',
      who: { permission: 'petition.supervise', party: ['holder', 'supervisor'] },
      input: LeadInput,
      effect: ({ tx, case: c, input, actor }) => storeLead(tx, actor, c, input),
    }),
    // Only the 包案领导 (checked by the effect), who may read the case.
    follow_up: action({
      label: '安排回头看',
      who: { permission: 'petition.read', party: 'any' },
      input: FollowUpInput,
      effect: ({ tx, case: c, input, actor }) => storeFollowUps(tx, actor, c, input),
    }),
    follow_up_result: action({
      label: '记录回头看结果',
      who: { permission: 'petition.read', party: 'any' },
      input: FollowUpResultAction,
      effect: ({ tx, case: c, input, actor }) => storeFollowUpResult(tx, actor, c, input),
    }),
  },
  handoff: {
    from: ['registered'],
    permission: 'petition.handle',
    acknowledgeWithin: { unit: 'days', n: 3 },
    objectWithin: { unit: 'workdays', n: 5 },
    legalBasis: `${LAW}第二十三条`,
  },
  returnable: { from: ['drafted', 'approved'], to: ['handling', 'simple'], permission: 'petition.approve' },
  // Only the 复核 clock may be suspended (听证, by the 复核 body: 第三十六条第二款); only 办理 may be extended, once, ≤ 30 日 (第三十四条).
  clockControl: { suspendPermission: 'petition.handle', extendPermission: 'petition.approve', extendable: { handle: { unit: 'days', n: 30, times: 1 } } },
  supervision: { permission: 'petition.supervise', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: `${LAW}第四十条` },
});
