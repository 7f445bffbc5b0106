import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { defineWorkflow, transition, type CaseRow } from '../../../kernel/workflow/index.ts';
import { art, REQUEST_TYPE } from '../contracts/labels.ts';
import { AnswerInput, AskCorrectionInput, ConsultInput, ConsultReplyInput, CorrectInput } from '../contracts/inputs.ts';
import { DISCLOSURE_DOCUMENTS } from '../documents/index.ts';
import { storeAnswer, storeConsultation, storeConsultReply, storeCorrection, storeCorrectionAsk } from './records.ts';
import { requestFacts } from './request-facts.ts';
import { makeProactive } from './make-proactive.ts';

/** The 信息处理费 cap per request (元): a setting that may only be stricter than 国办函〔2020〕109号. */
export const FEE_CAP_YUAN = 10000;

const correctionDays = async (tx: AppContext, c: CaseRow) => {
  const r = await sql<{ n: number | null }>`select correction_days as n from disclosure.request where case_id = ${c.id}`.execute(tx.db);
  return { unit: 'workdays' as const, n: Number(r.rows[0]?.n ?? 15) };
};

/**
 * 依申请公开 (regulations.md §10.2): 收到 (receipt date by channel, 第三十一条) → [补正告知 within 7
 * working days → 待补正 (the answer clock paused) → 补正 (counts afresh, 第三十条)] → [征求第三方意见
 * (15 working days, not counted, 第三十二条、第三十三条第三款)] → 答复 within 20 working days, +20 with
 * the 负责人's approval and notice (第三十三条第二款; kernel clock extension) → 已答复 (答复书 issued).
 */
export const requestWorkflow = defineWorkflow({
  type: REQUEST_TYPE,
  label: '政府信息公开申请',
  refPrefix: 'XXGK',
  readPermission: 'disclosure.read',
  readFacts: requestFacts,
  facts: {
    channel: '申请方式',
    applicantKind: '申请人类型',
    applicantName: '申请人',
    contact: '联系方式',
    content: '申请内容',
    form: '获取方式',
    receivedOn: '收到申请日期',
    correctionText: '补正告知事项',
    correctedText: '补正后的申请内容',
    correctedOn: '收到补正日期',
    thirdParty: '征求意见的第三方',
    consultOpinion: '第三方意见',
    answerKind: '答复类型',
    answeredOn: '答复日期',
    sameContent: '相同内容的申请',
  },
  states: {
    received: { label: '已收到，办理中' },
    correcting: { label: '待申请人补正' },
    consulting: { label: '征求第三方意见中' },
    answered: { label: '已答复', terminal: true },
  },
  initial: 'received',
  create: {
    label: '登记申请',
    route: '/api/disclosure/requests',
    who: { permission: 'disclosure.handle' },
    clocks: {
      startOn: (input) => (input as { receivedOn?: string } | undefined)?.receivedOn,
      start: [
        {
          name: 'answer',
          label: '答复期限（20 个工作日）',
          rule: { unit: 'workdays', n: 20 },
          legalBasis: art('第三十三条第二款'),
          warnWorkdays: 3,
          suspendable: { kinds: ['correction', 'third_party'] },
        },
        { name: 'correction_notice', label: '补正告知期限（7 个工作日）', rule: { unit: 'workdays', n: 7 }, legalBasis: art('第三十条') },
      ],
    },
  },
  transitions: {
    ask_correction: transition({
      label: '一次性告知补正',
      from: ['received'],
      to: 'correcting',
      who: { permission: 'disclosure.handle' },
      input: AskCorrectionInput,
      clocks: {
        stop: ['correction_notice'],
        suspend: [{ name: 'answer', kind: 'correction', label: '等待申请人补正（答复期限自收到补正后的申请之日起重新计算）' }],
        start: [{ name: 'correction_period', label: (r) => `补正期限（${r.n} 个工作日）`, rule: correctionDays, legalBasis: art('第三十条') }],
      },
      effect: async ({ tx, case: c, input, actor }) => {
        await storeCorrectionAsk(tx, c, input);
        await issueDocument(tx, { type: DISCLOSURE_DOCUMENTS.correction, caseId: c.id, actor });
      },
    }),
    correct: transition({
      label: '收到补正后的申请',
      from: ['correcting'],
      to: 'received',
      who: { permission: 'disclosure.correct' },
      input: CorrectInput,
      clocks: { stop: ['correction_period'], restart: ['answer'] },
      effect: ({ tx, case: c, input }) => storeCorrection(tx, c, input),
    }),
    consult: transition({
      label: '书面征求第三方意见',
      from: ['received'],
      to: 'consulting',
      who: { permission: 'disclosure.handle' },
      input: ConsultInput,
      clocks: {
        stop: ['correction_notice'],
        suspend: [{ name: 'answer', kind: 'third_party', label: '征求第三方意见，所需时间不计算在答复期限内' }],
        start: [{ name: 'consultation', label: '第三方答复期限（15 个工作日）', rule: { unit: 'workdays', n: 15 }, legalBasis: art('第三十二条') }],
      },
      effect: ({ tx, case: c, input }) => storeConsultation(tx, c, input),
    }),
    consulted: transition({
      label: '收到第三方意见（或逾期未提出）',
      from: ['consulting'],
      to: 'received',
      who: { permission: 'disclosure.handle' },
      input: ConsultReplyInput,
      clocks: { stop: ['consultation'], resume: ['answer'] },
      effect: ({ tx, case: c, input }) => storeConsultReply(tx, c, input),
    }),
    answer: transition({
      label: '答复（出具答复书）',
      from: ['received', 'correcting'],
      to: 'answered',
      who: { permission: 'disclosure.handle' },
      input: AnswerInput,
      clocks: { stop: ['answer', 'correction_notice', 'correction_period'] },
      effect: async ({ tx, case: c, input, actor }) => {
        await storeAnswer(tx, c, input, FEE_CAP_YUAN);
        await issueDocument(tx, { type: DISCLOSURE_DOCUMENTS.answer, caseId: c.id, actor });
      },
    }),
  },
  actions: { make_proactive: makeProactive },
  clockControl: {
    suspendPermission: 'disclosure.handle',
    extendPermission: 'disclosure.approve',
    extendable: { answer: { unit: 'workdays', n: 20, times: 1 } },
    // The applicant is told in writing: the 延期告知书, downloadable on the tracking page.
    onExtended: async ({ tx, case: c, actor }) => void (await issueDocument(tx, { type: DISCLOSURE_DOCUMENTS.extension, caseId: c.id, actor })),
  },
  supervision: { permission: 'disclosure.approve', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: art('第四十七条') },
});
