import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { computeBenefit, type BenefitResult } from '../benefit/compute-benefit.ts';
import { findStandard, type StandardInForce } from '../benefit/find-standard.ts';
import { readDibaoSettingsWithSources, type DibaoSettingKey, type DibaoSettingSources } from '../settings.ts';
import { yuanText } from '../../../platform/money.ts';

/**
 * One test of the household. `advisory`: the limit comes from a setting whose legal text is not
 * verified (settings.ts DIBAO_SETTING_INFO), so a failure is a warning for the deciding officer,
 * never a refusal by the system.
 */
export type EligibilityCheck = { rule: string; ok: boolean; detail: string; basis: string; advisory?: boolean };
export type Assessment = {
  onDate: string;
  standard: { id: string; areaCode: string; monthlyCents: number; effectiveFrom: string; document: string | null; isDemo: boolean; method: string } | null;
  members: number;
  insuredPersons: number;
  incomeCents: number;
  rigidExpenseCents: number;
  benefit: BenefitResult | null;
  checks: EligibilityCheck[];
  /** Every binding test passed (advisory ones may still fail: see `warnings`). */
  eligible: boolean;
  /** Failed advisory tests, worded as warnings. */
  warnings: string[];
};

/**
 * Income and asset tests for a household on a day (暂行办法 第九条; 宁夏试行办法: assets ≤ N months of
 * the standard per capita, housing < N m² per capita; 刚性支出 deducted when the setting says so).
 * Shown to the deciding officer; the decision itself is theirs.
 */
export async function assessHousehold(tx: AppContext, householdId: string, onDate: string): Promise<Assessment> {
  const { values: s, sources } = await readDibaoSettingsWithSources(tx.db);
  const limit = (key: DibaoSettingKey, c: Omit<EligibilityCheck, 'basis' | 'advisory'>): EligibilityCheck => sourced(sources, key, c);
  const h = (await sql<{ area_path: string; kind: 'urban' | 'rural' }>`select area_path, kind from dibao.household where id = ${householdId}`.execute(tx.db))
    .rows[0];
  if (!h) throw new AppError('DIBAO_HOUSEHOLD_NOT_FOUND', 404, '低保家庭不存在');
  const m = (
    await sql<{
      n: number;
      insured: number;
    }>`select count(*)::int as n, count(*) filter (where insured)::int as insured from dibao.member where household_id = ${householdId} and active`.execute(
      tx.db,
    )
  ).rows[0]!;
  const income = Number(
    (await sql<{ s: string }>`select coalesce(sum(monthly_cents),0)::text as s from dibao.income where household_id = ${householdId}`.execute(tx.db)).rows[0]!
      .s,
  );
  const expense = Number(
    (await sql<{ s: string }>`select coalesce(sum(monthly_cents),0)::text as s from dibao.expense where household_id = ${householdId}`.execute(tx.db)).rows[0]!
      .s,
  );
  const assets = (
    await sql<{
      kind: string;
      v: string;
      a: string | null;
      description: string;
    }>`select kind, description, value_cents::text as v, area_m2::text as a from dibao.asset where household_id = ${householdId}`.execute(tx.db)
  ).rows;
  const std: StandardInForce | null = await findStandard(tx.db, h.area_path, h.kind, onDate);
  const members = Math.max(1, m.n);
  const checks: EligibilityCheck[] = [];
  let benefit: BenefitResult | null = null;
  if (!std) {
    checks.push({
      rule: '保障标准',
      ok: false,
      detail: `${onDate} 当地未设置${h.kind === 'urban' ? '城市' : '农村'}低保标准，无法计算`,
      basis: '《社会救助暂行办法》第十条',
    });
  } else {
    benefit = computeBenefit({
      standard: std,
      incomeCents: income,
      rigidExpenseCents: s.deductRigidExpenses ? expense : 0,
      members,
      insuredPersons: Math.min(m.insured, members),
      minimumCents: s.minimumBenefitCents,
    });
    checks.push({
      rule: '收入',
      ok: benefit.eligibleByIncome,
      detail: `人均月收入 ${yuanText(benefit.perCapitaIncomeCents)} 元，当地标准 ${yuanText(std.monthlyCents)} 元`,
      basis: '《社会救助暂行办法》第九条',
    });
    const money = assets.filter((a) => a.kind === '存款' || a.kind === '有价证券').reduce((x, a) => x + Number(a.v), 0);
    const cap = s.assetMonthsLimit * std.monthlyCents;
    checks.push(
      limit('assetMonthsLimit', {
        rule: '货币财产',
        ok: Math.floor(money / members) <= cap,
        detail: `人均存款及有价证券 ${yuanText(Math.floor(money / members))} 元，上限 ${s.assetMonthsLimit} 个月标准 ${yuanText(cap)} 元`,
      }),
    );
  }
  if (s.housingAreaLimitM2 > 0) {
    const area = assets.filter((a) => a.kind === '住房').reduce((x, a) => x + Number(a.a ?? 0), 0);
    const per = Math.round((area / members) * 100) / 100;
    checks.push(
      limit('housingAreaLimitM2', { rule: '住房', ok: per < s.housingAreaLimitM2, detail: `人均住房面积 ${per} ㎡，上限 ${s.housingAreaLimitM2} ㎡` }),
    );
  }
  const cars = assets.filter((a) => a.kind === '机动车');
  if (s.vehicleValueLimitCents > 0) {
    checks.push(
      limit('vehicleValueLimitCents', {
        rule: '机动车',
        ok: cars.every((c) => Number(c.v) <= s.vehicleValueLimitCents),
        detail: cars.length
          ? `机动车 ${cars.length} 辆：${cars.map((c) => `${c.description} ${yuanText(Number(c.v))} 元`).join('、')}，每辆上限 ${yuanText(s.vehicleValueLimitCents)} 元（残疾人功能性补偿代步车、低值农用车除外）`
          : '无机动车',
      }),
    );
  }
  return {
    onDate,
    standard: std
      ? {
          id: std.id,
          areaCode: std.areaCode,
          monthlyCents: std.monthlyCents,
          effectiveFrom: std.effectiveFrom,
          document: std.document,
          isDemo: std.isDemo,
          method: std.method,
        }
      : null,
    members: m.n,
    insuredPersons: m.insured,
    incomeCents: income,
    rigidExpenseCents: s.deductRigidExpenses ? expense : 0,
    benefit,
    checks,
    eligible: checks.every((c) => c.ok || c.advisory),
    warnings: checks.filter((c) => !c.ok && c.advisory).map((c) => `${c.rule}：${c.detail}（${c.basis}）`),
  };
}

/** A test against a setting's limit: binding once the setting's legal text is verified, a warning until then. */
function sourced(sources: DibaoSettingSources, key: DibaoSettingKey, c: Omit<EligibilityCheck, 'basis' | 'advisory'>): EligibilityCheck {
  const src = sources[key];
  return src.verified ? { ...c, basis: src.basis } : { ...c, basis: `${src.basis}；依据未核实，仅作提示`, advisory: true };
}
