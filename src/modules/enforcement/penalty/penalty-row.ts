import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { currentCalendar } from '../../../kernel/calendar/index.ts';
import type { CaseRow, PeriodSpec } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS } from '../contracts/labels.ts';
import { penaltyLawOn, type PenaltyLaw } from '../law.ts';

/** The penalty case's facts (enforcement.penalty), dates as 'YYYY-MM-DD'. */
export type PenaltyRow = {
  case_id: string;
  party_name: string;
  party_kind: 'org' | 'person';
  party_code: string | null;
  act_date: string;
  act_description: string;
  filed_on: string;
  law_version: '2017' | '2021';
  power_code: string;
  investigators: string[];
  tier: number | null;
  intended_kinds: string[] | null;
  intended_fine: string | null;
  outside_tier_reason: string | null;
  notified_on: string | null;
  complex: boolean;
  hearing_right: boolean;
  hearing_requested_on: string | null;
  hearing_notice_on: string | null;
  hearing_on: string | null;
  hearing_host: string | null;
  hearing_record: string | null;
  party_waived: boolean;
  review_required: boolean;
  review_reasons: string[];
  review_passed: boolean | null;
  collective_on: string | null;
  decision_kind: string | null;
  decision_no: string | null;
  decision_kinds: string[] | null;
  fine: string | null;
  decided_on: string | null;
  decision_text: string | null;
  basis: string | null;
  facts: string | null;
  suspended_until: string | null;
  served_on: string | null;
  paid_on: string | null;
  late_charge: string | null;
  published_on: string | null;
  closed_on: string | null;
};

const DATES = [
  'act_date',
  'filed_on',
  'notified_on',
  'hearing_requested_on',
  'hearing_notice_on',
  'hearing_on',
  'collective_on',
  'decided_on',
  'suspended_until',
  'served_on',
  'paid_on',
  'published_on',
  'closed_on',
];

export async function penaltyOf(tx: AppContext, caseId: string, lock = false): Promise<PenaltyRow> {
  const casts = sql.raw(DATES.map((d) => `${d}::text as ${d}`).join(', '));
  const r = (
    await sql<PenaltyRow>`select *, ${casts}, fine::text as fine, intended_fine::text as intended_fine, late_charge::text as late_charge
      from enforcement.penalty where case_id = ${caseId} ${lock ? sql`for update` : sql``}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('ENFORCEMENT_NOT_FOUND', 404, ENFORCEMENT_ERRORS.NOT_FOUND);
  return r;
}

/** The text of 《行政处罚法》 that governs the case: the one in force on the day it was filed. */
export const lawOf = (p: Pick<PenaltyRow, 'filed_on'>): PenaltyLaw => penaltyLawOn(p.filed_on);

export const today = (tx: AppContext) => chinaDate(tx.clock.now());

/** `from` + a period on the calendar of the case's area (start day excluded; rest days rolled past). */
export async function addPeriod(tx: AppContext, c: Pick<CaseRow, 'area_path'>, from: string, p: PeriodSpec): Promise<string> {
  const cal = await currentCalendar(tx);
  if (p.unit === 'workdays') return cal.addWorkdays(from, p.n, c.area_path);
  if (p.unit === 'days') return cal.addDays(from, p.n, c.area_path);
  return cal.addMonths(from, p.n, c.area_path);
}

/** A date the user gives must not lie before `earliest` nor after today. */
export function dateBetween(tx: AppContext, value: string, earliest: string | null, field: string, label: string): void {
  if ((earliest && value < earliest) || value > today(tx)) throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.DATE_ORDER(label), { field });
}

export async function setPenalty(tx: AppContext, caseId: string, values: Record<string, unknown>): Promise<void> {
  const sets = Object.entries(values).map(([k, v]) => sql`${sql.ref(k)} = ${Array.isArray(v) ? sql`${v}` : v}`);
  await sql`update enforcement.penalty set ${sql.join(sets)} where case_id = ${caseId}`.execute(tx.db);
}
