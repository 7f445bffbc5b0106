import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { householdSnapshot, writeHouseholdChange } from '../commands/store-household.ts';

export type Correction =
  { kind: '复核'; householdId: string; dueOn: string; note: string } | { kind: '重新审核'; householdId: string; decision: string; note: string };

/**
 * 抽查不属实 opens a correction: an approved household is flagged for re-check at once (its next
 * re-check date becomes the visit day, so the daily sweep opens a 复核 case and the benefit is
 * re-assessed); a refused or not-accepted application is marked for re-examination by the township —
 * the members were freed by the refusal, so the household may be registered again.
 */
export async function openCorrection(tx: AppContext, actor: Actor, caseId: string, visitedOn: string, findings: string): Promise<Correction> {
  const a = (
    await sql<{ household_id: string; decision: string | null; not_accepted: boolean; status: string; ref_no: string }>`
    select p.household_id, p.decision, p.not_accepted_on is not null as not_accepted, h.status, c.ref_no
    from dibao.application p join dibao.household h on h.id = p.household_id join core.case c on c.id = p.case_id where p.case_id = ${caseId}`.execute(tx.db)
  ).rows[0]!;
  const before = await householdSnapshot(tx, a.household_id);
  let correction: Correction;
  if (a.decision === '确认' && a.status === 'active') {
    await sql`update dibao.household set next_recheck_on = least(coalesce(next_recheck_on, ${visitedOn}::date), ${visitedOn}::date), version = version + 1,
      updated_at = ${tx.clock.now()} where id = ${a.household_id}`.execute(tx.db);
    correction = { kind: '复核', householdId: a.household_id, dueOn: visitedOn, note: `县级抽查不属实，立即复核（${a.ref_no}）：${findings}` };
  } else {
    const decision = a.not_accepted ? '不予受理' : (a.decision ?? '—');
    correction = {
      kind: '重新审核',
      householdId: a.household_id,
      decision,
      note: `县级抽查认为${decision}决定不属实，由乡镇（街道）重新审核（${a.ref_no}）：${findings}`,
    };
  }
  await writeHouseholdChange(tx, {
    householdId: a.household_id,
    actorId: actor.userId,
    kind: '抽查不属实',
    caseId,
    summary: correction.note,
    before,
    after: await householdSnapshot(tx, a.household_id),
  });
  return correction;
}
