import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
type Benefit = { amountCents: number; insuredPersons: number; benefitFrom: string; steps: string[] };
export type ApplicationFacts = {
  applicant: string;
  refNo: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  decision: string | null;
  refusalReasons: string | null;
  benefit: Benefit | null;
  cadence: 'yearly' | 'half_yearly' | null;
  /** The deciding level (the regime on the 受理 day) and the county, for the remedy paragraph. */
  authority: 'county' | 'township';
  countyCode: string;
  /** 不予受理: the day, the reason code and its text. */
  notAccepted: { on: string; code: string; reason: string } | null;
};

/** What the 低保 notices say: the applicant (主送), the decision and its figures. */
export async function applicationFacts(tx: AppContext, c: CaseRow): Promise<ApplicationFacts> {
  const a = (
    await sql<{
      household_id: string;
      accepted_on: string | null;
      decided_on: string | null;
      decision: string | null;
      refusal_reasons: string | null;
      benefit: unknown;
      recheck_cadence: 'yearly' | 'half_yearly' | null;
      authority: 'county' | 'township';
      county_code: string;
      not_accepted_on: string | null;
      not_accepted_code: string | null;
      not_accepted_reason: string | null;
    }>`
    select a.household_id, a.accepted_on::text as accepted_on, a.decided_on::text as decided_on, a.decision, a.refusal_reasons, a.benefit, h.recheck_cadence,
      a.authority, a.county_code, a.not_accepted_on::text as not_accepted_on, a.not_accepted_code, a.not_accepted_reason
    from dibao.application a join dibao.household h on h.id = a.household_id where a.case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  if (!a) throw new AppError('DIBAO_APPLICATION_NOT_FOUND', 404, '低保申请不存在');
  const m = (
    await sql<{ name: string }>`select name from dibao.member where household_id = ${a.household_id}
    order by (relation = '申请人') desc, created_at, id limit 1`.execute(tx.db)
  ).rows[0];
  const benefit = (typeof a.benefit === 'string' ? JSON.parse(a.benefit) : a.benefit) as Benefit | null;
  return {
    applicant: m?.name ?? '申请人',
    refNo: c.ref_no,
    acceptedOn: a.accepted_on,
    decidedOn: a.decided_on,
    decision: a.decision,
    refusalReasons: a.refusal_reasons,
    benefit,
    cadence: a.recheck_cadence,
    authority: a.authority,
    countyCode: a.county_code,
    notAccepted: a.not_accepted_on ? { on: a.not_accepted_on, code: a.not_accepted_code ?? '', reason: a.not_accepted_reason ?? '' } : null,
  };
}
