import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS, type AnswerKind } from '../contracts/labels.ts';

/** The case page's facts of a request, from disclosure.request. */
export async function requestFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<Record<string, string | null>>`select channel, applicant_kind as "applicantKind", applicant_name as "applicantName", contact, content, form,
      received_on::text as "receivedOn", correction_text as "correctionText", corrected_text as "correctedText", corrected_on::text as "correctedOn",
      third_party as "thirdParty", consult_opinion as "consultOpinion", answer_kind as "answerKind", answered_on::text as "answeredOn"
      from disclosure.request where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  if (!r) return {};
  if (r.answerKind) r.answerKind = ANSWER_KINDS[r.answerKind as AnswerKind]?.label ?? r.answerKind;
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
}
