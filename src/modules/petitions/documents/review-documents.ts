import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { paragraphs, petitionFacts } from './petition-facts.ts';
import { petitionLawOn } from '../law.ts';

type DocumentFill = Awaited<ReturnType<ReturnType<typeof defineDocument>['fill']>>;
type Stage = {
  /** The step that made the opinion (its input holds the opinion and the text). */
  concluded: 'conclude_review' | 'conclude_recheck';
  what: '复查' | '复核';
};

/**
 * 复查意见书 / 复核意见书 (《信访工作条例》第三十五条、第三十六条; 2005 《信访条例》第三十四条、第三十五条):
 * issued at 送达 (`deliver_review` / `deliver_recheck`) in the name of the body that made the opinion
 * (`review_org_id` / `recheck_org_id`), citing the rule in force on the day the petitioner received it.
 * An opinion made by an outside body (转请, `record_*_outcome`) is that body's paper: none is issued here.
 */
async function fillOpinion(tx: AppContext, c: CaseRow, s: Stage): Promise<DocumentFill> {
  const col = s.what === '复查' ? 'review' : 'recheck';
  const p = (
    await sql<{ org_name: string | null; requested_on: string | null; delivered_on: string | null }>`select o.name as org_name,
      to_char(p.${sql.raw(col)}_requested_on, 'YYYY-MM-DD') as requested_on, to_char(p.${sql.raw(col)}_delivered_on, 'YYYY-MM-DD') as delivered_on
    from petitions.petition p left join core.org_unit o on o.id = p.${sql.raw(col)}_org_id where p.case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  if (!p?.org_name) throw new AppError('DOCUMENT_FACTS_MISSING', 409, `本事项的${s.what}意见不是本平台机关作出的（已转请外部机关），不能出具该文书`);
  const e = (
    await sql<{ input: { opinion?: string; text?: string } | string | null }>`select input from core.case_event
    where case_id = ${c.id} and transition = ${s.concluded} order by seq desc limit 1`.execute(tx.db)
  ).rows[0];
  const i = typeof e?.input === 'string' ? (JSON.parse(e.input) as { opinion?: string; text?: string }) : e?.input;
  if (!i?.opinion || !i.text) throw new AppError('DOCUMENT_FACTS_MISSING', 409, `尚无${s.what}意见，不能出具该文书`);
  const f = await petitionFacts(tx, c);
  const law = petitionLawOn(p.delivered_on ?? f.actOn);
  const asked = p.requested_on ? `于${dateLine(p.requested_on)}` : '';
  return {
    issuer: p.org_name,
    recipient: f.recipient,
    body: [
      `您对信访事项（编号 ${f.refNo}）${s.what === '复查' ? '的处理意见' : '的复查意见'}不服，${asked}提出${s.what}请求。本机关依照${s.what === '复查' ? law.review : law.recheck}进行了${s.what}，现将${s.what}意见告知如下：`,
      ...paragraphs(i.text),
      `${s.what}意见：${i.opinion}。`,
    ],
    remedy: s.what === '复查' ? law.recheckRight : law.finality,
  };
}

/** 信访事项复查意见书, with the 复核 right (30 日, to the level above the 复查 body). */
export const petitionReviewOpinion = defineDocument({
  type: 'petition.review_opinion',
  caseType: PETITION_TYPE,
  title: '信访事项复查意见书',
  numberPrefix: '信复查意',
  issuePermission: 'petition.handle',
  issuableIn: ['review_delivered', 'recheck_requested', 'recheck_referred', 'rechecking', 'rechecked', 'final', 'closed'],
  docx: true,
  fill: (tx, c) => fillOpinion(tx, c, { concluded: 'conclude_review', what: '复查' }),
});

/** 信访事项复核意见书: the final opinion; the same facts and reasons are not accepted again. */
export const petitionRecheckOpinion = defineDocument({
  type: 'petition.recheck_opinion',
  caseType: PETITION_TYPE,
  title: '信访事项复核意见书',
  numberPrefix: '信复核意',
  issuePermission: 'petition.handle',
  issuableIn: ['final'],
  docx: true,
  fill: (tx, c) => fillOpinion(tx, c, { concluded: 'conclude_recheck', what: '复核' }),
});

/** Whether our own body made the opinion (a referred matter's opinion is the outside body's: no document). */
export async function madeHere(tx: AppContext, caseId: string, what: '复查' | '复核'): Promise<boolean> {
  const col = what === '复查' ? 'review_org_id' : 'recheck_org_id';
  const r = (await sql<{ org: string | null }>`select ${sql.ref(col)} as org from petitions.petition where case_id = ${caseId}`.execute(tx.db)).rows[0];
  return !!r?.org;
}
