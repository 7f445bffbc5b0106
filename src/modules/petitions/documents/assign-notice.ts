import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { petitionFacts } from './petition-facts.ts';
import { receiverArticles } from './transfer-notice.ts';
import { PETITION_LAW_2022, petitionLawOn } from '../law.ts';

/**
 * 交办单: the matter handed to a competent unit with the 报告期限 by which it reports the result
 * (《信访工作条例》第二十二条第一款第（三）项; 2005 《信访条例》第二十一条第一款第（四）项). Addressed to the
 * receiving unit in the sender's name; issued by the 交办 itself (commands/assign-petition.ts) in its
 * transaction. A later 交办 of the same case is a new version of the number.
 */
export const petitionAssignNotice = defineDocument({
  type: 'petition.assign',
  caseType: PETITION_TYPE,
  title: '信访事项交办单',
  numberPrefix: '信交办',
  issuePermission: 'petition.handle',
  // Issued only by the 交办 (it knows the 报告期限); no hand issue.
  issuableIn: [],
  docx: true,
  async fill(tx, c) {
    const h = (
      await sql<{ from_name: string; to_name: string; sent_at: Date; note: string | null; report_due: string }>`
      select f.name as from_name, t.name as to_name, h.sent_at, h.note, to_char(a.report_due, 'YYYY-MM-DD') as report_due
      from core.case_handoff h join petitions.assignment a on a.handoff_id = h.id
        join core.org_unit f on f.id = h.from_org_id join core.org_unit t on t.id = h.to_org_id
      where h.case_id = ${c.id} and h.kind = 'assign' order by h.sent_at desc limit 1`.execute(tx.db)
    ).rows[0];
    if (!h) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚无交办记录，不能出具该文书');
    const f = await petitionFacts(tx, c);
    const day = chinaDate(new Date(h.sent_at));
    const law = petitionLawOn(day);
    const basis = law.name === PETITION_LAW_2022.name ? `${law.name}第二十二条第一款第（三）项` : `${law.name}第二十一条第一款第（四）项`;
    const who = f.recipient === '信访人' ? '信访人' : `信访人${f.recipient}`;
    const a = receiverArticles(day);
    return {
      issuer: h.from_name,
      recipient: h.to_name,
      body: [
        `${who}于${f.received}提出的信访事项（编号 ${f.refNo}），属于你单位职权范围。依照${basis}的规定，现交由你单位办理。`,
        ...(h.note ? [`交办要求：${h.note.replace(/[。.]$/, '')}。`] : []),
        `请你单位自收到之日起 15 日内${a.will.replace('您', '信访人')}（${a.receiver}），依法办理，并于${dateLine(h.report_due)}前将办理结果报告本机关，提交办结报告。`,
        ...(law.name === PETITION_LAW_2022.name ? [`如认为不属于你单位职权范围，请自收到之日起 5 个工作日内提出异议并详细说明理由（${a.receiver}）。`] : []),
      ],
      remedy: null,
    };
  },
});
