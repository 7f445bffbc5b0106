import { dateLine, defineSubjectDocument } from '../../../kernel/documents/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';

/** What a 结业证明 is issued from: a passed exam attempt (subject id = the attempt's id). */
export const ATTEMPT_SUBJECT = 'enforcement_exam_attempt';

/**
 * 结业证明: a passed 学法考试 (or 行政执法资格考试) — a kernel subject document like the 整改通知书: numbered
 * 宁民学结〔年〕n号 per year without gaps, verification code (checked on the portal), GB/T 9704 PDF; read by
 * enforcement.read over the officer's unit (the officer reads their own).
 */
export const studyCertificate = defineSubjectDocument({
  type: `${ATTEMPT_SUBJECT}.certificate`,
  subjectType: ATTEMPT_SUBJECT,
  title: '结业证明',
  numberPrefix: '宁民学结',
  readPermission: ENFORCEMENT_PERMISSIONS.read,
  docx: false,
});

/** The issuer: the papers are set by the 民政厅 for every unit. */
export const CERTIFICATE_ISSUER = '宁夏回族自治区民政厅';

/** The certificate's text (also shown on the result page). */
export function certificateText(x: { orgName: string; officerName: string; certNo: string; title: string; score: number; submittedOn: string }) {
  return `${x.orgName}${x.officerName}（执法证号 ${x.certNo}）于${dateLine(x.submittedOn)}参加「${x.title}」，成绩 ${x.score} 分，考试合格，准予结业。`;
}

export const certificateFill = (x: Parameters<typeof certificateText>[0]) => ({
  recipient: `${x.orgName}${x.officerName}`,
  issuer: CERTIFICATE_ISSUER,
  body: [certificateText(x), '特此证明。'],
  remedy: null,
});
