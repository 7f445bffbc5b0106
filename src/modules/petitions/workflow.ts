import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { action, defineWorkflow, transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { PETITION_ERRORS, PETITION_TYPE } from './contract.ts';
import { DecideObjectionInput, RaiseObjectionInput, decideObjection, raiseObjection } from './commands/objection.ts';
import { RouteProcedureInput, storeRouting } from './commands/route-procedure.ts';
import { refuseAccusedReceiver } from './commands/informant.ts';
import { AcceptInput, NoticeServiceInput, RefuseInput, storeAcceptance, storeNoticeService, storeRefusal } from './commands/screen-petition.ts';
import { simpleRefusals } from './policies.ts';
import { issueDocument } from '../../kernel/documents/index.ts';
import { PETITION_DOCUMENTS } from './documents/index.ts';
import { settingExtension, settingPeriod } from './commands/settings.ts';
import { PLATFORM_RULE_ACKNOWLEDGE, PLATFORM_RULE_FEEDBACK, petitionLawToday } from './law.ts';
// 回头看 timers: the queue is declared wherever the workflow is loaded (worker.ts imports this file).
import { FollowUpInput, FollowUpResultAction, LeadInput, storeFollowUpResult, storeFollowUps, storeLead } from './commands/follow-ups.ts';
import { OnlineSatisfactionInput, storeOnlineRating } from './commands/rate-petition.ts';
import { StaffSatisfactionInput, storeStaffRating } from './commands/record-satisfaction.ts';
import { deliverInput, mustBeReceivedBy, opinionInput, reviewTransitions } from './review-workflow.ts';
import { mustBeWindowOver, requestWindowClock } from './commands/review-window.ts';
import { ForwardOutsideInput, storeForward } from './commands/forward-outside.ts';

// The article of each period is that of the rule in force on the day the clock starts (law.ts).
const LAW = {
  notice: (_c: CaseRow, tx: AppContext) => petitionLawToday(tx).notice,
  handle: (_c: CaseRow, tx: AppContext) => petitionLawToday(tx).handle,
  handoff: (_c: CaseRow, tx: AppContext) => {
    const objection = petitionLawToday(tx).objection;
    return objection ? `${PLATFORM_RULE_ACKNOWLEDGE}；异议期限（5 个工作日）：${objection}` : PLATFORM_RULE_ACKNOWLEDGE;
  },
};
const simplifyInput = z.object({
  factsClear: z.boolean({ message: '请确认是否事实清楚、责任明确、争议不大' }).meta({ title: '事实清楚、责任明确、争议不大' }),
});

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

/** The day of 受理 (China time), from which the 简易办理 and 办理 periods count. */
async function acceptedOn(tx: AppContext, caseId: string): Promise<string | null> {
  const r = (await sql<{ accepted_at: Date | null }>`select accepted_at from petitions.petition where case_id = ${caseId}`.execute(tx.db)).rows[0];
  return r?.accepted_at ? chinaDate(new Date(r.accepted_at)) : null;
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
    registered: { label: '已登记（甄别中）' },
    accepted: { label: '已受理' },
    refused: { label: '不予受理', terminal: true },
    forwarded_out: { label: '已转送外部机关', terminal: true },
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
    clocks: {
      // Counted from the day received (收到之日), which the register gives (default: today).
      startOn: (input) => (input as { receivedOn?: string } | undefined)?.receivedOn,
      start: [{ name: 'triage', label: '甄别受理期限', rule: settingPeriod('period.noticeDays'), legalBasis: LAW.notice }],
    },
  },
  transitions: {
    accept: transition({
      label: '受理（书面告知）',
      primary: true,
      from: ['registered'],
      to: 'accepted',
      who: { permission: 'petition.handle' },
      input: AcceptInput,
      clocks: {
        stop: ['triage'],
        // Statutory: not suspendable at will; extended once (≤ 30 日) by the head with the reason told (clockControl).
        start: [{ name: 'handle', label: '办理期限', rule: settingPeriod('period.handleDays'), legalBasis: LAW.handle }],
      },
      effect: ({ tx, case: c, input }) => storeAcceptance(tx, c, input),
    }),
    refuse: transition({
      label: '不予受理',
      from: ['registered'],
      to: 'refused',
      who: { permission: 'petition.handle' },
      input: RefuseInput,
      clocks: { stop: ['triage'] },
      // A person's judgement with reasons, never the system's (see commands/screen-petition.ts).
      effect: ({ tx, case: c, input, actor }) => storeRefusal(tx, actor, c, input),
    }),
    // 转送 to a competent body outside the platform (人社局 …): recorded (body, day, method); this unit's 甄别 ends.
    forward_out: transition({
      label: '转送外部机关',
      from: ['registered'],
      to: 'forwarded_out',
      who: { permission: 'petition.handle' },
      input: ForwardOutsideInput,
      clocks: { stop: ['triage'] },
      effect: async ({ tx, case: c, input, actor }) => {
        await storeForward(tx, c, input);
        await issueDocument(tx, { type: PETITION_DOCUMENTS.forward, caseId: c.id, actor });
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
            `${PETITION_ERRORS.SIMPLE_NOT_ELIGIBLE}：${reasons.join('、')}。简易办理仅适用于初次信访、事实清楚、责任明确、争议不大的个人信访事项（《信访事项简易办理办法（试行）》）`,
            { reasons },
          );
        }
      },
      // 10 工作日 from 受理 (not from the switch); the 60 日 办理期限 from 受理 runs on beneath it, for a way back.
      clocks: {
        startOn: (_input, c, tx) => acceptedOn(tx, c.id),
        start: [{ name: 'simple', label: '简易办理期限', rule: { unit: 'workdays', n: 10 }, legalBasis: '《信访事项简易办理办法（试行）》' }],
      },
    }),
    to_ordinary: {
      label: '转为普通程序',
      from: ['simple'],
      to: 'handling',
      who: { permission: 'petition.handle' },
      // Reasons required (e.g. 情况复杂、争议较大); the 60 日 still count from 受理 (第三十四条), never afresh.
      reasonRequired: true,
      clocks: { stop: ['simple'] },
    },
    start: { label: '开始办理', primary: true, from: ['accepted'], to: 'handling', who: { permission: 'petition.handle' }, withdrawable: true },
    draft: transition({
      label: '拟办意见',
      primary: true,
      nextLabel: '拟办',
      from: ['handling', 'simple'],
      to: 'drafted',
      who: { permission: 'petition.handle' },
      withdrawable: true,
      input: opinionInput,
      effect: async ({ tx, case: c, input }) => {
        await sql`update petitions.petition set opinion = ${input.opinion}, opinion_text = ${input.text} where case_id = ${c.id}`.execute(tx.db);
      },
    }),
    // With no approver at the unit (or the approver's role 代管 to another), it goes to the 代管 or the level above.
    approve: {
      label: '审批同意',
      primary: true,
      nextLabel: '审批',
      approval: true,
      from: ['drafted'],
      to: 'approved',
      who: { permission: 'petition.approve' },
    },
    deliver: transition({
      label: '送达',
      primary: true,
      from: ['approved'],
      to: 'delivered',
      who: { permission: 'petition.handle' },
      input: deliverInput,
      // The petitioner's 复查 window (a period, 期满 not 超期) counts from the day the reply was received.
      clocks: { stop: ['handle', 'simple'], startOn: (input) => input.date, start: [requestWindowClock('复查')] },
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
      primary: true,
      from: ['delivered', 'review_delivered'],
      to: 'closed',
      who: { permission: 'petition.handle' },
      clocks: { stop: ['review_window', 'recheck_window'] },
      effect: async ({ tx, case: c }) => mustBeWindowOver(tx, c.id, c.state),
    }),
    ...reviewTransitions,
  },
  // Acts on the case without a state change: on the timeline and the audit chain.
  actions: {
    serve_notice: action({
      label: '记录告知书送达（受理/不予受理）',
      who: { permission: 'petition.handle' },
      from: ['accepted', 'refused', 'simple', 'handling'],
      input: NoticeServiceInput,
      effect: ({ tx, case: c, input }) => storeNoticeService(tx, c, input),
    }),
    raise_objection: action({
      label: '提出异议（不属于本机关职权范围）',
      who: { permission: 'petition.handle' },
      from: ['registered'],
      input: RaiseObjectionInput,
      effect: ({ tx, case: c, input, actor }) => raiseObjection(tx, actor, c, input),
    }),
    decide_objection: action({
      label: '核实异议（转送、交办单位）',
      who: { permission: 'petition.handle', party: 'any' },
      from: ['registered'],
      input: DecideObjectionInput,
      effect: ({ tx, case: c, input, actor }) => decideObjection(tx, actor, c, input),
    }),
    route_procedure: action({
      label: '导入相应程序（第三十一条）',
      who: { permission: 'petition.handle' },
      from: ['registered', 'accepted', 'handling', 'simple'],
      input: RouteProcedureInput,
      effect: ({ tx, case: c, input }) => storeRouting(tx, c, input),
    }),
    rate: action({
      label: '满意度评价（网上）',
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
    check: refuseAccusedReceiver,
    outside: 'forward_out',
    // 《信访工作条例》 speaks of 转送 (and 交办), never 转办: every kernel step name and message says so.
    transferWord: '转送',
    // 交办 needs its report deadline and issues the 交办单 (assign-petition.ts): only through that command.
    assignOnlyVia: '交办（定报告期限）',
    // 转送: the petitioner is told where it went (第二十三条第一款), by the 转送告知书 in the sender's name.
    onSend: async (tx, c, h, actor) => {
      if (h.kind === 'transfer') await issueDocument(tx, { type: PETITION_DOCUMENTS.transfer, caseId: c.id, actor });
    },
    // 异议 goes through raise_objection / decide_objection (the sender's 核实同意 before materials return).
    objectionNeedsAgreement: true,
    // The receiver's own 15 日 to tell the petitioner count from its receipt (第二十三条第三款).
    onReceipt: {
      restart: ['triage'],
      reason: '接收单位签收：自收到之日起 15 日内书面告知信访人接收情况以及处理途径和程序（《信访工作条例》第二十三条第三款）',
    },
    legalBasis: LAW.handoff,
  },
  returnable: { from: ['drafted', 'approved'], to: ['handling', 'simple'], permission: 'petition.approve' },
  // Only the 复核 clock may be suspended (听证, by the 复核 body: 第三十六条第二款); only 办理 may be extended, once, ≤ 30 日 (第三十四条).
  clockControl: { suspendPermission: 'petition.handle', extendPermission: 'petition.approve', extendable: { handle: settingExtension } },
  supervision: { permission: 'petition.supervise', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: PLATFORM_RULE_FEEDBACK },
});
