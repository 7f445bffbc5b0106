import { AppError } from '../../../platform/errors.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { APPLICATION_TYPE, LAW_ONLINE } from '../contract.ts';
import { applicationOf } from '../db.ts';
import { findHallItem } from '../items.ts';

const REMEDY_DECISION = '如对本决定不服，可以自收到之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。';

/**
 * 电子证照: the result of an approved application (养老机构备案回执, 公开募捐资格证书 …), issued as
 * the kernel's numbered PDF with a verification code (checked at /portal/verify.html). Electronic
 * certificates have the legal effect of paper ones (国务院令第716号).
 */
export const hallCertificate = defineDocument({
  type: 'hall.certificate',
  caseType: APPLICATION_TYPE,
  title: '政务服务办理结果（电子证照）',
  numberPrefix: '民政证照',
  issuePermission: 'hall.handle',
  issuableIn: ['approved', 'delivered'],
  docx: false,
  async fill(tx, c) {
    const a = await applicationOf(tx, c.id);
    if (a.decision !== '准予' || !a.decided_on) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚未作出准予决定，不能出具电子证照');
    if (a.orgs_case_id) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '本件的办理结果是登记管理机关出具的社会团体法人登记证书，不另出具电子证照');
    const item = await findHallItem(tx, a.item_code);
    const form = a.form as Record<string, string>;
    const lines = (item?.fields ?? []).filter((f) => form[f.key] && !['contact', 'phone'].includes(f.key)).map((f) => `${f.label}:${form[f.key]}`);
    return {
      recipient: a.applicant,
      body: [
        `你单位于${dateLine(a.accepted_on ?? a.decided_on)}提出的「${a.item_name}」申请（${c.ref_no}），经审查，符合规定，准予办理，现出具「${item?.resultName ?? a.item_name}」。`,
        ...lines,
        `依据：${item?.legalBasis ?? ''}。`,
        `本电子证照依照${LAW_ONLINE}第十条与纸质证照具有同等法律效力。`,
      ],
      remedy: '',
    };
  },
});

/** 补正材料一次性告知书: everything missing, at once (the notice the 补正 step records). */
export const hallCorrectionNotice = defineDocument({
  type: 'hall.correction',
  caseType: APPLICATION_TYPE,
  title: '补正材料一次性告知书',
  numberPrefix: '民政补告',
  issuePermission: 'hall.handle',
  issuableIn: ['correcting'],
  docx: true,
  async fill(tx, c) {
    const a = await applicationOf(tx, c.id);
    if (!a.correction_note) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚未作出补正告知，不能出具该文书');
    return {
      recipient: a.applicant,
      body: [
        `你单位提出的「${a.item_name}」申请（${c.ref_no}）材料不齐全或者不符合法定形式，请一次性补正下列材料和内容：`,
        ...a.missing.map((m, i) => `${i + 1}.${m}`),
        a.correction_note,
        '补正材料齐全后，承诺办结时限自收到补正材料之日起重新计算。',
      ],
      remedy: REMEDY_DECISION.replace('本决定', '本告知'),
    };
  },
});
