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
  // 第四十四条: several applicants asking the same office for the same information suggests 主动公开.
  const same = (
    await sql<{ n: number }>`select count(*)::int as n from disclosure.request q join core.case o on o.id = q.case_id
      where o.org_unit_id = ${c.org_unit_id} and q.case_id <> ${c.id} and q.content = (select content from disclosure.request where case_id = ${c.id})`.execute(
      ctx.db,
    )
  ).rows[0]!.n;
  if (same > 0) r.sameContent = `本机关另有 ${same} 件内容相同的申请，可考虑纳入主动公开（第四十四条）`;
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
}
