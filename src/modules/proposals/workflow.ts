import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { action, defineWorkflow, transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { LAW_DEPUTIES, LAW_SHANDONG, PROPOSAL_PART_TYPE, PROPOSAL_TYPE } from './contract.ts';
import { ConsentInput, ContactInput, DisclosureInput, DraftReplyInput, ImplementationInput, ObjectionInput, RatingInput } from './commands/inputs.ts';
import {
  itemOf,
  mustBeClosable,
  signReply,
  storeConsent,
  storeContact,
  storeDisclosure,
  storeDraft,
  storeImplementation,
  storeObjection,
  storeRating,
} from './commands/records.ts';

/** The case page's facts of an item, from proposals.item. */
async function proposalFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<Record<string, string | number | null>>`
    select kind, number, session, deputies, delegation, summary, received_on::text as "receivedOn", role, lead_office as "leadOffice",
      category, first_replied_on::text as "firstRepliedOn", consent_on::text as "consentOn", consent_by as "consentBy",
      objection_reason as "objectionReason", attitude, result, rated_on::text as "ratedOn", reworks
    from proposals.item where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  if (!r) return {};
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
}

const receivedOn = async (tx: AppContext, c: CaseRow) => (await itemOf(tx, c.id)).received_on;

/**
 * 建议提案 case flow (regulations.md §9):
 * 交办(registered) → 签收 / 异议退回(5 日) → 办理(面商/沟通; 主办 opens 协办/会办 parts, each
 * answering within 1 个月) → 拟答复(A/B/C/D) → 领导签发(≤ 3 个月 of 交办; 6 个月 with the deputy's
 * consent) → 征询意见 {满意/基本满意 → 已评价 → (B/C: 落实情况再次答复) → 办结 | 不满意 → 重新办理
 * (1 个月) → 拟答复 → 签发 → 征询意见}.
 */
export const proposalWorkflow = defineWorkflow({
  type: PROPOSAL_TYPE,
  label: '建议提案',
  refPrefix: 'JYTA',
  readPermission: 'proposals.read',
  readFacts: proposalFacts,
  facts: {
    kind: '类别',
    number: '编号',
    session: '届次',
    deputies: '代表、委员',
    delegation: '代表团或界别',
    summary: '内容摘要',
    receivedOn: '交办日期',
    role: '本单位承办方式',
    leadOffice: '主办单位',
    category: '答复类别',
    firstRepliedOn: '首次答复日期',
    consentOn: '同意延期日期',
    consentBy: '同意延期的代表、委员',
    objectionReason: '异议退回理由',
    attitude: '办理态度评价',
    result: '办理结果评价',
    ratedOn: '征询意见日期',
    reworks: '重新办理次数',
  },
  states: {
    registered: { label: '已交办待签收' },
    returned: { label: '已异议退回', terminal: true },
    handling: { label: '办理中' },
    drafted: { label: '答复待签发' },
    answered: { label: '已答复待征询意见' },
    reworking: { label: '重新办理中' },
    rated: { label: '已评价' },
    closed: { label: '办结', terminal: true },
  },
  initial: 'registered',
  create: {
    label: '交办登记',
    route: '/api/proposals',
    who: { permission: 'proposals.handle' },
    clocks: {
      // Both count from the day of 交办 (the register gives it).
      startOn: (input) => (input as { receivedOn?: string } | undefined)?.receivedOn,
      start: [
        { name: 'sign', label: '签收、异议期限（5 日）', rule: { unit: 'days', n: 5 }, legalBasis: `${LAW_SHANDONG}第十二条` },
        { name: 'reply', label: '答复期限（3 个月）', rule: { unit: 'months', n: 3 }, legalBasis: LAW_DEPUTIES },
      ],
    },
  },
  transitions: {
    sign: { label: '签收', primary: true, from: ['registered'], to: 'handling', who: { permission: 'proposals.handle' }, clocks: { stop: ['sign'] } },
    object: transition({
      label: '异议退回（不属于本单位职责）',
      from: ['registered'],
      to: 'returned',
      who: { permission: 'proposals.handle' },
      input: ObjectionInput,
      clocks: { stop: ['sign', 'reply'] },
      effect: ({ tx, case: c, input }) => storeObjection(tx, c, input),
    }),
    extend: transition({
      label: '经代表、委员同意延期答复',
      from: ['handling'],
      to: 'handling',
      who: { permission: 'proposals.handle' },
      input: ConsentInput,
      clocks: {
        stop: ['reply'],
        startOn: (_input, c, tx) => receivedOn(tx, c),
        start: [{ name: 'reply_extended', label: '答复期限（经同意延至 6 个月）', rule: { unit: 'months', n: 6 }, legalBasis: LAW_DEPUTIES }],
      },
      effect: ({ tx, case: c, input }) => storeConsent(tx, c, input),
    }),
    draft: transition({
      label: '拟答复',
      primary: true,
      from: ['handling', 'reworking'],
      to: 'drafted',
      who: { permission: 'proposals.handle' },
      input: DraftReplyInput,
      effect: ({ tx, case: c, input, actor }) => storeDraft(tx, actor, c, input),
    }),
    approve: transition({
      label: '领导签发答复',
      primary: true,
      nextLabel: '签发',
      from: ['drafted'],
      to: 'answered',
      who: { permission: 'proposals.approve' },
      clocks: { stop: ['reply', 'reply_extended', 'rework'] },
      effect: ({ tx, case: c, actor }) => signReply(tx, actor, c),
    }),
    rate: transition({
      label: '征询意见（满意、基本满意）',
      primary: true,
      from: ['answered'],
      to: 'rated',
      who: { permission: 'proposals.handle' },
      input: RatingInput,
      effect: ({ tx, case: c, input, actor }) => storeRating(tx, actor, c, input, false),
    }),
    rework: transition({
      label: '征询意见（不满意，重新办理）',
      from: ['answered'],
      to: 'reworking',
      who: { permission: 'proposals.handle' },
      input: RatingInput,
      clocks: {
        startOn: (input) => input.ratedOn,
        start: [{ name: 'rework', label: '重新办理期限（1 个月）', rule: { unit: 'months', n: 1 }, legalBasis: `${LAW_SHANDONG}第二十四条` }],
      },
      effect: ({ tx, case: c, input, actor }) => storeRating(tx, actor, c, input, true),
    }),
    close: transition({
      label: '办结',
      primary: true,
      from: ['rated'],
      to: 'closed',
      who: { permission: 'proposals.handle' },
      effect: ({ tx, case: c }) => mustBeClosable(tx, c),
    }),
  },
  actions: {
    contact: action({
      label: '记录面商、沟通',
      who: { permission: 'proposals.handle' },
      from: ['handling', 'drafted', 'reworking'],
      input: ContactInput,
      effect: ({ tx, case: c, input, actor }) => storeContact(tx, actor, c, input),
    }),
    implementation: action({
      label: '落实情况再次答复（B、C 类）',
      who: { permission: 'proposals.handle' },
      from: ['rated'],
      input: ImplementationInput,
      effect: ({ tx, case: c, input, actor }) => storeImplementation(tx, actor, c, input),
    }),
    disclose: action({
      label: '代表、委员同意公开答复',
      who: { permission: 'proposals.handle' },
      from: ['answered', 'rated', 'reworking', 'closed'],
      input: DisclosureInput,
      effect: ({ tx, case: c, input }) => storeDisclosure(tx, c, input),
    }),
  },
  returnable: { from: ['drafted'], to: ['handling', 'reworking'], permission: 'proposals.approve' },
  coHandling: { from: ['handling', 'reworking'], permission: 'proposals.handle', partType: PROPOSAL_PART_TYPE },
  supervision: { permission: 'proposals.approve', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: LAW_DEPUTIES },
});
