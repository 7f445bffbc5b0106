import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { petitionFacts } from './petition-facts.ts';
import { PETITION_LAW_2022, petitionLawOn } from '../law.ts';

/**
 * 转送告知书: where the matter went (《信访工作条例》第二十二条；2005 《信访条例》第二十一条) — the outside
 * body, the day and how, filled from the recorded hand-over; issued by the 转送外部机关 step itself.
 */
export const petitionForwardNotice = defineDocument({
  type: 'petition.forward',
  caseType: PETITION_TYPE,
  title: '信访事项转送告知书',
  numberPrefix: '信转告',
  issuePermission: 'petition.handle',
  issuableIn: ['forwarded_out'],
  docx: true,
  async fill(tx, c) {
    const f = await petitionFacts(tx, c);
    const p = (
      await sql<{ forwarded_to: string | null; forwarded_on: string | null; forward_method: string | null }>`
      select forwarded_to, to_char(forwarded_on, 'YYYY-MM-DD') as forwarded_on, forward_method from petitions.petition where case_id = ${c.id}`.execute(tx.db)
    ).rows[0];
    if (!p?.forwarded_to || !p.forwarded_on) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚无转送记录，不能出具该文书');
    const law = petitionLawOn(p.forwarded_on);
    const article = law.name === PETITION_LAW_2022.name ? `${law.name}第二十二条` : `${law.name}第二十一条`;
    return {
      recipient: f.recipient,
      body: [
        `您于${f.received}提出的信访事项（编号 ${f.refNo}），经审查，属于${p.forwarded_to}的职责范围。`,
        `依照${article}的规定，本机关已于${dateLine(p.forwarded_on)}将该事项${p.forward_method ? `以${p.forward_method}方式` : ''}转送${p.forwarded_to}处理。`,
        `请您与${p.forwarded_to}联系，按照其告知的途径和程序反映诉求。`,
      ],
      remedy: null,
    };
  },
});
