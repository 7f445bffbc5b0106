import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { petitionFacts } from './petition-facts.ts';
import { PETITION_LAW_2022, petitionLawOn } from '../law.ts';

/** Telling the petitioner where it went, and the receiver's 15 日 to tell them of its receipt, by the rule in force on the day. */
export function receiverArticles(day: string) {
  const law = petitionLawOn(day);
  return law.name === PETITION_LAW_2022.name
    ? { send: `${law.name}第二十三条第一款`, receiver: `${law.name}第二十三条第三款`, will: '书面告知您接收情况以及处理途径和程序' }
    : { send: `${law.name}第二十一条第一款第（二）项、第（三）项`, receiver: `${law.name}第二十一条第二款`, will: '决定是否受理并书面告知您' };
}

/**
 * 转送告知书 for a 转送 to another unit on the platform: the receiving body, the day, and what it will do
 * (《信访工作条例》第二十三条: 转送…并告知信访人转送、交办去向). Issued by the hand-off itself (workflow.ts
 * `handoff.onSend`) in the sending unit's name; a later 转送 of the same case is a new version of the number.
 */
export const petitionTransferNotice = defineDocument({
  type: 'petition.transfer',
  caseType: PETITION_TYPE,
  title: '信访事项转送告知书',
  numberPrefix: '信转送告',
  issuePermission: 'petition.handle',
  // Issued only by the hand-off (it knows which one); no hand issue.
  issuableIn: [],
  docx: true,
  async fill(tx, c) {
    const h = (
      await sql<{ from_name: string; to_name: string; sent_at: Date }>`select f.name as from_name, t.name as to_name, h.sent_at
      from core.case_handoff h join core.org_unit f on f.id = h.from_org_id join core.org_unit t on t.id = h.to_org_id
      where h.case_id = ${c.id} and h.kind = 'transfer' and h.status in ('pending', 'acknowledged') order by h.sent_at desc limit 1`.execute(tx.db)
    ).rows[0];
    if (!h) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚无转送记录，不能出具该文书');
    const f = await petitionFacts(tx, c);
    const day = chinaDate(new Date(h.sent_at));
    const a = receiverArticles(day);
    return {
      issuer: h.from_name,
      recipient: f.recipient,
      body: [
        `您于${f.received}提出的信访事项（编号 ${f.refNo}），经审查，属于${h.to_name}的职责范围。`,
        `依照${a.send}的规定，本机关已于${dateLine(day)}将该事项转送${h.to_name}办理。`,
        `${h.to_name}将自收到之日起 15 日内${a.will}（${a.receiver}）。您也可以凭信访事项编号和查询码在门户网站查询办理进度。`,
      ],
      remedy: null,
    };
  },
});
