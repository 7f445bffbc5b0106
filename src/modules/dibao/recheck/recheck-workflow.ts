import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { defineWorkflow, transition, type CaseRow, createCase } from '../../../kernel/workflow/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { LEGAL, RECHECK_TYPE } from '../contract.ts';
import { yuanText } from '../../../platform/money.ts';
import { addMonthsClampedIso, firstOfNextMonthIso } from '../../../kernel/calendar/index.ts';
import { assessHousehold } from '../commands/eligibility.ts';
import { householdSnapshot, writeHouseholdChange } from '../commands/store-household.ts';

const title = (t: string) => ({ title: t });
const concludeInput = z
  .object({
    result: z.enum(['不变', '调整', '停发'], { message: '请选择复核结果' }).meta({ title: '复核结果', description: '调整:按当前家庭收入、人口重新核算保障金' }),
    findings: z.string().trim().min(5, '请填写复核情况(不少于 5 字)').max(5000).meta(title('复核情况')),
    stopReason: z.string().trim().max(1000).optional().meta(title('停发理由(停发时必填)')),
  })
  .refine((v) => v.result !== '停发' || (v.stopReason && v.stopReason.length >= 2), {
    message: '停发须书面说明理由(《社会救助暂行办法》第十三条)',
    path: ['stopReason'],
  });

/** 动态管理: a 复核 case per household due for its periodic re-check (暂行办法 第十三条; 民发〔2021〕57号). */
export const recheckWorkflow = defineWorkflow({
  type: RECHECK_TYPE,
  label: '低保复核',
  refPrefix: 'DBFH',
  readPermission: 'dibao.read',
  states: { open: { label: '待复核' }, done: { label: '已复核', terminal: true } },
  initial: 'open',
  // Created only by the sweep (below), never registered by hand.
  facts: { result: '复核结果', beforeYuan: '复核前月保障金(元)', afterYuan: '复核后月保障金(元)', notice: '复核结果通知' },
  // The facts live in dibao.recheck only; the case page reads them from there.
  readFacts: async (ctx, c) => {
    const r = (
      await sql<{ result: string | null; before_cents: number | null; after_cents: number | null; notice: string | null }>`
      select result, before_cents, after_cents, notice from dibao.recheck where case_id = ${c.id}`.execute(ctx.db)
    ).rows[0];
    if (!r?.result) return {};
    return { result: r.result, beforeYuan: yuanText(r.before_cents ?? 0), afterYuan: yuanText(r.after_cents ?? 0), notice: r.notice };
  },
  create: {
    label: '生成复核任务',
    creatable: false,
    who: { permission: 'dibao.handle' },
    clocks: {
      start: [
        {
          name: 'recheck',
          label: (r) => `复核期限(${r.n} 个工作日)`,
          legalBasis: `${LEGAL.measures}:定期复核`,
          rule: async (tx) => ({ unit: 'workdays', n: (await readDibaoSettings(tx.db)).totalWorkdays }),
        },
      ],
    },
  },
  transitions: {
    conclude: transition({
      label: '复核结论',
      from: ['open'],
      to: 'done',
      who: { permission: 'dibao.handle' },
      input: concludeInput,
      clocks: { stop: ['recheck'] },
      effect: async ({ tx, case: c, input, actor }) => concludeRecheck(tx, actor, c, input),
    }),
  },
});

async function concludeRecheck(tx: AppContext, actor: Actor, c: CaseRow, i: z.infer<typeof concludeInput>) {
  const r = (await sql<{ household_id: string }>`select household_id from dibao.recheck where case_id = ${c.id}`.execute(tx.db)).rows[0];
  if (!r) throw new AppError('DIBAO_RECHECK_NOT_FOUND', 404, '复核任务不存在');
  const s = await readDibaoSettings(tx.db);
  const day = chinaDate(tx.clock.now());
  const h = (
    await sql<{
      benefit_cents: number;
      insured_persons: number;
      recheck_cadence: string | null;
      status: string;
    }>`select benefit_cents, insured_persons, recheck_cadence, status from dibao.household where id = ${r.household_id} for update`.execute(tx.db)
  ).rows[0]!;
  const before = await householdSnapshot(tx, r.household_id);
  const month = firstOfNextMonthIso(day);
  let after = h.benefit_cents;
  let insured = h.insured_persons;
  let steps: string[] = [];
  let kind: '增发' | '减发' | '停发' | null = null;
  if (i.result === '调整') {
    const a = await assessHousehold(tx, r.household_id, day, s);
    if (!a.benefit) throw new AppError('DIBAO_NO_STANDARD', 409, a.checks[0]?.detail ?? '当地未设置低保标准');
    if (!a.benefit.eligibleByIncome)
      throw new AppError('DIBAO_RECHECK_NOT_ELIGIBLE', 409, `按当前收入已不符合低保条件(${a.benefit.steps.at(-1)}),请选择「停发」并说明理由`);
    after = a.benefit.amountCents;
    insured = a.insuredPersons;
    steps = a.benefit.steps;
    kind = after > h.benefit_cents ? '增发' : after < h.benefit_cents ? '减发' : null;
  } else if (i.result === '停发') {
    after = 0;
    insured = 0;
    kind = '停发';
  }
  const months = h.recheck_cadence === 'half_yearly' ? s.recheckMonthsUnstable : s.recheckMonthsStable;
  const next = kind === '停发' ? null : addMonthsClampedIso(day, months);
  await sql`update dibao.household set benefit_cents = ${after}, insured_persons = ${insured}, status = ${kind === '停发' ? 'stopped' : h.status},
    next_recheck_on = ${next}::date, version = version + 1, updated_at = ${tx.clock.now()} where id = ${r.household_id}`.execute(tx.db);
  if (kind) {
    await sql`insert into dibao.benefit_change (id, household_id, kind, before_cents, after_cents, insured_before, insured_after, effective_month, reason, case_id, actor_id, at)
      values (${uuidv7()}, ${r.household_id}, ${kind}, ${h.benefit_cents}, ${after}, ${h.insured_persons}, ${insured}, ${month}::date,
        ${kind === '停发' ? `复核停发:${i.stopReason}` : `复核调整(${c.ref_no})`}, ${c.id}, ${actor.userId}, ${tx.clock.now()})`.execute(tx.db);
  }
  const word =
    kind === '停发' ? `停发,理由:${i.stopReason}` : kind ? `${kind},月保障金由 ${yuanText(h.benefit_cents)} 元调整为 ${yuanText(after)} 元` : '保障金不变';
  const notice = `低保复核结果通知:经 ${day} 复核(编号 ${c.ref_no}),${word}${kind ? `,自 ${month} 起执行` : ''}。${steps.length ? `计算:${steps.join(';')}。` : ''}`;
  await sql`update dibao.recheck set result = ${i.result}, before_cents = ${h.benefit_cents}, after_cents = ${after}, steps = ${JSON.stringify(steps)}::jsonb, decided_on = ${day}::date, notice = ${notice}
    where case_id = ${c.id}`.execute(tx.db);
  await writeHouseholdChange(tx, {
    householdId: r.household_id,
    actorId: actor.userId,
    kind: `复核${i.result}`,
    summary: `复核:${word}`,
    before,
    after: await householdSnapshot(tx, r.household_id),
    caseId: c.id,
  });
}

/**
 * Create the due 复核 cases (households active with next_recheck_on ≤ today and no open re-check)
 * at the township office of the household; each gets a clock of totalWorkdays working days.
 */
export async function sweepRechecks(ctx: AppContext, opts: { isDemo?: boolean } = {}): Promise<number> {
  const day = chinaDate(ctx.clock.now());
  const due = (
    await sql<{
      id: string;
      area_path: string;
      next_recheck_on: string;
      is_demo: boolean;
    }>`select h.id, h.area_path, h.next_recheck_on::text as next_recheck_on, h.is_demo from dibao.household h
    where h.status = 'active' and h.next_recheck_on <= ${day}::date
      and not exists (select 1 from dibao.recheck r where r.household_id = h.id and r.result is null) order by h.next_recheck_on, h.id limit 500`.execute(
      ctx.db,
    )
  ).rows;
  let n = 0;
  for (const h of due) {
    const township = h.area_path.split('.')[3];
    const org = (
      await sql<{ id: string }>`select id from core.org_unit where area_code = ${township} and kind = 'township_office' and active limit 1`.execute(ctx.db)
    ).rows[0];
    if (!org) continue;
    const applicant =
      (
        await sql<{ name: string }>`select name from dibao.member where household_id = ${h.id} and relation = '申请人' order by active desc limit 1`.execute(
          ctx.db,
        )
      ).rows[0]?.name ?? '';
    await withTx(ctx, async (tx) => {
      const c = await createCase(tx, SYSTEM_ACTOR, { type: RECHECK_TYPE, title: `低保复核:${applicant}户`, orgUnitId: org.id, system: true });
      await sql`insert into dibao.recheck (case_id, household_id, due_on, is_demo) values (${c.id}, ${h.id}, ${h.next_recheck_on}::date, ${opts.isDemo ?? h.is_demo})`.execute(
        tx.db,
      );
    });
    n++;
  }
  return n;
}

/** The daily sweep's queue; the module manifest (../index.ts) declares it as a daily job at 01:00. */
export const RECHECK_SWEEP_JOB = 'dibao.recheck_sweep';
