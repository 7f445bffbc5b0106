import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { dateLine } from '../../../kernel/documents/index.ts';
export type PetitionFacts = {
  recipient: string;
  received: string;
  refNo: string;
  anonymous: boolean;
  opinion: string | null;
  opinionText: string | null;
  acceptanceNotice: string | null;
  refusalReason: string | null;
  refusalBasis: string | null;
  refusalGuidance: string | null;
  refusalDetail: string | null;
  /** The day of the act a document records, for the rule it cites (law.ts): 送达 of the opinion, else 不予受理, else today. */
  actOn: string;
};

/** What the 信访 documents say about a petition: the petitioners (主送), dates and the stored texts. */
export async function petitionFacts(tx: AppContext, c: CaseRow): Promise<PetitionFacts> {
  const p = (
    await sql<{
      created_at: Date;
      anonymous: boolean;
      opinion: string | null;
      opinion_text: string | null;
      acceptance_notice: string | null;
      refusal_reason: string | null;
      refusal_basis: string | null;
      refusal_guidance: string | null;
      refusal_detail: string | null;
      delivered_on: string | null;
      refused_at: Date | null;
    }>`
    select created_at, anonymous, opinion, opinion_text, acceptance_notice, refusal_reason, refusal_basis, refusal_guidance, refusal_detail,
      to_char(delivered_on, 'YYYY-MM-DD') as delivered_on, refused_at
    from petitions.petition where case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  if (!p) throw new AppError('PETITION_NOT_FOUND', 404, '信访事项不存在');
  const names = (await sql<{ name: string }>`select name from petitions.petitioner where case_id = ${c.id} order by created_at, id`.execute(tx.db)).rows.map(
    (r) => r.name,
  );
  return {
    recipient: p.anonymous || !names.length ? '信访人' : names.join('、'),
    received: dateLine(chinaDate(new Date(p.created_at))),
    refNo: c.ref_no,
    anonymous: p.anonymous,
    opinion: p.opinion,
    opinionText: p.opinion_text,
    acceptanceNotice: p.acceptance_notice,
    refusalReason: p.refusal_reason,
    refusalBasis: p.refusal_basis,
    refusalGuidance: p.refusal_guidance,
    refusalDetail: p.refusal_detail,
    actOn: p.delivered_on ?? (p.refused_at ? chinaDate(new Date(p.refused_at)) : chinaDate(tx.clock.now())),
  };
}

/** Paragraphs of a text typed in the console (blank lines and line breaks separate them). */
export const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
