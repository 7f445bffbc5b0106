import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { yuanText } from '../../../platform/money.ts';
import { transition, type CaseRow } from '../../../kernel/workflow/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { addMonthsClampedIso, firstOfNextMonthIso } from '../../../kernel/calendar/index.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { stopSpecialClock } from '../commands/special-period.ts';
import { assessHousehold } from '../commands/eligibility.ts';
import { householdSnapshot, writeHouseholdChange } from '../commands/store-household.ts';
import { readDibaoSettings } from '../settings.ts';
import { LEGAL } from '../contract.ts';
import { DIBAO_DOCUMENTS } from '../documents/index.ts';
import { loadApplication, type LoadedApplication } from '../load-application.ts';
import { mustBeApprovingLevel } from './approving-level.ts';
import { requireCountyVisit } from './near-relative.ts';

const confirmInput = z.object({ note: z.string().trim().max(2000).optional().meta({ title: '确认意见' }) });

export const confirm = transition({
  label: '确认同意',
  primary: true,
  nextLabel: '确认',
  from: ['awaiting_confirm'],
  to: 'confirmed',
  who: { permission: 'dibao.confirm' },
  input: confirmInput,
  clocks: { stop: ['total'] },
  effect: async ({ tx, case: c, input, actor }) => confirmApplication(tx, actor, c, input.note ?? null),
});

/**
 * 确认同意: compute the amount on the decision day (findStandard + settings), activate the household,
 * benefit from the month after, re-check cadence, 新增 benefit change, 确认通知书.
 */
async function confirmApplication(tx: AppContext, actor: Actor, c: CaseRow, note: string | null) {
  const a = await loadApplication(tx, c.id);
  mustBeApprovingLevel(c, a, '确认');
  mustHaveCompletedPublicity(a);
  await requireCountyVisit(tx, c.id);
  const s = await readDibaoSettings(tx.db);
  const day = chinaDate(tx.clock.now());
  const assessment = await assessHousehold(tx, a.household_id, day);
  if (!assessment.standard || !assessment.benefit) throw new AppError('DIBAO_NO_STANDARD', 409, assessment.checks[0]?.detail ?? '当地未设置低保标准');
  // Only binding tests refuse; a limit whose legal text is unverified is a warning kept with the decision.
  const failed = assessment.checks.filter((k) => !k.ok && !k.advisory);
  if (failed.length) {
    throw new AppError(
      'DIBAO_NOT_ELIGIBLE',
      409,
      `不符合确认条件：${failed.map((f) => `${f.rule}(${f.detail})`).join(';')}。请核实家庭情况，或作出「不予确认」并说明理由`,
      { failed },
    );
  }
  const amount = assessment.benefit.amountCents;
  const from = firstOfNextMonthIso(day);
  const ableUnstable =
    a.income_unstable &&
    (
      await sql<{ n: number }>`select count(*)::int as n from dibao.member where household_id = ${a.household_id} and active
      and work_ability = '有' and birth_date is not null and birth_date > (${day}::date - interval '60 years') and birth_date <= (${day}::date - interval '16 years')`.execute(
        tx.db,
      )
    ).rows[0]!.n > 0;
  const cadence = ableUnstable ? 'half_yearly' : 'yearly';
  const next = addMonthsClampedIso(day, ableUnstable ? s.recheckMonthsUnstable : s.recheckMonthsStable);
  const before = await householdSnapshot(tx, a.household_id);
  await sql`update dibao.household set status = 'active', benefit_cents = ${amount}, insured_persons = ${assessment.insuredPersons}, benefit_from = ${from}::date,
    recheck_cadence = ${cadence}, next_recheck_on = ${next}::date, version = version + 1, updated_at = ${tx.clock.now()} where id = ${a.household_id}`.execute(
    tx.db,
  );
  await sql`insert into dibao.benefit_change (id, household_id, kind, before_cents, after_cents, insured_before, insured_after, effective_month, reason, case_id, actor_id, at)
    values (${uuidv7()}, ${a.household_id}, '新增', 0, ${amount}, 0, ${assessment.insuredPersons}, ${from}::date, ${`确认同意（${c.ref_no}）`}, ${c.id}, ${actor.userId}, ${tx.clock.now()})`.execute(
    tx.db,
  );
  await writeHouseholdChange(tx, {
    householdId: a.household_id,
    actorId: actor.userId,
    kind: '确认同意',
    caseId: c.id,
    summary: `确认同意，月保障金 ${yuanText(amount)} 元，保障 ${assessment.insuredPersons} 人，自 ${from} 起发放，${cadence === 'yearly' ? '每年' : '每半年'}复核`,
    before,
    after: await householdSnapshot(tx, a.household_id),
  });
  const org = (await sql<{ name: string }>`select name from core.org_unit where id = ${c.org_unit_id}`.execute(tx.db)).rows[0]?.name ?? '';
  const notice =
    `最低生活保障确认通知书：您的最低生活保障申请（编号 ${c.ref_no}）经${org}于 ${day} 确认同意。` +
    `核定月保障金 ${yuanText(amount)} 元，保障人口 ${assessment.insuredPersons} 人，自 ${from} 起按月发放。计算：${assessment.benefit.steps.join(';')}。` +
    `请如实报告家庭人口、收入和财产变化；将按${cadence === 'yearly' ? '年' : '半年'}复核（下次 ${next} 前后）。`;
  await sql`update dibao.application set decided_on = ${day}::date, decision = '确认', eligibility = ${JSON.stringify(assessment)}::jsonb,
    benefit = ${JSON.stringify({ amountCents: amount, insuredPersons: assessment.insuredPersons, benefitFrom: from, steps: assessment.benefit.steps, standard: assessment.standard, note })}::jsonb,
    notice = ${notice} where case_id = ${c.id}`.execute(tx.db);
  await stopSpecialClock(tx, c);
  await issueDocument(tx, { type: DIBAO_DOCUMENTS.confirmation, caseId: c.id, actor });
}

/**
 * No enrolment without 公示: 暂行办法 第十一条第二项 (初审意见 “在申请人所在村、社区公示后” 报审批).
 * The current round must have ended (公示期满, end_publicity); a case sent up without 公示
 * (拟不同意) may only be refused.
 */
function mustHaveCompletedPublicity(a: LoadedApplication) {
  if (a.publicity_round > 0 && a.publicity_ended_round === a.publicity_round) return;
  throw new AppError(
    'DIBAO_PUBLICITY_NOT_DONE',
    409,
    `未经公示不得确认同意（${LEGAL.interim}第十一条：初审意见在申请人所在村、社区公示后报审批）。本案${a.publicity_round > 0 ? `第 ${a.publicity_round} 次公示尚未期满结束` : '未经公示'}，只能作出「不予确认」；如认为应予保障，须重新审核并公示`,
  );
}
