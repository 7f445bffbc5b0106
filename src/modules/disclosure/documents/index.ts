import { sql } from 'kysely';
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

/** 延长答复期限告知书 (第三十三条第二款): issued when the 负责人 approves the extension; the applicant downloads it. */
export const extensionDocument = defineDocument({
  type: 'disclosure_request.extension',
  caseType: REQUEST_TYPE,
  title: '延长政府信息公开申请答复期限告知书',
  numberPrefix: '信息公开延',
  issuePermission: 'disclosure.approve',
  issuableIn: ['received', 'correcting', 'consulting'],
  docx: true,
  async fill(tx, c) {
    const r = await requestOf(tx, c.id);
    const k = (
      await sql<{ due: string; extensions: Array<{ n: number; reason: string; at: string }> }>`select due_date::text as due, extensions
        from core.deadline_clock where case_id = ${c.id} and name = 'answer'`.execute(tx.db)
    ).rows[0];
    const x = k?.extensions.at(-1);
    if (!k || !x) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '答复期限未延长，不能出具延期告知书');
    return {
      recipient: r.applicant_name,
      body: [
        `本机关于${dateLine(r.received_on)}收到您（单位）提出的政府信息公开申请。`,
        `因${x.reason}，不能在规定期限内作出答复。根据${art('第三十三条第二款')}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长 ${x.n} 个工作日，本机关将于${dateLine(k.due)}前作出答复。`,
        '特此告知。',
      ],
      remedy: null,
    };
  },
});

export const DISCLOSURE_DOCUMENTS = { answer: answerDocument, correction: correctionDocument, extension: extensionDocument } as const;
