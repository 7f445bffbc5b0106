import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { yuanText } from '../../../platform/money.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { ORG_KIND_LABEL, type OrgKind } from '../contract.ts';

/** The 成立登记 case type (establish-workflow.ts's ESTABLISH_TYPE; spelled out here, that file imports this one). */
const ESTABLISH_TYPE = 'orgs_establish';

/**
 * 登记证书 of a 准予成立登记 decision, issued by the kernel's 文书 service in the 准予登记 step: the registered
 * particulars with the 登记证书号 (per authority and year) and the 统一社会信用代码; the kernel adds its 文号
 * (社登证〔年〕n号), the verification code and the PDF. A paper copy is checked on the portal's verify page.
 */
export const orgCertificate = defineDocument({
  type: `${ESTABLISH_TYPE}.certificate`,
  caseType: ESTABLISH_TYPE,
  title: '社会组织登记证书',
  numberPrefix: '社登证',
  issuePermission: 'orgs.register',
  issuableIn: ['approved'],
  docx: false,
  async fill(tx, c) {
    const o = (
      await sql<any>`select o.*, o.registered_on::text as registered_t from orgs.application a join orgs.organization o on o.id = a.organization_id
        where a.case_id = ${c.id}`.execute(tx.db)
    ).rows[0];
    if (!o) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '本案尚未准予登记，不能出具登记证书。');
    return {
      recipient: o.name,
      body: [
        `经审查，准予成立登记，发给登记证书。登记证书号：${o.certificate_no}。`,
        `名称：${o.name}。类型：${ORG_KIND_LABEL[o.kind as OrgKind]}。统一社会信用代码：${o.uscc}。`,
        `住所：${o.domicile}。法定代表人：${o.legal_representative}。注册资金：${yuanText(Number(o.capital_cents))}。`,
        `业务范围：${o.business_scope}。业务主管单位：${o.supervisor_unit ?? '无'}。`,
        `登记日期：${dateLine(o.registered_t)}。`,
      ],
      remedy: null,
    };
  },
});
