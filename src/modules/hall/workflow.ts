import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { action, caseLink, defineWorkflow, transition, type CaseRow, type PeriodSpec } from '../../kernel/workflow/index.ts';
import { APPLICATION_TYPE } from './contract.ts';
import { CorrectionInput, DecisionInput, DeliveryInput, ReasonInput, ResubmitInput } from './contracts/inputs.ts';
import { findHallItem } from './items.ts';
import {
  storeAcceptance,
  storeCorrection,
  storeDecision,
  storeDelivery,
  storeNotAccepted,
  storeResubmission,
  storeVisit,
} from './commands/application-steps.ts';
import './documents/index.ts';
import { insertApplication, type ApplicationDraft } from './commands/register.ts';

/** The item as it stood when the application was made (its 承诺时限 is kept on the application). */
async function itemOfCase(tx: AppContext, c: CaseRow) {
  const r = (
    await sql<{ item_code: string; item_name: string; promise_workdays: number }>`select item_code, item_name, promise_workdays from hall.application
      where case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new Error(`hall application ${c.id} missing`);
  const item = await findHallItem(tx, r.item_code);
  return { name: r.item_name, promiseWorkdays: r.promise_workdays, statutoryLimit: item?.statutoryLimit ?? null };
}

/** The case page's facts, from hall.application. */
async function applicationFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<
      Record<string, unknown>
    >`select item_name as "itemName", channel, applicant, service_window as window, missing, correction_note as "correctionNote",
      accepted_on::text as "acceptedOn", not_accepted_reason as "notAcceptedReason", decision, decision_reason as "decisionReason",
      decided_on::text as "decidedOn", delivery_way as "deliveryWay", delivered_on::text as "deliveredOn", visits, handled_by_name as "handledBy",
      orgs_case_id as "orgsCaseId"
      from hall.application where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  if (!r) return {};
  const { orgsCaseId, ...facts } = r;
  // 社会团体成立登记: the registrar's case, as an object (the case page's panel links to it).
  const withLink = { ...facts, orgsCase: await caseLink(ctx, orgsCaseId as string | null) };
  return Object.fromEntries(Object.entries(withLink).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length)));
}

const who = { permission: 'hall.handle' } as const;

/**
 * 政务服务 application (一窗受理 or 网上申请): 提交 → (一次性告知补正 → 补正完毕, the 承诺时限 counted
 * afresh) → 受理 / 不予受理 → 准予 (电子证照 issued) / 不予 → 送达 (办结). The 承诺时限 is the
 * item's, in working days on the kernel calendar.
 */
export const applicationWorkflow = defineWorkflow({
  type: APPLICATION_TYPE,
  label: '政务服务办件',
  refPrefix: 'ZWFW',
  readPermission: 'hall.read',
  readFacts: applicationFacts,
  facts: {
    itemName: '办理事项',
    channel: '申请渠道',
    applicant: '申请人',
    window: '受理窗口',
    missing: '需补正材料',
    correctionNote: '补正告知',
    acceptedOn: '受理日期',
    notAcceptedReason: '不予受理理由',
    decision: '办理决定',
    decisionReason: '决定理由',
    decidedOn: '决定日期',
    deliveryWay: '送达方式',
    deliveredOn: '送达日期',
    visits: '到现场次数',
    handledBy: '后台办理人',
    orgsCase: '社会组织成立登记办件（受理时移交）',
  },
  states: {
    submitted: { label: '已提交待受理' },
    correcting: { label: '待补正' },
    accepted: { label: '已受理办理中' },
    not_accepted: { label: '不予受理', terminal: true },
    approved: { label: '准予办理待送达' },
    refused: { label: '不予办理待送达' },
    delivered: { label: '已办结', terminal: true },
  },
  initial: 'submitted',
  create: {
    label: '提交申请',
    route: '/api/hall/applications',
    who,
    effect: ({ tx, case: c, input }) => insertApplication(tx, c.id, input as ApplicationDraft),
    clocks: {
      start: [
        {
          name: 'promise',
          label: async (rule, c, tx) => `承诺办结时限（${(await itemOfCase(tx, c)).name}，${rule.n} 个工作日）`,
          rule: async (tx, c): Promise<PeriodSpec> => ({ unit: 'workdays', n: (await itemOfCase(tx, c)).promiseWorkdays }),
          legalBasis: async (c, tx) => {
            const item = await itemOfCase(tx, c);
            return `${item.name}实施清单承诺办结时限${item.statutoryLimit ? `；法定时限：${item.statutoryLimit}` : ''}`;
          },
          warnWorkdays: 2,
        },
      ],
    },
  },
  transitions: {
    correct: transition({
      label: '一次性告知补正',
      from: ['submitted'],
      to: 'correcting',
      who,
      input: CorrectionInput,
      clocks: { suspend: [{ name: 'promise', kind: 'correction', label: '等待申请人补正材料' }] },
      effect: ({ tx, case: c, input, actor }) => storeCorrection(tx, actor, c, input),
    }),
    resubmit: transition({
      label: '补正完毕',
      from: ['correcting'],
      to: 'submitted',
      who,
      input: ResubmitInput,
      clocks: { restart: ['promise'] },
      effect: ({ tx, case: c }) => storeResubmission(tx, c),
    }),
    accept: transition({ label: '受理', from: ['submitted'], to: 'accepted', who, effect: ({ tx, case: c, actor }) => storeAcceptance(tx, actor, c) }),
    not_accept: transition({
      label: '不予受理',
      from: ['submitted', 'correcting'],
      to: 'not_accepted',
      who,
      input: ReasonInput,
      clocks: { stop: ['promise'] },
      effect: ({ tx, case: c, input }) => storeNotAccepted(tx, c, input.reason),
    }),
    approve: transition({
      label: '准予办理（出具电子证照）',
      from: ['accepted'],
      to: 'approved',
      who,
      input: DecisionInput,
      clocks: { stop: ['promise'] },
      effect: ({ tx, case: c, input, actor }) => storeDecision(tx, actor, c, '准予', input.note ?? null),
    }),
    refuse: transition({
      label: '不予办理',
      from: ['accepted'],
      to: 'refused',
      who,
      input: ReasonInput,
      clocks: { stop: ['promise'] },
      effect: ({ tx, case: c, input, actor }) => storeDecision(tx, actor, c, '不予', input.reason),
    }),
    deliver: transition({
      label: '送达办理结果',
      from: ['approved', 'refused'],
      to: 'delivered',
      who,
      input: DeliveryInput,
      effect: ({ tx, case: c, input }) => storeDelivery(tx, c, input.way),
    }),
  },
  actions: {
    visit: action({
      label: '记录申请人到现场（核验、领取等）',
      who,
      from: ['submitted', 'correcting', 'accepted', 'approved', 'refused'],
      effect: ({ tx, case: c }) => storeVisit(tx, c),
    }),
  },
});
