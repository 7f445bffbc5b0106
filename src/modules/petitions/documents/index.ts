import { AppError } from '../../../platform/errors.ts';
import { defineDocument } from '../../../kernel/documents/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { paragraphs, petitionFacts } from './petition-facts.ts';
import { petitionLawOn } from '../law.ts';
import { petitionRecheckOpinion, petitionReviewOpinion } from './review-documents.ts';
import { petitionForwardNotice } from './forward-notice.ts';
import { petitionTransferNotice } from './transfer-notice.ts';
import { petitionAssignNotice } from './assign-notice.ts';

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

/** 受理告知书: the text stored at 受理 (its default cites the 办理 period of the rule in force that day, law.ts). */
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
        `您于${f.received}提出的信访事项（编号 ${f.refNo}），经审查，本机关决定不予受理。`,
        `理由：${f.refusalReason}${f.refusalDetail ? `。${f.refusalDetail.replace(/。$/, '')}` : ''}。依据：${f.refusalBasis ?? petitionLawOn(f.actOn).name}。`,
      ],
      remedy: f.refusalGuidance,
    };
  },
});

/** 处理意见书 (2022 第三十二条; 2005 第三十二条), with the 复查 right of the rule in force on the day of 送达 (law.ts); issued on 送达. */
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
        `您于${f.received}提出的信访事项（编号 ${f.refNo}），本机关已依法受理。经调查核实，现将处理意见告知如下：`,
        ...paragraphs(f.opinionText),
        `处理意见：${f.opinion}。`,
      ],
      remedy: petitionLawOn(f.actOn).reviewRight,
    };
  },
});

export const PETITION_DOCUMENTS = {
  acceptance: petitionAcceptance,
  refusal: petitionRefusal,
  opinion: petitionOpinion,
  reviewOpinion: petitionReviewOpinion,
  recheckOpinion: petitionRecheckOpinion,
  forward: petitionForwardNotice,
  transfer: petitionTransferNotice,
  assign: petitionAssignNotice,
} as const;
