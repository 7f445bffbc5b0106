import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { HEADS_SIGNOFF, NORMDOC_ERRORS } from '../contract.ts';
import { mustHaveMeeting, mustHavePassedReview, today } from './gates.ts';

export type HeadSignature = { party: string; decision: string | null; comment: string | null; at: string | null };

/** The heads' 会签 of the latest round (kernel core.case_signoff, step `heads`), party by party. */
export async function headsSignoff(db: AppContext['db'], caseId: string): Promise<{ mode: string | null; rows: HeadSignature[] }> {
  const rows = (
    await sql<HeadSignature & { mode: string }>`
    select s.mode, coalesce(u.display_name, o.name, '') as party, s.decision, s.comment, s.decided_at::text as at
    from core.case_signoff s left join core.app_user u on u.id = s.party_user_id left join core.org_unit o on o.id = s.party_org_id
    where s.case_id = ${caseId} and s.step = ${HEADS_SIGNOFF}
      and s.round = (select max(round) from core.case_signoff where case_id = ${caseId} and step = ${HEADS_SIGNOFF})
    order by s.id`.execute(db)
  ).rows;
  return { mode: rows[0]?.mode ?? null, rows: rows.map(({ mode: _m, ...r }) => r) };
}

/** 集体审议 done: a passed 合法性审核, the meeting record, and every head of the latest 会签 round (mode 全体) agreed. */
export async function mustHaveDeliberation(tx: AppContext, caseId: string) {
  await mustHavePassedReview(tx, caseId);
  await mustHaveMeeting(tx, caseId);
  const s = await headsSignoff(tx.db, caseId);
  if (s.mode !== 'all' || !s.rows.length || s.rows.some((r) => r.decision !== 'approve'))
    throw new AppError('NORMDOC_NO_SIGNOFF', 409, NORMDOC_ERRORS.NO_SIGNOFF);
}

/** 集体审议通过: run by the kernel when the heads' 会签 is settled in favour (or asked directly, then refused without it). */
export const concludeDeliberation = (tx: AppContext, c: CaseRow) => mustHaveDeliberation(tx, c.id);

/** 政策法规处签字: its own step after 集体审议, before the leader's 签发. */
export async function legalSign(tx: AppContext, actor: Actor, c: CaseRow) {
  await mustHaveDeliberation(tx, c.id);
  await sql`update normdocs.document set legal_signed_by_name = ${actor.displayName}, legal_signed_on = ${today(tx)}::date where case_id = ${c.id}`.execute(
    tx.db,
  );
}
