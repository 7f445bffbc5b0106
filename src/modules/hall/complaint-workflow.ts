import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { defineWorkflow, transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { COMPLAINT_TYPE, LAW_EVALUATION } from './contract.ts';
import { AppealDecisionInput, AppealInput, FeedbackInput, RectifiedInput, RectifyNowInput, RectifyPlanInput, VerifyInput } from './contracts/inputs.ts';
import { rectifyWorkdays } from './settings.ts';
import { storeAppeal, storeAppealDecision, storeComplaintStep } from './commands/complaint-steps.ts';

async function complaintFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<
      Record<string, unknown>
    >`select r.level, r.comment, a.item_name as "itemName", a.applicant, r.service_window as window, r.handler_name as "handler",
      k.verified_note as "verifiedNote", k.rectify_way as "rectifyWay", k.rectify_plan as "rectifyPlan", k.rectified_note as "rectifiedNote",
      k.feedback, k.appeal_reason as "appealReason", k.appeal_note as "appealNote"
      from hall.complaint k join hall.rating r on r.id = k.rating_id join hall.application a on a.case_id = r.application_id where k.case_id = ${c.id}`.execute(
      ctx.db,
    )
  ).rows[0];
  return r ? Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) : {};
}

const who = { permission: 'hall.rectify' } as const;

/**
 * 差评 handling (国办发〔2019〕51号, regulations.md §7.5): 回访核实 → 立行立改 / 解释说明, or
 * 限期整改 (a working-day clock from the setting, default 15) → 整改完成 → 反馈评价人 (办结);
 * 申诉复核 for 误评 / 恶意差评, decided by someone other than the appellant (a leader).
 */
export const complaintWorkflow = defineWorkflow({
  type: COMPLAINT_TYPE,
  label: '差评整改',
  refPrefix: 'CPZG',
  readPermission: 'hall.read',
  readFacts: complaintFacts,
  facts: {
    level: '评价等级',
    comment: '评价内容',
    itemName: '办理事项',
    applicant: '评价人',
    window: '窗口',
    handler: '办理人',
    verifiedNote: '回访核实情况',
    rectifyWay: '处理方式',
    rectifyPlan: '整改措施',
    rectifiedNote: '整改结果',
    feedback: '反馈内容',
    appealReason: '申诉理由',
    appealNote: '复核意见',
  },
  states: {
    verifying: { label: '待回访核实' },
    verified: { label: '已核实待整改' },
    rectifying: { label: '限期整改中' },
    rectified: { label: '已整改待反馈' },
    closed: { label: '已反馈办结', terminal: true },
    appealing: { label: '申诉复核中' },
    invalidated: { label: '申诉成立，差评不计入', terminal: true },
  },
  initial: 'verifying',
  create: { label: '差评转办', who, creatable: false },
  transitions: {
    verify: transition({
      label: '回访核实',
      from: ['verifying'],
      to: 'verified',
      who,
      input: VerifyInput,
      effect: ({ tx, case: c, input }) => storeComplaintStep(tx, c, { verified_note: input.note }),
    }),
    rectify_now: transition({
      label: '立行立改或解释说明',
      from: ['verified'],
      to: 'rectified',
      who,
      input: RectifyNowInput,
      effect: ({ tx, case: c, input }) => storeComplaintStep(tx, c, { rectify_way: input.way, rectified_note: input.note }, true),
    }),
    rectify_later: transition({
      label: '限期整改',
      from: ['verified'],
      to: 'rectifying',
      who,
      input: RectifyPlanInput,
      clocks: {
        start: [
          {
            name: 'rectify',
            label: (rule) => `限期整改（${rule.n} 个工作日）`,
            rule: async (tx) => ({ unit: 'workdays', n: await rectifyWorkdays(tx) }),
            legalBasis: `${LAW_EVALUATION}；整改期限为本平台设置（默认 15 个工作日，只能从严）`,
            warnWorkdays: 3,
          },
        ],
      },
      effect: ({ tx, case: c, input }) => storeComplaintStep(tx, c, { rectify_way: '限期整改', rectify_plan: input.plan }),
    }),
    rectified: transition({
      label: '整改完成',
      from: ['rectifying'],
      to: 'rectified',
      who,
      input: RectifiedInput,
      clocks: { stop: ['rectify'] },
      effect: ({ tx, case: c, input }) => storeComplaintStep(tx, c, { rectified_note: input.note }, true),
    }),
    feedback: transition({
      label: '向评价人反馈',
      from: ['rectified'],
      to: 'closed',
      who,
      input: FeedbackInput,
      effect: ({ tx, case: c, input }) => storeComplaintStep(tx, c, { feedback: input.feedback, feedback_on: 'today' }),
    }),
    appeal: transition({
      label: '申诉复核（误评、恶意差评）',
      from: ['verifying', 'verified'],
      to: 'appealing',
      who,
      input: AppealInput,
      effect: ({ tx, case: c, input }) => storeAppeal(tx, c, input.reason),
    }),
    uphold: transition({
      label: '复核：申诉成立，差评不计入',
      from: ['appealing'],
      to: 'invalidated',
      who: { permission: 'hall.review', notSameActorAs: ['appeal'] },
      input: AppealDecisionInput,
      effect: ({ tx, case: c, input }) => storeAppealDecision(tx, c, true, input.note),
    }),
    dismiss: transition({
      label: '复核：申诉不成立，继续整改',
      from: ['appealing'],
      to: 'verified',
      who: { permission: 'hall.review', notSameActorAs: ['appeal'] },
      input: AppealDecisionInput,
      effect: ({ tx, case: c, input }) => storeAppealDecision(tx, c, false, input.note),
    }),
  },
});
