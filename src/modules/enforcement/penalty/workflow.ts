import { chinaDate } from '../../../platform/china-time.ts';
import { action, creation, defineWorkflow, transition } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_PERMISSIONS as P, PENALTY_STATES as S, PENALTY_TYPE } from '../contracts/labels.ts';
import * as I from '../contracts/inputs.ts';
import { penaltyLawOn } from '../law.ts';
import { closePenalty } from './close-case.ts';
import { collectiveDiscussion, legalReview } from './review.ts';
import { decidePenalty, publishDecision, recordPayment, serveDecision, withdrawPublication } from './decision.ts';
import { assignOfficers, decidePreservation, preserveEvidence, recordEvidence } from './investigate.ts';
import { holdHearing, leaveNotice, notifyParty, partyPeriod, recordStatement, requestHearing, scheduleHearing } from './notice.ts';
import { PENALTY_FACT_LABELS, penaltyFacts } from './penalty-facts.ts';
import { penaltyOf } from './penalty-row.ts';

const st = (label: string, terminal = false) => ({ label, terminal });
const handle = { permission: P.handle };
const partyClock = {
  start: [
    {
      name: 'party_period',
      label: async (_r: unknown, c: { id: string }, tx: Parameters<typeof penaltyOf>[0]) => partyPeriod(await penaltyOf(tx, c.id)).label,
      rule: async (tx: Parameters<typeof penaltyOf>[0], c: { id: string }) => partyPeriod(await penaltyOf(tx, c.id)).rule,
      legalBasis: async (c: { id: string }, tx: Parameters<typeof penaltyOf>[0]) => partyPeriod(await penaltyOf(tx, c.id)).basis,
    },
  ],
};

/**
 * 行政处罚案件 (regulations.md §5.2; 《行政处罚法》 of the day, law.ts): 立案 → 指派(≥ 2 持证) →
 * 调查取证 → 告知 → [听证] → [法制审核] → [集体讨论] → 决定 → 送达 → 执行 → 结案归档.
 */
export const penaltyWorkflow = defineWorkflow({
  type: PENALTY_TYPE,
  label: '行政处罚案件',
  refPrefix: 'XZCF',
  readPermission: P.read,
  readFacts: penaltyFacts,
  facts: PENALTY_FACT_LABELS,
  states: {
    filed: st(S.filed),
    investigating: st(S.investigating),
    notified: st(S.notified),
    hearing: st(S.hearing),
    reviewing: st(S.reviewing),
    ready: st(S.ready),
    decided: st(S.decided),
    served: st(S.served),
    executed: st(S.executed),
    closed: st(S.closed, true),
  },
  initial: 'filed',
  create: creation({
    label: '立案',
    route: '/api/enforcement/cases',
    who: handle,
    clocks: {
      // Counts from the 立案 day the register gives (file-case.ts passes it; no create input, so the
      // case page labels the facts from `facts`).
      startOn: (input) => (input as { filedOn?: string } | undefined)?.filedOn,
      start: [
        {
          name: 'decide',
          label: '作出处罚决定期限（90 日）',
          rule: { unit: 'days', n: 90 },
          legalBasis: (c) => penaltyLawOn(chinaDate(c.created_at)).art.decideWithin,
        },
      ],
    },
  }),
  transitions: {
    assign: transition({
      label: '指派执法人员',
      from: ['filed', 'investigating'],
      to: 'investigating',
      who: handle,
      input: I.AssignInput,
      effect: ({ tx, case: c, input }) => assignOfficers(tx, c, input),
    }),
    notify: transition({
      label: '事先告知',
      from: ['investigating'],
      to: 'notified',
      who: handle,
      input: I.NoticeInput,
      clocks: { ...partyClock, startOn: (input) => input.notifiedOn },
      effect: ({ tx, case: c, input, actor }) => notifyParty(tx, actor, c, input),
    }),
    request_hearing: transition({
      label: '当事人要求听证',
      from: ['notified'],
      to: 'hearing',
      who: handle,
      input: I.HearingRequestInput,
      clocks: { stop: ['party_period'] },
      effect: ({ tx, case: c, input }) => requestHearing(tx, c, input),
    }),
    hold_hearing: transition({
      label: '举行听证',
      from: ['hearing'],
      to: 'reviewing',
      who: handle,
      input: I.HearingHeldInput,
      effect: ({ tx, case: c, input }) => holdHearing(tx, c, input),
    }),
    to_review: transition({
      label: '提交法制审核',
      from: ['notified'],
      to: 'reviewing',
      who: handle,
      input: I.ProceedInput,
      clocks: { stop: ['party_period'] },
      effect: ({ tx, case: c, input }) => leaveNotice(tx, c, input, true),
    }),
    to_decision: transition({
      label: '提请决定（无需法制审核）',
      from: ['notified'],
      to: 'ready',
      who: handle,
      input: I.ProceedInput,
      clocks: { stop: ['party_period'] },
      effect: ({ tx, case: c, input }) => leaveNotice(tx, c, input, false),
    }),
    review: transition({
      label: '法制审核通过',
      from: ['reviewing'],
      to: 'ready',
      who: { permission: P.review, notSameActorAs: ['assign', 'notify'] },
      input: I.ReviewInput,
      effect: ({ tx, case: c, input, actor }) => legalReview(tx, actor, c, input, true),
    }),
    review_return: transition({
      label: '法制审核不通过（退回补充调查）',
      from: ['reviewing'],
      to: 'investigating',
      who: { permission: P.review, notSameActorAs: ['assign', 'notify'] },
      input: I.ReviewInput,
      effect: ({ tx, case: c, input, actor }) => legalReview(tx, actor, c, input, false),
    }),
    decide: transition({
      label: '作出决定',
      from: ['ready'],
      to: 'decided',
      who: { permission: P.decide },
      input: I.DecideInput,
      clocks: { stop: ['decide'] },
      effect: ({ tx, case: c, input }) => decidePenalty(tx, c, input),
    }),
    serve: transition({
      label: '送达',
      from: ['decided'],
      to: 'served',
      who: handle,
      input: I.ServeInput,
      effect: ({ tx, case: c, input }) => serveDecision(tx, c, input),
    }),
    pay: transition({
      label: '缴纳罚款',
      from: ['served'],
      to: 'executed',
      who: handle,
      input: I.PaymentInput,
      effect: ({ tx, case: c, input }) => recordPayment(tx, c, input),
    }),
    close: transition({
      label: '结案归档',
      from: ['served', 'executed'],
      to: 'closed',
      who: handle,
      input: I.CloseInput,
      effect: ({ tx, case: c, input }) => closePenalty(tx, c, input),
    }),
  },
  actions: {
    evidence: action({
      label: '登记证据',
      from: ['investigating'],
      who: handle,
      input: I.EvidenceInput,
      effect: ({ tx, case: c, input, actor }) => recordEvidence(tx, actor, c, input),
    }),
    preserve: action({
      label: '先行登记保存',
      from: ['investigating'],
      who: handle,
      input: I.PreserveInput,
      effect: ({ tx, case: c, input, actor }) => preserveEvidence(tx, actor, c, input),
    }),
    preserve_decide: action({
      label: '先行登记保存处理决定',
      from: ['investigating', 'notified'],
      who: handle,
      input: I.PreserveDecisionInput,
      effect: ({ tx, case: c, input, actor }) => decidePreservation(tx, actor, c, input),
    }),
    statement: action({
      label: '记录陈述申辩',
      from: ['notified', 'hearing'],
      who: handle,
      input: I.StatementInput,
      effect: ({ tx, case: c, input, actor }) => recordStatement(tx, actor, c, input),
    }),
    schedule_hearing: action({
      label: '听证通知',
      from: ['hearing'],
      who: handle,
      input: I.HearingScheduleInput,
      effect: ({ tx, case: c, input }) => scheduleHearing(tx, c, input),
    }),
    collective: action({
      label: '负责人集体讨论',
      from: ['ready'],
      who: { permission: P.decide },
      input: I.CollectiveInput,
      effect: ({ tx, case: c, input }) => collectiveDiscussion(tx, c, input),
    }),
    publish: action({
      label: '决定公开',
      from: ['decided', 'served', 'executed'],
      who: handle,
      input: I.PublishInput,
      effect: ({ tx, case: c, input }) => publishDecision(tx, c, input),
    }),
    withdraw_publication: action({
      label: '撤下公开的决定',
      from: ['decided', 'served', 'executed', 'closed'],
      who: handle,
      input: I.WithdrawInput,
      effect: ({ tx, case: c, input }) => withdrawPublication(tx, c, input),
    }),
  },
  clockControl: { suspendPermission: P.decide, extendPermission: P.decide, extendable: { decide: { unit: 'days', n: 30, times: 2 } } },
});
