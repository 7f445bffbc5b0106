import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** What the application flow's steps read of dibao.application. */
export type LoadedApplication = {
  case_id: string;
  household_id: string;
  authority: 'county' | 'township';
  county_code: string;
  township_org_id: string;
  accepted_on: string | null;
  special: boolean;
  publicity_round: number;
  publicity_from: string | null;
  publicity_to: string | null;
  publicity_ended_round: number | null;
  township_opinion: { opinion: string } | null;
  income_unstable: boolean;
  objections: unknown[];
  investigation: { rounds?: unknown[] } | null;
  relative_of_staff: boolean;
};

export async function loadApplication(tx: AppContext, caseId: string): Promise<LoadedApplication> {
  const r = (
    await sql<LoadedApplication>`select case_id, household_id, authority, county_code, township_org_id, accepted_on::text as accepted_on, special, publicity_round,
      publicity_from::text as publicity_from, publicity_to::text as publicity_to, publicity_ended_round, township_opinion, income_unstable, objections, investigation, relative_of_staff
    from dibao.application where case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('DIBAO_APPLICATION_NOT_FOUND', 404, '低保申请不存在');
  return { ...r, township_opinion: typeof r.township_opinion === 'string' ? JSON.parse(r.township_opinion) : r.township_opinion };
}
