import { AppError } from '../../../platform/errors.ts';
import { defineDocument } from '../../../kernel/documents/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { paragraphs, petitionFacts } from './petition-facts.ts';

const LAW = '《信访工作条例》';
const AFTER_ACCEPT = [
  'accepted',
  'simple',
  'handling',
  'drafted',
  'approved',
  'delivered',
  'closed',
  'review_requested',
  'review_referred',
  'reviewing',
  'reviewed',
  'review_delivered',
  'recheck_requested',
  'recheck_referred',
  'rechecking',
  'rechecked',
  'final',
] as const;
const missing = (what: string) => new AppError('DOCUMENT_FACTS_MISSING', 409, `尚无${what}\uff0c不能出具该文书`);

/** 受理告知书 (第三十一条、第三十四条): the text stored at 受理. */
export const petitionAcceptance = defineDocument({
  type: 'petition.acceptance',
  caseType: PETITION_TYPE,
  title: '信访事项受理告知书',
  numberPrefix: '信受告',
  issuePermission: 'petition.handle',
  issuableIn: AFTER_ACCEPT,
  docx: true,
  async fill(tx, c) {
    const f = await petitionFacts(tx, c);
    if (!f.acceptanceNotice) throw missing('受理告知内容');
    return { recipient: f.recipient, body: paragraphs(f.acceptanceNotice.replace(/^信访人[:\uff1a]\s*/, '')), remedy: null };
  },
});

/** 不予受理告知书: the statutory reason, its basis and where to turn instead. */
export const petitionRefusal = defineDocument({
  type: 'petition.refusal',
  caseType: PETITION_TYPE,
  title: '信访事项不予受理告知书',
  numberPrefix: '信不受告',
  issuePermission: 'petition.handle',
  issuableIn: ['refused'],
  docx: true,
  async fill(tx, c) {
    const f = await petitionFacts(tx, c);
    if (!f.refusalReason) throw missing('不予受理理由');
    return {
      recipient: f.recipient,
      body: [
        `您于${f.received}提出的信访事项(编号 ${f.refNo}),经审查,本机关决定不予受理。`,
        `理由:${f.refusalReason}${f.refusalDetail ? `。${f.refusalDetail.replace(/。$/, '')}` : ''}。依据:${f.refusalBasis ?? LAW}。`,
      ],
      remedy: f.refusalGuidance,
    };
  },
});

/** 处理意见书 (第三十二条、第三十三条), with the 复查 right of 第三十五条; issued on 送达. */
export const petitionOpinion = defineDocument({
  type: 'petition.opinion',
  caseType: PETITION_TYPE,
  title: '信访事项处理意见书',
  numberPrefix: '信处意',
  issuePermission: 'petition.handle',
  issuableIn: ['approved', 'delivered', 'closed', 'review_requested'],
  docx: true,
  async fill(tx, c) {
    const f = await petitionFacts(tx, c);
    if (!f.opinion || !f.opinionText) throw missing('经审批的处理意见');
    return {
      recipient: f.recipient,
      body: [
        `您于${f.received}提出的信访事项(编号 ${f.refNo}),本机关已依法受理。经调查核实,现将处理意见告知如下:`,
        ...paragraphs(f.opinionText),
        `处理意见:${f.opinion}。`,
      ],
      remedy: `如对本处理意见不服,可以自收到本意见书之日起 30 日内请求原办理行政机关、单位的上一级机关、单位复查(${LAW}第三十五条)。`,
    };
  },
});

export const PETITION_DOCUMENTS = { acceptance: petitionAcceptance, refusal: petitionRefusal, opinion: petitionOpinion } as const;
