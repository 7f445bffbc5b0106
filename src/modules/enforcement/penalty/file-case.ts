import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { addMonthsIso } from '../../../kernel/calendar/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { validateUscc } from '../../../kernel/codes/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS, PENALTY_TYPE } from '../contracts/labels.ts';
import { FileCaseInput } from '../contracts/inputs.ts';
import { penaltyLawOn } from '../law.ts';
import { today } from './penalty-row.ts';

/**
 * 立案: within the limitation period of the law in force when the act ended (2 years; 5 where the
 * 2021 text allows it and the officer says why), with the 立案 standard met in words. 一事不再罚:
 * an earlier fine for the same party, power item and act refuses the filing. One transaction.
 */
export async function filePenaltyCase(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(FileCaseInput, raw);
  const now = today(ctx);
  if (input.filedOn > now) throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.DATE_ORDER('立案日期'), { field: 'filedOn' });
  if (input.discoveredOn < input.actDate || input.discoveredOn > input.filedOn)
    throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.DATE_ORDER('发现日期'), { field: 'discoveredOn' });
  // An organization's code is its 统一社会信用代码 (the orgs registry finds it by that); an unregistered body has none.
  const uscc = input.partyKind === 'org' && input.partyCode ? validateUscc(input.partyCode) : null;
  if (uscc && !uscc.valid) throw badRequest('VALIDATION_FAILED', `「统一社会信用代码」${uscc.code} 不正确：${uscc.reason}`, { field: 'partyCode' });
  const partyCode = uscc ? uscc.code : (input.partyCode ?? null);
  const actLaw = penaltyLawOn(input.actDate);
  if (input.fiveYearLimitation && actLaw.maxLimitationYears < 5)
    throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.FIVE_YEARS_NOT_IN_FORCE, { field: 'fiveYearLimitation' });
  const years = input.fiveYearLimitation ? 5 : 2;
  // 违法行为在二年内未被发现的，不再给予行政处罚: discovered after the act's day + N years.
  if (input.discoveredOn > addMonthsIso(input.actDate, 12 * years).date)
    throw new AppError('ENFORCEMENT_LIMITATION', 422, ENFORCEMENT_ERRORS.LIMITATION(years, actLaw.art.limitation), { field: 'discoveredOn' });
  return withTx(ctx, async (tx) => {
    const power = (await sql`select 1 from enforcement.power_item where code = ${input.powerCode}`.execute(tx.db)).rows[0];
    if (!power) throw badRequest('VALIDATION_FAILED', '「执法事项编码」不在权责清单中 (unknown power item)', { field: 'powerCode' });
    const earlier = (
      await sql<{ decision_no: string }>`select decision_no from enforcement.penalty
        where party_name = ${input.partyName} and power_code = ${input.powerCode} and act_date = ${input.actDate}::date and fine > 0 and decision_kind = '处罚'`.execute(
        tx.db,
      )
    ).rows[0];
    if (earlier) throw new AppError('ENFORCEMENT_DOUBLE_PENALTY', 409, ENFORCEMENT_ERRORS.DOUBLE_PENALTY(earlier.decision_no));
    const row = await createCase(tx, actor, {
      type: PENALTY_TYPE,
      title: `${input.partyName}：${input.actDescription}`.slice(0, 200),
      orgUnitId: actor.orgUnitId,
      input: { filedOn: input.filedOn },
    });
    const law = penaltyLawOn(input.filedOn);
    await sql`insert into enforcement.penalty (case_id, party_name, party_kind, party_code, act_date, act_description, filed_on, filing_standard,
        limitation_years, law_version, power_code, is_demo, created_at)
      values (${row.id}, ${input.partyName}, ${input.partyKind}, ${partyCode}, ${input.actDate}::date, ${input.actDescription},
        ${input.filedOn}::date, ${input.filingStandard}, ${years}, ${law.version}, ${input.powerCode}, ${!!opts.demo}, ${tx.clock.now()})`.execute(tx.db);
    return { id: row.id, refNo: row.ref_no, state: row.state, law: law.name };
  });
}
