import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { startCaseClock, stopCaseClock, nextNumber, type CaseRow } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS, type PenaltyKind } from '../contracts/labels.ts';
import type { DecideInput, PaymentInput, PublishInput, ServeInput, WithdrawInput } from '../contracts/inputs.ts';
import { GUIDELINE_118, shortPeriodBasis } from '../law.ts';
import { lateCharge } from './late-charge.ts';
import { emitPenaltyDecided } from '../events.ts';
import { maskPersonName } from '../../../platform/crypto/pii.ts';
import { addPeriod, dateBetween, lawOf, penaltyOf, setPenalty, type PenaltyRow } from './penalty-row.ts';

const MAJOR: readonly PenaltyKind[] = ['限期停止活动', '撤销登记', '吊销许可证件'];

/** 情节复杂或者重大: complex, or a major penalty (限期停止活动, 撤销登记, 吊销), or a fine that carries a hearing. */
export const collectiveRequired = (p: PenaltyRow) => p.complex || (p.intended_kinds ?? []).some((k) => MAJOR.includes(k as PenaltyKind)) || p.hearing_right;

const clockRow = async (tx: AppContext, caseId: string, name: string) =>
  (await sql<{ due: string }>`select due_date::text as due from core.deadline_clock where case_id = ${caseId} and name = ${name}`.execute(tx.db)).rows[0]
    ?.due ?? null;

/**
 * 决定 (第五十七条): 处罚 / 不予处罚 / 移送司法机关, only after a passed 法制审核 where one is
 * required (第五十八条) and the heads' 集体讨论 where the case is complex or major; a fine never
 * twice for one act (一事不再罚). The 决定书 takes the next gapless number of the unit's series.
 */
export async function decidePenalty(tx: AppContext, c: CaseRow, input: z.output<typeof DecideInput>) {
  const p = await penaltyOf(tx, c.id, true);
  dateBetween(tx, input.decidedOn, p.notified_on, 'decidedOn', '决定日期');
  if (p.review_required && p.review_passed !== true) throw conflict('ENFORCEMENT_REVIEW_REQUIRED', ENFORCEMENT_ERRORS.REVIEW_REQUIRED);
  if (collectiveRequired(p) && !p.collective_on && input.kind === '处罚')
    throw conflict('ENFORCEMENT_COLLECTIVE_REQUIRED', ENFORCEMENT_ERRORS.COLLECTIVE_REQUIRED);
  if (input.kind === '不予处罚' && !input.noPenaltyGround)
    throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.NO_PENALTY_GROUND, { field: 'noPenaltyGround' });
  const fine = input.kind === '处罚' && input.penaltyKinds.includes('罚款') ? (input.fine ?? 0) : 0;
  if (input.kind === '处罚' && !input.penaltyKinds.length) throw badRequest('VALIDATION_FAILED', '「处罚种类」至少一项', { field: 'penaltyKinds' });
  if (input.penaltyKinds.includes('罚款') && !fine) throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.FINE_REQUIRED, { field: 'fine' });
  const suspends = input.kind === '处罚' && input.penaltyKinds.includes('限期停止活动');
  if (suspends && (!input.suspendedUntil || input.suspendedUntil < input.decidedOn))
    throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.SUSPENSION_UNTIL, { field: 'suspendedUntil' });
  if (fine > 0) {
    const earlier = (
      await sql<{ decision_no: string }>`select decision_no from enforcement.penalty where case_id <> ${c.id} and party_name = ${p.party_name}
        and power_code = ${p.power_code} and act_date = ${p.act_date}::date and fine > 0 and decision_kind = '处罚'`.execute(tx.db)
    ).rows[0];
    if (earlier) throw conflict('ENFORCEMENT_DOUBLE_PENALTY', ENFORCEMENT_ERRORS.DOUBLE_PENALTY(earlier.decision_no));
  }
  const year = Number(input.decidedOn.slice(0, 4));
  const n = await nextNumber(tx, 'enforcement.decision', year, c.org_unit_id);
  const no = `${c.area_code}民罚决〔${year}〕${n}号`;
  await setPenalty(tx, c.id, {
    decision_kind: input.kind,
    decision_no: no,
    decision_kinds: input.penaltyKinds,
    no_penalty_ground: input.noPenaltyGround ?? null,
    fine: fine || null,
    suspended_until: suspends ? input.suspendedUntil! : null,
    decided_on: input.decidedOn,
    decision_text: input.text,
  });
  if (input.kind === '处罚') {
    const power = (await sql<{ name: string }>`select name from enforcement.power_item where code = ${p.power_code}`.execute(tx.db)).rows[0];
    await emitPenaltyDecided(tx, {
      caseId: c.id,
      orgUnitId: c.org_unit_id,
      decisionNo: no,
      decidedOn: input.decidedOn,
      party: p.party_kind === 'person' ? maskPersonName(p.party_name) : p.party_name,
      partyUscc: p.party_kind === 'org' ? p.party_code : null,
      powerName: power?.name ?? p.power_code,
      basis: p.basis ?? power?.name ?? p.power_code,
      facts: p.facts ?? p.act_description,
      penaltyKinds: input.penaltyKinds,
      fine: fine || null,
      suspendedUntil: suspends ? input.suspendedUntil! : null,
    });
  }
  const law = lawOf(p);
  await startCaseClock(
    tx,
    c,
    { name: 'service', label: '决定书送达期限（7 日）', rule: law.shortDays(7), legalBasis: shortPeriodBasis(law, law.art.service) },
    input.decidedOn,
  );
  if (input.kind === '处罚')
    await startCaseClock(
      tx,
      c,
      {
        name: 'publish',
        label: '处罚决定公开期限（7 个工作日）',
        rule: { unit: 'workdays', n: 7 },
        legalBasis: law.art.publish ? `${law.art.publish}、${GUIDELINE_118}` : GUIDELINE_118,
      },
      input.decidedOn,
    );
}

/** 送达; a fine is then due within 15 日 of receipt (第六十七条), at the bank (罚缴分离). */
export async function serveDecision(tx: AppContext, c: CaseRow, input: z.output<typeof ServeInput>) {
  const p = await penaltyOf(tx, c.id, true);
  dateBetween(tx, input.servedOn, p.decided_on, 'servedOn', '送达日期');
  await setPenalty(tx, c.id, { served_on: input.servedOn, service_method: input.method });
  await stopCaseClock(tx, c, 'service');
  const law = lawOf(p);
  if (p.fine)
    await startCaseClock(
      tx,
      c,
      { name: 'payment', label: '罚款缴纳期限（15 日）', rule: { unit: 'days', n: 15 }, legalBasis: law.art.payment },
      input.servedOn,
    );
}

/** 事后公开: within 7 个工作日 of the decision (the clock shows whether it was met). */
export async function publishDecision(tx: AppContext, c: CaseRow, input: z.output<typeof PublishInput>) {
  const p = await penaltyOf(tx, c.id, true);
  if (p.decision_kind !== '处罚') throw conflict('ENFORCEMENT_NOTHING_TO_PUBLISH', '只有行政处罚决定需要公开');
  if (p.published_on) throw conflict('ENFORCEMENT_PUBLISHED', '该决定已公开');
  dateBetween(tx, input.publishedOn, p.decided_on, 'publishedOn', '公开日期');
  const due = await clockRow(tx, c.id, 'publish');
  await setPenalty(tx, c.id, { published_on: input.publishedOn });
  await stopCaseClock(tx, c, 'publish');
  return { publishedOn: input.publishedOn, dueOn: due, onTime: !due || input.publishedOn <= due };
}

/** 撤下: a published decision revoked or annulled comes down within 3 日 (working days, 第四十八条、第八十五条). */
export async function withdrawPublication(tx: AppContext, c: CaseRow, input: z.output<typeof WithdrawInput>) {
  const p = await penaltyOf(tx, c.id, true);
  if (!p.published_on) throw conflict('ENFORCEMENT_NOT_PUBLISHED', ENFORCEMENT_ERRORS.NOT_PUBLISHED);
  dateBetween(tx, input.revokedOn, p.decided_on, 'revokedOn', '决定被撤销日期');
  dateBetween(tx, input.withdrawnOn, input.revokedOn, 'withdrawnOn', '撤下日期');
  const due = await addPeriod(tx, c, input.revokedOn, { unit: 'workdays', n: 3 });
  await setPenalty(tx, c.id, { withdrawn_on: input.withdrawnOn, withdraw_reason: input.reason });
  return { withdrawnOn: input.withdrawnOn, dueOn: due, onTime: input.withdrawnOn <= due };
}

/** 缴纳: at the bank; after the due date 3%/day is added, capped at the fine (第七十二条). */
export async function recordPayment(tx: AppContext, c: CaseRow, input: z.output<typeof PaymentInput>) {
  const p = await penaltyOf(tx, c.id, true);
  if (!p.fine) throw conflict('ENFORCEMENT_NOT_FINED', ENFORCEMENT_ERRORS.NOT_FINED);
  if (p.paid_on) throw conflict('ENFORCEMENT_ALREADY_PAID', ENFORCEMENT_ERRORS.ALREADY_PAID);
  dateBetween(tx, input.paidOn, p.served_on, 'paidOn', '缴款日期');
  const due = (await clockRow(tx, c.id, 'payment'))!;
  const late = lateCharge(Number(p.fine), due, input.paidOn);
  const owed = Number(p.fine) + late.charge;
  if (Math.round(input.amount * 100) !== Math.round(owed * 100))
    throw new AppError(
      'ENFORCEMENT_AMOUNT',
      422,
      `应缴金额为 ${owed.toFixed(2)} 元（罚款 ${Number(p.fine).toFixed(2)} 元，加处罚款 ${late.charge.toFixed(2)} 元，逾期 ${late.daysLate} 日）`,
      {
        field: 'amount',
      },
    );
  await setPenalty(tx, c.id, { paid_on: input.paidOn, paid_amount: owed, late_charge: late.charge });
  await stopCaseClock(tx, c, 'payment');
}
