import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { action, startCaseClock, stopCaseClock, type CaseRow } from '../../../kernel/workflow/index.ts';
import { grantsFor, type Actor } from '../../../kernel/identity/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { LEGAL, dateText } from '../contract.ts';

/** The clock that replaces `total` once the special period is approved (counted from 受理). */
export const SPECIAL_CLOCK = 'total-special';

/** A county-level approver of the county: `dibao.confirm` granted at the county's own area. */
export async function isCountyApprover(tx: AppContext, actor: Actor, countyCode: string): Promise<boolean> {
  const county = (await sql<{ path: string }>`select path from core.area where code = ${countyCode}`.execute(tx.db)).rows[0];
  return !!county && grantsFor(actor, 'dibao.confirm').some((g) => g.scope === 'subtree' && g.areaPath === county.path);
}

const extendInput = z.object({
  reasons: z
    .string()
    .trim()
    .min(5, '请写明需要延长的特殊情况（不少于 5 字）')
    .max(1000, '特殊情况说明不超过 1000 字')
    .meta({ title: '特殊情况及理由', description: '如家庭成员分散、核对结果需进一步查证等' }),
});

/**
 * 特殊情况延长: when a special circumstance arises during the procedure, the county approver
 * approves the longer total period (specialWorkdays, 45), counted from the 受理 day — never chosen
 * at 受理. The ordinary clock stops and the special one takes its place; the deciding steps stop it.
 */
export const extendSpecial = action({
  label: '批准延长审核确认期限（特殊情况）',
  from: ['checking', 'investigating', 'investigated', 'appraised', 'reviewed', 'publicizing', 'awaiting_confirm'],
  who: { permission: 'dibao.confirm', party: ['holder', 'supervisor'] },
  input: extendInput,
  effect: async ({ tx, case: c, input, actor }) => {
    const a = (
      await sql<{ county_code: string; accepted_on: string | null; special: boolean }>`select county_code, accepted_on::text as accepted_on, special
      from dibao.application where case_id = ${c.id} for update`.execute(tx.db)
    ).rows[0];
    if (!a?.accepted_on) throw new AppError('DIBAO_NOT_ACCEPTED', 409, '本申请尚未受理，无审核确认期限可延长');
    if (a.special) throw new AppError('DIBAO_ALREADY_SPECIAL', 409, '本案已批准按特殊情况延长期限，不能再次延长');
    if (!(await isCountyApprover(tx, actor, a.county_code)))
      throw forbidden(`特殊情况延长审核确认期限须由县级民政部门负责人批准（${LEGAL.measures}：特殊情况可延长至 45 个工作日）`);
    const s = await readDibaoSettings(tx.db);
    const day = chinaDate(tx.clock.now());
    await sql`update dibao.application set special = true, special_reason = ${input.reasons}, special_approved_by = ${actor.userId}, special_approved_on = ${day}::date
      where case_id = ${c.id}`.execute(tx.db);
    await stopCaseClock(tx, c, 'total');
    const started = await startCaseClock(
      tx,
      c,
      {
        name: SPECIAL_CLOCK,
        label: `审核确认总时限（特殊情况，${s.specialWorkdays} 个工作日，自受理日起算）`,
        rule: { unit: 'workdays', n: s.specialWorkdays },
        legalBasis: `${LEGAL.measures}：特殊情况可延长至 45 个工作日`,
      },
      dateText(a.accepted_on),
    );
    return { dueDate: started?.due_date ?? null, workdays: s.specialWorkdays };
  },
});

/** The deciding steps (确认、不予确认、撤回) stop the special clock too (the declared `total` stop covers the ordinary one). */
export const stopSpecialClock = (tx: AppContext, c: CaseRow) => stopCaseClock(tx, c, SPECIAL_CLOCK);
