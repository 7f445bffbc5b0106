import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS, answerKeyOf, DISCLOSURE_ERRORS as E } from '../contracts/labels.ts';
import type { AnswerInput, AskCorrectionInput, ConsultInput, ConsultReplyInput, CorrectInput } from '../contracts/inputs.ts';

const today = (tx: AppContext) => chinaDate(tx.clock.now());

export type RequestRow = {
  case_id: string;
  channel: string;
  applicant_kind: string;
  applicant_name: string;
  contact: string;
  content: string;
  form: string;
  received_on: string;
  correction_asked_on: string | null;
  correction_text: string | null;
  corrected_on: string | null;
  corrected_text: string | null;
  third_party: string | null;
  consult_sent_on: string | null;
  consult_reply_on: string | null;
  consult_opinion: string | null;
  answer_kind: string | null;
  answer_text: string | null;
  disclosed_part: string | null;
  withheld_part: string | null;
  reasons: string | null;
  right_body: string | null;
  fee_yuan: string;
  answered_on: string | null;
};

export async function requestOf(tx: AppContext, caseId: string): Promise<RequestRow> {
  const r = (
    await sql<RequestRow>`select case_id, channel, applicant_kind, applicant_name, contact, content, form, received_on::text as received_on,
      correction_asked_on::text as correction_asked_on, correction_text, corrected_on::text as corrected_on, corrected_text, third_party,
      consult_sent_on::text as consult_sent_on, consult_reply_on::text as consult_reply_on, consult_opinion, answer_kind, answer_text,
      disclosed_part, withheld_part, reasons, right_body, fee_yuan::text as fee_yuan, answered_on::text as answered_on
      from disclosure.request where case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('DISCLOSURE_NOT_FOUND', 404, E.NOT_FOUND);
  return r;
}

async function clockDue(tx: AppContext, caseId: string, name: string): Promise<string | null> {
  const r = await sql<{ due: string | null }>`select due_date::text as due from core.deadline_clock where case_id = ${caseId} and name = ${name}`.execute(
    tx.db,
  );
  return r.rows[0]?.due ?? null;
}

/** 补正: one notice (一次性告知), within 7 working days of receipt (第三十条). */
export async function storeCorrectionAsk(tx: AppContext, c: CaseRow, input: z.output<typeof AskCorrectionInput>) {
  const r = await requestOf(tx, c.id);
  if (r.correction_asked_on) throw conflict('DISCLOSURE_CORRECTION_ONCE', E.CORRECTION_ONCE);
  const due = await clockDue(tx, c.id, 'correction_notice');
  if (due && today(tx) > due) throw conflict('DISCLOSURE_CORRECTION_LATE', E.CORRECTION_LATE);
  await sql`update disclosure.request set correction_asked_on = ${today(tx)}::date, correction_text = ${input.text},
    correction_days = ${input.periodDays ?? 15} where case_id = ${c.id}`.execute(tx.db);
}

/** The corrected request: the answer period counts afresh from its receipt (第三十条). */
export async function storeCorrection(tx: AppContext, c: CaseRow, input: z.output<typeof CorrectInput>) {
  await sql`update disclosure.request set corrected_on = ${today(tx)}::date, corrected_text = ${input.text} where case_id = ${c.id}`.execute(tx.db);
}

export async function storeConsultation(tx: AppContext, c: CaseRow, input: z.output<typeof ConsultInput>) {
  const r = await requestOf(tx, c.id);
  if (r.consult_sent_on) throw conflict('DISCLOSURE_CONSULTED_ONCE', '本申请已征求过第三方意见（A third party was already consulted）');
  await sql`update disclosure.request set third_party = ${input.thirdParty}, consult_matter = ${input.matter}, consult_sent_on = ${today(tx)}::date
    where case_id = ${c.id}`.execute(tx.db);
}

export async function storeConsultReply(tx: AppContext, c: CaseRow, input: z.output<typeof ConsultReplyInput>) {
  await sql`update disclosure.request set consult_reply_on = ${today(tx)}::date, consult_opinion = ${input.opinion + (input.note ? `：${input.note}` : '')}
    where case_id = ${c.id}`.execute(tx.db);
}

/**
 * The answer (第三十六条、第三十七条): its kind decides what it must say; only a 信息处理费 may be
 * charged, within the configured cap (第四十二条). While awaiting 补正 only 逾期不补正 closes it.
 */
export async function storeAnswer(tx: AppContext, c: CaseRow, input: AnswerInput, maxFee: number) {
  const key = answerKeyOf(input.kind);
  const kind = ANSWER_KINDS[key];
  if (c.state === 'correcting' && key !== 'no_correction') throw conflict('DISCLOSURE_NO_CORRECTION_ONLY', E.NO_CORRECTION_ONLY);
  if (c.state !== 'correcting' && key === 'no_correction') throw conflict('DISCLOSURE_NOT_CORRECTING', E.NOT_CORRECTING);
  if (kind.needsReasons && !input.reasons) throw badRequest('VALIDATION_FAILED', E.REASONS_REQUIRED, { field: 'reasons' });
  if (key === 'partial' && (!input.disclosedPart || !input.withheldPart))
    throw badRequest('VALIDATION_FAILED', E.PARTS_REQUIRED, { field: input.disclosedPart ? 'withheldPart' : 'disclosedPart' });
  const fee = input.feeYuan ?? 0;
  if (fee > maxFee) throw badRequest('VALIDATION_FAILED', E.FEE_TOO_HIGH, { field: 'feeYuan' });
  if (fee > 0 && kind.group > 1) throw badRequest('VALIDATION_FAILED', E.FEE_ONLY_PROCESSING, { field: 'feeYuan' });
  await sql`update disclosure.request set answer_kind = ${key}, answer_text = ${input.text}, disclosed_part = ${input.disclosedPart ?? null},
    withheld_part = ${input.withheldPart ?? null}, reasons = ${input.reasons ?? null}, right_body = ${input.rightBody ?? null},
    fee_yuan = ${fee}, answered_on = ${today(tx)}::date where case_id = ${c.id}`.execute(tx.db);
}
