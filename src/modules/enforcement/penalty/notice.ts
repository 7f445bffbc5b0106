import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import type { CaseRow, PeriodSpec } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS, HEARING_KINDS, type PenaltyKind } from '../contracts/labels.ts';
import type { HearingHeldInput, HearingRequestInput, HearingScheduleInput, NoticeInput, ProceedInput, StatementInput } from '../contracts/inputs.ts';
import { shortPeriodBasis } from '../law.ts';
import { certifiedOfficers } from '../officers/certified.ts';
import { investigatorActing } from './investigate.ts';
import { addPeriod, dateBetween, lawOf, penaltyOf, setPenalty, today, type PenaltyRow } from './penalty-row.ts';

const MAJOR: readonly PenaltyKind[] = ['限期停止活动', '撤销登记', '吊销许可证件'];

/** The party's period after the notice: the hearing request (5 日 / 2017: 3 日), else 陈述申辩 (a platform rule of 3 个工作日). */
export function partyPeriod(p: PenaltyRow): { rule: PeriodSpec; label: string; basis: string } {
  const law = lawOf(p);
  if (p.hearing_right)
    return { rule: law.hearingRequest, label: `陈述申辩、听证申请期限（${law.hearingRequest.n} 日）`, basis: shortPeriodBasis(law, law.art.hearing) };
  return { rule: { unit: 'workdays', n: 3 }, label: '陈述申辩期限（3 个工作日）', basis: `${law.art.notice}；期限为本平台工作规则` };
}

/**
 * 告知: the intended penalty, facts, reasons and basis, from a 裁量基准 tier the officer picks. A
 * penalty outside the tier needs a reason and sends the case to 法制审核; so do the catalogue's
 * items, its fine threshold, 限期停止活动 / 撤销登记 and complex cases (第五十八条).
 */
export async function notifyParty(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof NoticeInput>) {
  const { p } = await investigatorActing(tx, actor, c);
  dateBetween(tx, input.notifiedOn, p.filed_on, 'notifiedOn', '告知日期');
  const n = (await sql<{ n: number }>`select count(*)::int as n from enforcement.evidence where case_id = ${c.id}`.execute(tx.db)).rows[0]!.n;
  if (!Number(n)) throw conflict('ENFORCEMENT_NO_EVIDENCE', ENFORCEMENT_ERRORS.NO_EVIDENCE);
  const open = (await sql`select 1 from enforcement.preservation where case_id = ${c.id} and decided_on is null`.execute(tx.db)).rows.length;
  if (open) throw conflict('ENFORCEMENT_PRESERVATION_OPEN', ENFORCEMENT_ERRORS.PRESERVATION_OPEN);
  const tier = (
    await sql<{ kinds: string[]; fine_min: string | null; fine_max: string | null; review_listed: boolean; hearing_fine: string | null }>`
      select t.kinds, t.fine_min::text as fine_min, t.fine_max::text as fine_max, i.review_listed, i.hearing_fine::text as hearing_fine
      from enforcement.discretion_tier t join enforcement.power_item i on i.code = t.power_code where t.power_code = ${p.power_code} and t.tier = ${input.tier}`.execute(
      tx.db,
    )
  ).rows[0];
  if (!tier) throw new AppError('ENFORCEMENT_TIER_UNKNOWN', 422, ENFORCEMENT_ERRORS.TIER_UNKNOWN, { field: 'tier' });
  const fine = input.intendedFine ?? 0;
  if (input.intendedKinds.includes('罚款') && !fine) throw new AppError('VALIDATION_FAILED', 400, ENFORCEMENT_ERRORS.FINE_REQUIRED, { field: 'intendedFine' });
  const outside =
    input.intendedKinds.some((k) => !tier.kinds.includes(k)) ||
    (fine > 0 && ((tier.fine_min !== null && fine < Number(tier.fine_min)) || (tier.fine_max !== null && fine > Number(tier.fine_max))));
  if (outside && !input.outsideTierReason)
    throw new AppError('ENFORCEMENT_OUTSIDE_TIER', 422, ENFORCEMENT_ERRORS.OUTSIDE_TIER_REASON, { field: 'outsideTierReason' });
  const threshold = tier.hearing_fine === null ? null : Number(tier.hearing_fine);
  const bigFine = threshold !== null && fine >= threshold;
  const hearingRight = input.intendedKinds.some((k) => HEARING_KINDS.includes(k)) || bigFine;
  const reasons = [
    tier.review_listed && '列入法制审核目录清单',
    input.intendedKinds.some((k) => MAJOR.includes(k)) && '限期停止活动、撤销登记等重大处罚',
    bigFine && `罚款达到 ${threshold} 元`,
    outside && '超出裁量基准档次',
    input.complex && '案件情况疑难复杂、涉及多个法律关系',
  ].filter((r): r is string => !!r);
  await setPenalty(tx, c.id, {
    tier: input.tier,
    intended_kinds: input.intendedKinds,
    intended_fine: input.intendedFine ?? null,
    outside_tier_reason: outside ? input.outsideTierReason : null,
    facts: input.facts,
    reasons: input.reasons,
    basis: input.basis,
    notified_on: input.notifiedOn,
    complex: input.complex,
    hearing_right: hearingRight,
    review_required: reasons.length > 0,
    review_reasons: reasons,
  });
}

export async function recordStatement(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof StatementInput>) {
  const p = await penaltyOf(tx, c.id);
  dateBetween(tx, input.receivedOn, p.notified_on, 'receivedOn', '陈述申辩日期');
  const id = uuidv7();
  await sql`insert into enforcement.statement (id, case_id, received_on, content, adopted, recorded_by_name, created_at)
    values (${id}, ${c.id}, ${input.receivedOn}::date, ${input.content}, ${input.adopted}, ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
  return { id };
}

async function partyDue(tx: AppContext, c: CaseRow): Promise<string> {
  const r = (await sql<{ due: string }>`select due_date::text as due from core.deadline_clock where case_id = ${c.id} and name = 'party_period'`.execute(tx.db))
    .rows[0];
  return r!.due;
}

/** 要求听证: only where the intended penalty carries the right, within the period (第六十四条第(一)项). */
export async function requestHearing(tx: AppContext, c: CaseRow, input: z.output<typeof HearingRequestInput>) {
  const p = await penaltyOf(tx, c.id, true);
  if (!p.hearing_right) throw conflict('ENFORCEMENT_NO_HEARING_RIGHT', ENFORCEMENT_ERRORS.NO_HEARING_RIGHT);
  dateBetween(tx, input.requestedOn, p.notified_on, 'requestedOn', '听证申请日期');
  const due = await partyDue(tx, c);
  if (input.requestedOn > due) throw conflict('ENFORCEMENT_HEARING_LATE', ENFORCEMENT_ERRORS.HEARING_LATE(due));
  await setPenalty(tx, c.id, { hearing_requested_on: input.requestedOn });
}

/** 听证通知: at least 7 日 (working days under 第八十五条) before the hearing; the host did not investigate. */
export async function scheduleHearing(tx: AppContext, c: CaseRow, input: z.output<typeof HearingScheduleInput>) {
  const p = await penaltyOf(tx, c.id, true);
  dateBetween(tx, input.noticeOn, p.hearing_requested_on, 'noticeOn', '听证通知日期');
  const earliest = await addPeriod(tx, c, input.noticeOn, lawOf(p).shortDays(7));
  if (input.hearingOn < earliest)
    throw new AppError('ENFORCEMENT_HEARING_NOTICE', 422, ENFORCEMENT_ERRORS.HEARING_NOTICE_SHORT(earliest), { field: 'hearingOn' });
  if (p.investigators.includes(input.hostOfficerId))
    throw new AppError('ENFORCEMENT_HEARING_HOST', 422, ENFORCEMENT_ERRORS.HEARING_HOST, { field: 'hostOfficerId' });
  await certifiedOfficers(tx, [input.hostOfficerId], c.org_unit_id, input.noticeOn);
  await setPenalty(tx, c.id, { hearing_notice_on: input.noticeOn, hearing_on: input.hearingOn, hearing_place: input.place, hearing_host: input.hostOfficerId });
  return { earliest, hearingOn: input.hearingOn };
}

/** 举行听证: on or after the notified day, with the written record; the case then goes to 法制审核. */
export async function holdHearing(tx: AppContext, c: CaseRow, input: z.output<typeof HearingHeldInput>) {
  const p = await penaltyOf(tx, c.id, true);
  if (!p.hearing_on) throw conflict('ENFORCEMENT_HEARING_NOT_SCHEDULED', ENFORCEMENT_ERRORS.HEARING_NOT_SCHEDULED);
  if (today(tx) < p.hearing_on) throw conflict('ENFORCEMENT_HEARING_EARLY', ENFORCEMENT_ERRORS.HEARING_EARLY);
  const reasons = [...new Set([...p.review_reasons, '经过听证程序'])];
  await setPenalty(tx, c.id, { hearing_record: input.record, party_waived: !input.partyAttended, review_required: true, review_reasons: reasons });
}

/** Leaving the notice stage: once the party's period has run out or the party waived it. */
export async function leaveNotice(tx: AppContext, c: CaseRow, input: z.output<typeof ProceedInput>, toReview: boolean) {
  const p = await penaltyOf(tx, c.id, true);
  const due = await partyDue(tx, c);
  if (!input.waived && today(tx) <= due) throw conflict('ENFORCEMENT_STATEMENT_OPEN', ENFORCEMENT_ERRORS.STATEMENT_OPEN(due));
  if (!toReview && p.review_required) throw conflict('ENFORCEMENT_REVIEW_REQUIRED', ENFORCEMENT_ERRORS.REVIEW_REQUIRED);
  if (input.waived) await setPenalty(tx, c.id, { party_waived: true });
}
