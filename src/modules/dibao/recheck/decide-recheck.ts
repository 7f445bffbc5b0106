import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { grantsFor, type Actor } from '../../../kernel/identity/index.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { addMonthsClampedIso, firstOfNextMonthIso } from '../../../kernel/calendar/index.ts';
import { yuanText } from '../../../platform/money.ts';
import { readDibaoSettings, type DibaoSettings } from '../settings.ts';
import { LEGAL, countyOfPath } from '../contract.ts';
import { assessHousehold } from '../commands/eligibility.ts';
import { householdSnapshot, writeHouseholdChange } from '../commands/store-household.ts';
import { isCountyApprover } from '../commands/special-period.ts';
import { regimeOn } from '../delegation/regime.ts';
import { DIBAO_DOCUMENTS } from '../documents/index.ts';

export type IncomeClass = '稳定' | '不固定';
export type Proposal = { result: '调整' | '停发' | '渐退'; findings: string; reason: string | null; incomeClass: IncomeClass; by: string; on: string };
export type RecheckOutcome = '不变' | '调整' | '停发' | '渐退';

type Household = { id: string; area_path: string; benefit_cents: number; insured_persons: number; status: string };

/** The cadence a re-check sets (暂行办法 第十三条; 民发〔2021〕57号): stable income yearly, unstable half-yearly. */
export function nextRecheck(day: string, cls: IncomeClass, s: DibaoSettings) {
  const cadence = cls === '不固定' ? ('half_yearly' as const) : ('yearly' as const);
  return { cadence, next: addMonthsClampedIso(day, cls === '不固定' ? s.recheckMonthsUnstable : s.recheckMonthsStable) };
}

export async function recheckRow(tx: AppContext, caseId: string) {
  const r = (
    await sql<{ household_id: string; proposal: unknown }>`select household_id, proposal from dibao.recheck where case_id = ${caseId} for update`.execute(tx.db)
  ).rows[0];
  if (!r) throw new AppError('DIBAO_RECHECK_NOT_FOUND', 404, '复核任务不存在');
  const proposal = (typeof r.proposal === 'string' ? JSON.parse(r.proposal) : r.proposal) as Proposal | null;
  return { householdId: r.household_id, proposal };
}

async function lockHousehold(tx: AppContext, id: string): Promise<Household> {
  return (await sql<Household>`select id, area_path, benefit_cents, insured_persons, status from dibao.household where id = ${id} for update`.execute(tx.db))
    .rows[0]!;
}

/**
 * The level that decides 增发、减发、停发 on the decision day: the county 民政 bureau (暂行办法 第十三条),
 * or the township when approval is delegated to it on that day (delegation/regime.ts). Throws otherwise.
 */
export async function mustBeDecidingLevel(tx: AppContext, actor: Actor, c: CaseRow, countyCode: string, day: string): Promise<'county' | 'township'> {
  const regime = await regimeOn(tx.db, countyCode, day);
  if (regime.authority === 'county') {
    if (await isCountyApprover(tx, actor, countyCode)) return 'county';
    throw forbidden(`增发、减发、停发最低生活保障金由县级人民政府民政部门决定（${LEGAL.interim}第十三条）；乡镇（街道）记录复核情况后报县级决定`);
  }
  if (grantsFor(actor, 'dibao.confirm').some((g) => g.orgUnitId === c.org_unit_id)) return 'township';
  throw forbidden(
    `该县自 ${regime.effectiveFrom} 起将低保审批权下放乡镇（街道）（${regime.document}），复核的调整、停发由乡镇（街道）决定，县级民政部门履行监督职责`,
  );
}

/** The township's proposal checked before it goes up: a 渐退 needs the setting on. */
export async function checkProposal(tx: AppContext, p: { result: RecheckOutcome }) {
  if (p.result === '渐退' && (await readDibaoSettings(tx.db)).gradualExitMonths <= 0)
    throw new AppError('DIBAO_GRADUAL_EXIT_OFF', 409, '本地未启用救助渐退（设置「救助渐退期」为 0），请选择「停发」或「调整」');
}

/**
 * Apply a re-check outcome to the household: 不变 (class and next date only), 调整 (recomputed:
 * 增发/减发), 停发 (from next month, reasons in writing), 渐退 (paid on for gradualExitMonths, then
 * stopped). Records the history, the benefit change and the notice; a 停发 is issued as the 停发通知书,
 * any other changing decision as the 复核决定通知书, both with the remedy.
 */
export async function applyRecheckOutcome(
  tx: AppContext,
  actor: Actor,
  c: CaseRow,
  o: { result: RecheckOutcome; findings: string; reason: string | null; incomeClass: IncomeClass; level: 'county' | 'township' | null; opinion: string | null },
) {
  const { householdId } = await recheckRow(tx, c.id);
  const s = await readDibaoSettings(tx.db);
  const day = chinaDate(tx.clock.now());
  const h = await lockHousehold(tx, householdId);
  const before = await householdSnapshot(tx, householdId);
  const month = firstOfNextMonthIso(day);
  let after = h.benefit_cents;
  let insured = h.insured_persons;
  let steps: string[] = [];
  let kind: '增发' | '减发' | '停发' | null = null;
  let exitUntil: string | null = null;
  if (o.result === '调整') {
    const a = await assessHousehold(tx, householdId, day);
    if (!a.benefit) throw new AppError('DIBAO_NO_STANDARD', 409, a.checks[0]?.detail ?? '当地未设置低保标准');
    if (!a.benefit.eligibleByIncome)
      throw new AppError('DIBAO_RECHECK_NOT_ELIGIBLE', 409, `按当前收入已不符合低保条件（${a.benefit.steps.at(-1)}），请选择「停发」或「渐退」并说明理由`);
    after = a.benefit.amountCents;
    insured = a.insuredPersons;
    steps = a.benefit.steps;
    kind = after > h.benefit_cents ? '增发' : after < h.benefit_cents ? '减发' : null;
  } else if (o.result === '停发') {
    after = 0;
    insured = 0;
    kind = '停发';
  } else if (o.result === '渐退') {
    await checkProposal(tx, o);
    // Paid through the exit period's last month (money/generate-roster.ts pays while gradual_exit_until ≥ the month).
    exitUntil = addMonthsClampedIso(month, s.gradualExitMonths - 1);
  }
  const { cadence, next } = nextRecheck(day, o.incomeClass, s);
  const nextOn = o.result === '停发' || o.result === '渐退' ? null : next;
  await sql`update dibao.household set benefit_cents = ${after}, insured_persons = ${insured}, status = ${kind === '停发' ? 'stopped' : h.status},
    recheck_cadence = ${cadence}, next_recheck_on = ${nextOn}::date, gradual_exit_until = coalesce(${exitUntil}::date, gradual_exit_until),
    version = version + 1, updated_at = ${tx.clock.now()} where id = ${householdId}`.execute(tx.db);
  const change = async (k: string, effective: string, before_: number, after_: number, ib: number, ia: number, reason: string) =>
    sql`insert into dibao.benefit_change (id, household_id, kind, before_cents, after_cents, insured_before, insured_after, effective_month, reason, case_id, actor_id, at)
      values (${uuidv7()}, ${householdId}, ${k}, ${before_}, ${after_}, ${ib}, ${ia}, ${effective}::date, ${reason}, ${c.id}, ${actor.userId}, ${tx.clock.now()})`.execute(
      tx.db,
    );
  if (kind)
    await change(kind, month, h.benefit_cents, after, h.insured_persons, insured, kind === '停发' ? `复核停发：${o.reason}` : `复核调整（${c.ref_no}）`);
  if (exitUntil) await change('停发', firstOfNextMonthIso(exitUntil), h.benefit_cents, 0, h.insured_persons, 0, `渐退期满停发（${c.ref_no}）：${o.reason}`);
  const word =
    o.result === '渐退'
      ? `实行救助渐退，月保障金 ${yuanText(h.benefit_cents)} 元继续发放至 ${exitUntil!.slice(0, 7)}，期满停发，理由：${o.reason}`
      : kind === '停发'
        ? `停发，理由：${o.reason}`
        : kind
          ? `${kind}，月保障金由 ${yuanText(h.benefit_cents)} 元调整为 ${yuanText(after)} 元`
          : '保障金不变';
  const when = kind ? `，自 ${month} 起执行` : '';
  const cls = `家庭收入${o.incomeClass === '不固定' ? '来源不固定，每半年复核' : '稳定，每年复核'}${nextOn ? `（下次 ${nextOn} 前后）` : ''}`;
  const notice = `低保复核结果通知：经 ${day} 复核（编号 ${c.ref_no}），${word}${when}。${steps.length ? `计算：${steps.join('；')}。` : ''}${cls}。`;
  await sql`update dibao.recheck set result = ${o.result}, before_cents = ${h.benefit_cents}, after_cents = ${after}, steps = ${JSON.stringify(steps)}::jsonb,
    decided_on = ${day}::date, notice = ${notice}, income_class = ${o.incomeClass}, decided_level = ${o.level}, decided_by = ${o.level ? actor.userId : null},
    opinion = ${o.opinion}, gradual_exit_until = ${exitUntil}::date where case_id = ${c.id}`.execute(tx.db);
  await writeHouseholdChange(tx, {
    householdId,
    actorId: actor.userId,
    kind: `复核${o.result}`,
    summary: `复核：${word}`,
    before,
    after: await householdSnapshot(tx, householdId),
    caseId: c.id,
  });
  if (kind === '停发') await issueDocument(tx, { type: DIBAO_DOCUMENTS.stop, caseId: c.id, actor });
  else if (kind || o.result === '渐退') await issueDocument(tx, { type: DIBAO_DOCUMENTS.recheckDecision, caseId: c.id, actor });
}

/** The county code of a household's area path. */
export const countyCodeOf = (areaPath: string) => countyOfPath(areaPath) ?? '';

/**
 * 渐退期满: households whose exit period has passed (gradual_exit_until before this month) stop
 * (the 停发 benefit change was recorded with the decision). Run by the daily re-check job.
 */
export async function endGradualExits(ctx: AppContext): Promise<number> {
  const month = `${chinaDate(ctx.clock.now()).slice(0, 7)}-01`;
  const due = (
    await sql<{ id: string }>`select id from dibao.household where status = 'active' and gradual_exit_until is not null and gradual_exit_until < ${month}::date
    order by id limit 500`.execute(ctx.db)
  ).rows;
  for (const h of due) {
    await withTx(ctx, async (tx) => {
      const before = await householdSnapshot(tx, h.id);
      const r =
        await sql`update dibao.household set status = 'stopped', benefit_cents = 0, insured_persons = 0, version = version + 1, updated_at = ${tx.clock.now()}
        where id = ${h.id} and status = 'active'`.execute(tx.db);
      if (!Number(r.numAffectedRows ?? 0)) return;
      await writeHouseholdChange(tx, {
        householdId: h.id,
        actorId: null,
        kind: '渐退期满停发',
        summary: '救助渐退期满，停发最低生活保障金',
        before,
        after: await householdSnapshot(tx, h.id),
      });
    });
  }
  return due.length;
}
