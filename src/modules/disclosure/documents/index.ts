import { AppError } from '../../../platform/errors.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { art, REQUEST_TYPE } from '../contracts/labels.ts';
import { requestOf } from '../requests/records.ts';
import { answerParagraphs, REMEDY } from './answer-text.ts';

/** 政府信息公开申请答复书: issued by the 答复 step; the applicant downloads it on the tracking page. */
export const answerDocument = defineDocument({
  type: 'disclosure_request.answer',
  caseType: REQUEST_TYPE,
  title: '政府信息公开申请答复书',
  numberPrefix: '信息公开答',
  issuePermission: 'disclosure.handle',
  issuableIn: ['answered'],
  docx: true,
  async fill(tx, c) {
    const r = await requestOf(tx, c.id);
    if (!r.answer_kind) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚未答复，不能出具答复书');
    return { recipient: r.applicant_name, body: answerParagraphs(r), remedy: REMEDY };
  },
});

/** 补正告知书 (第三十条): one notice naming what to correct and by when. */
export const correctionDocument = defineDocument({
  type: 'disclosure_request.correction',
  caseType: REQUEST_TYPE,
  title: '政府信息公开申请补正告知书',
  numberPrefix: '信息公开补',
  issuePermission: 'disclosure.handle',
  issuableIn: ['correcting'],
  docx: true,
  async fill(tx, c) {
    const r = await requestOf(tx, c.id);
    if (!r.correction_text) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚未告知补正，不能出具补正告知书');
    return {
      recipient: r.applicant_name,
      body: [
        `本机关于${dateLine(r.received_on)}收到您（单位）提出的政府信息公开申请。经审查，申请内容不明确，根据${art('第三十条')}的规定，请您对以下事项作出补正：`,
        r.correction_text,
        '请在本告知书载明的期限内补正（可在公众门户「申请进度查询」页提交补正内容）。答复期限自本机关收到补正后的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      ],
      remedy: null,
    };
  },
});

export const DISCLOSURE_DOCUMENTS = { answer: answerDocument, correction: correctionDocument } as const;
