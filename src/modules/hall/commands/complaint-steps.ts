import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';

type Step = Partial<Record<'verified_note' | 'rectify_way' | 'rectify_plan' | 'rectified_note' | 'feedback' | 'feedback_on', string>>;

/** Writes one 差评 handling step's facts (a fixed set of columns); `rectified` also dates the 整改. */
export async function storeComplaintStep(tx: AppContext, c: CaseRow, step: Step, rectified = false) {
  const today = chinaDate(tx.clock.now());
  const s = { ...step, ...(step.feedback_on ? { feedback_on: today } : {}) };
  await sql`update hall.complaint set
      verified_note = coalesce(${s.verified_note ?? null}, verified_note),
      rectify_way = coalesce(${s.rectify_way ?? null}, rectify_way),
      rectify_plan = coalesce(${s.rectify_plan ?? null}, rectify_plan),
      rectified_note = coalesce(${s.rectified_note ?? null}, rectified_note),
      rectified_on = case when ${rectified} then ${today}::date else rectified_on end,
      feedback = coalesce(${s.feedback ?? null}, feedback),
      feedback_on = coalesce(${s.feedback_on ?? null}::date, feedback_on)
    where case_id = ${c.id}`.execute(tx.db);
}

export async function storeAppeal(tx: AppContext, c: CaseRow, reason: string) {
  await sql`update hall.complaint set appeal_reason = ${reason}, appeal_upheld = null, appeal_note = null where case_id = ${c.id}`.execute(tx.db);
}

/** 申诉成立: the rating no longer counts (statistics leave it out); 不成立: handling goes on. */
export async function storeAppealDecision(tx: AppContext, c: CaseRow, upheld: boolean, note: string) {
  await sql`update hall.complaint set appeal_upheld = ${upheld}, appeal_note = ${note} where case_id = ${c.id}`.execute(tx.db);
  if (upheld) await sql`update hall.rating set invalidated = true where complaint_case_id = ${c.id}`.execute(tx.db);
}
