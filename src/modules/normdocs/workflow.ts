import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { action, defineWorkflow, transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { HEADS_SIGNOFF, LAW_FILING, LAW_REVIEW, NORMDOC_TYPE } from './contract.ts';
import { continueDocument, registerContinuation } from './commands/continue-document.ts';
import { concludeDeliberation, legalSign } from './commands/deliberation.ts';
import { expireDocument, repealDocument, supersedeDocument } from './commands/end-force.ts';
import {
  CommentInput,
  ConsultationInput,
  DispositionInput,
  ExpireInput,
  FilingInput,
  MeetingInput,
  PublishInput,
  RepealInput,
  ReviewPassInput,
  ReviewReturnInput,
  SupersedeInput,
  VersionInput,
} from './commands/inputs.ts';
import {
  fileDocument,
  numberDocument,
  openConsultation,
  passReview,
  publishDocument,
  returnReview,
  signDocument,
  storeComment,
  storeDisposition,
  storeMeeting,
  storeVersion,
  submitForReview,
} from './commands/steps.ts';

async function normdocFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<Record<string, string | null>>`
    select title, number, signed_by_name as "signedBy", signed_on::text as "signedOn", published_on::text as "publishedOn",
      effective_on::text as "effectiveOn", valid_until::text as "validUntil", filed_on::text as "filedOn", filed_with as "filedWith"
    from normdocs.document where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  if (!r) return {};
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
}

/** The pipeline in order; a gated step may be asked from any earlier state and refuses (409) naming the missing gate. */
const ORDER = ['drafting', 'consulting', 'reviewing', 'reviewed', 'deliberated', 'legal_signed', 'signed', 'numbered', 'published'] as const;
type S = (typeof ORDER)[number];
const upTo = (s: S): S[] => ORDER.slice(0, ORDER.indexOf(s) + 1);

const draft = { permission: 'normdocs.draft' } as const;
const legal = { permission: 'normdocs.review', party: 'any' } as const;
const lead = { permission: 'normdocs.sign', party: 'any' } as const;

/**
 * 规范性文件 case flow (regulations.md §6.3): 起草 → 征求意见(≥ 30 日) → 合法性审核(政策法规处, 15
 * 个工作日) → 集体审议 → 签发 → 登记编号(宁民规发〔YYYY〕N号) → 公布 → 备案(公布后 30 日). Every
 * gate is checked on the module's records in the effect, in the one step.
 */
export const normdocWorkflow = defineWorkflow({
  type: NORMDOC_TYPE,
  label: '规范性文件',
  refPrefix: 'GFWJ',
  readPermission: 'normdocs.read',
  readFacts: normdocFacts,
  facts: {
    title: '文件名称',
    number: '登记编号',
    signedBy: '签发人',
    signedOn: '签发日期',
    publishedOn: '公布日期',
    effectiveOn: '施行日期',
    validUntil: '有效期至',
    filedOn: '报送备案日期',
    filedWith: '备案机关',
  },
  states: {
    drafting: { label: '起草中' },
    consulting: { label: '征求意见中' },
    reviewing: { label: '合法性审核中' },
    reviewed: { label: '审核通过待集体审议' },
    deliberated: { label: '集体审议通过待政策法规处签字' },
    legal_signed: { label: '政策法规处已签字待签发' },
    signed: { label: '已签发待登记编号' },
    numbered: { label: '已登记编号待公布' },
    published: { label: '已公布待备案' },
    filed: { label: '已备案（施行）', resting: true },
    repealed: { label: '已废止', terminal: true },
    expired: { label: '已失效', terminal: true },
    revised: { label: '已修改（由修改后的文件替代）', terminal: true },
    continued: { label: '已继续施行（重新登记，由新登记的文件替代）', terminal: true },
  },
  initial: 'drafting',
  create: { label: '起草', route: '/api/normdocs', who: draft },
  transitions: {
    consult: transition({
      label: '征求意见',
      from: ['drafting'],
      to: 'consulting',
      who: draft,
      input: ConsultationInput,
      effect: ({ tx, case: c, input, actor }) => openConsultation(tx, actor, c, input),
    }),
    submit_review: {
      label: '送合法性审核',
      from: ['drafting', 'consulting'],
      to: 'reviewing',
      who: draft,
      clocks: { start: [{ name: 'review', label: '合法性审核期限（15 个工作日）', rule: { unit: 'workdays', n: 15 }, legalBasis: LAW_REVIEW }] },
      effect: ({ tx, case: c }) => submitForReview(tx, c),
    },
    review_pass: transition({
      label: '合法性审核通过',
      from: ['reviewing'],
      to: 'reviewed',
      who: legal,
      input: ReviewPassInput,
      clocks: { stop: ['review'] },
      effect: ({ tx, case: c, input, actor }) => passReview(tx, actor, c, input),
    }),
    review_return: transition({
      label: '合法性审核不予通过，退回修改',
      from: ['reviewing'],
      to: 'drafting',
      who: legal,
      input: ReviewReturnInput,
      clocks: { stop: ['review'] },
      effect: ({ tx, case: c, input, actor }) => returnReview(tx, actor, c, input),
    }),
    deliberate: {
      label: '集体审议通过（参会领导会签同意）',
      from: upTo('reviewed'),
      to: 'deliberated',
      who: lead,
      effect: ({ tx, case: c }) => concludeDeliberation(tx, c),
    },
    deliberation_return: {
      label: '集体审议未通过，退回修改',
      from: ['reviewed'],
      to: 'drafting',
      who: lead,
    },
    legal_sign: {
      label: '政策法规处签字',
      from: upTo('deliberated'),
      to: 'legal_signed',
      who: legal,
      effect: ({ tx, case: c, actor }) => legalSign(tx, actor, c),
    },
    sign: {
      label: '领导签发',
      from: upTo('legal_signed'),
      to: 'signed',
      who: lead,
      effect: ({ tx, case: c, actor }) => signDocument(tx, actor, c),
    },
    number: {
      label: '统一登记编号',
      from: upTo('signed'),
      to: 'numbered',
      who: legal,
      effect: ({ tx, case: c }) => numberDocument(tx, c),
    },
    publish: transition({
      label: '公布',
      from: upTo('numbered'),
      to: 'published',
      who: legal,
      input: PublishInput,
      clocks: {
        startOn: (input) => input.publishedOn,
        start: [{ name: 'filing', label: '报送备案期限（公布后 30 日）', rule: { unit: 'days', n: 30 }, legalBasis: LAW_FILING }],
      },
      effect: ({ tx, case: c, input, actor }) => publishDocument(tx, actor, c, input),
    }),
    file: transition({
      label: '报送备案',
      from: upTo('published'),
      to: 'filed',
      who: legal,
      input: FilingInput,
      clocks: { stop: ['filing'] },
      effect: ({ tx, case: c, input }) => fileDocument(tx, c, input),
    }),
    repeal: transition({
      label: '废止',
      from: ['published', 'filed'],
      to: 'repealed',
      who: legal,
      input: RepealInput,
      effect: ({ tx, case: c, input }) => repealDocument(tx, c, input),
    }),
    expire: transition({
      label: '失效（有效期届满或清理宣布失效）',
      from: ['published', 'filed'],
      to: 'expired',
      who: legal,
      input: ExpireInput,
      effect: ({ tx, case: c, input }) => expireDocument(tx, c, input),
    }),
    supersede: transition({
      label: '已修改（修改后的文件公布，自其施行之日起替代）',
      from: ['published', 'filed'],
      to: 'revised',
      who: legal,
      input: SupersedeInput,
      effect: ({ tx, case: c, input }) => supersedeDocument(tx, c, input),
    }),
    reissue: transition({
      label: '继续施行（评估继续有效，重新登记编号和有效期）',
      from: ['published', 'filed'],
      to: 'continued',
      who: legal,
      input: PublishInput,
      effect: ({ tx, case: c, input, actor }) => continueDocument(tx, actor, c, input),
    }),
    register_continuation: transition({
      label: '继续施行重新登记编号并公布',
      from: ['drafting'],
      to: 'published',
      // Never offered to anyone (no level allowed): only `reissue` runs it, on the case it opens.
      who: { ...legal, levels: [] },
      input: PublishInput,
      clocks: {
        startOn: (input) => input.publishedOn,
        start: [{ name: 'filing', label: '报送备案期限（公布后 30 日）', rule: { unit: 'days', n: 30 }, legalBasis: LAW_FILING }],
      },
      effect: ({ tx, case: c, input, actor }) => registerContinuation(tx, actor, c, input),
    }),
  },
  // 集体审议: the drafter records the meeting and opens the heads' 会签 (mode all); its outcome runs deliberate / deliberation_return.
  signoffs: { [HEADS_SIGNOFF]: { permission: 'normdocs.draft', onApprove: 'deliberate', onReject: 'deliberation_return' } },
  actions: {
    meeting: action({
      label: '登记集体审议会议记录',
      who: draft,
      from: ['reviewed'],
      input: MeetingInput,
      effect: ({ tx, case: c, input, actor }) => storeMeeting(tx, actor, c, input),
    }),
    revise: action({
      label: '修改草案（新版本）',
      who: draft,
      from: ['drafting'],
      input: VersionInput,
      effect: ({ tx, case: c, input, actor }) => storeVersion(tx, actor, c, input),
    }),
    comment: action({
      label: '登记意见',
      who: draft,
      from: ['consulting'],
      input: CommentInput,
      effect: ({ tx, case: c, input }) => storeComment(tx, c, input),
    }),
    dispose: action({
      label: '处理意见（采纳、部分采纳、不采纳）',
      who: draft,
      from: ['consulting'],
      input: DispositionInput,
      effect: ({ tx, case: c, input, actor }) => storeDisposition(tx, actor, c, input),
    }),
  },
});
