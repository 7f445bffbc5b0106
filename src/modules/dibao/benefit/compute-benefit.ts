import { yuanText } from '../../../platform/money.ts';

/**
 * 保障金 arithmetic (暂行办法 第12条; 民发〔2021〕57号 第二十三条), in integer 分.
 * difference: (standard − per-capita income) × insured persons, per-capita income rounded down
 * to the 分 (in the household's favour); banded (分档): the band the per-capita income falls in
 * gives a per-person amount. Either way the minimum amount applies to a household that qualifies.
 */
export type Band = { /** per-capita income below this (分) */ belowCents: number; /** per insured person per month (分) */ perPersonCents: number };
export type StandardRule = { monthlyCents: number; method: 'difference' | 'banded'; bands?: Band[] | null; minCents?: number };
export type BenefitInput = {
  standard: StandardRule;
  /** Household monthly income (分), all members, before deductions. */
  incomeCents: number;
  /** 刚性支出 (分/月) deducted where the setting allows. */
  rigidExpenseCents?: number;
  /** Members living together (the divisor of per-capita income). */
  members: number;
  /** Members covered by the benefit (保障人口). */
  insuredPersons: number;
  /** Household-level minimum from settings (分); the standard's own minimum wins if higher. */
  minimumCents?: number;
};
export type BenefitResult = {
  eligibleByIncome: boolean;
  perCapitaIncomeCents: number;
  amountCents: number;
  /** The arithmetic in words, for the notice and 「为什么是这个数」. */
  steps: string[];
};

export function computeBenefit(i: BenefitInput): BenefitResult {
  if (!Number.isInteger(i.members) || i.members < 1) throw new RangeError('members must be a positive integer');
  if (!Number.isInteger(i.insuredPersons) || i.insuredPersons < 0 || i.insuredPersons > i.members)
    throw new RangeError('insuredPersons must be within 0..members');
  const deduct = Math.max(0, i.rigidExpenseCents ?? 0);
  const counted = Math.max(0, i.incomeCents - deduct);
  const perCapita = Math.floor(counted / i.members);
  const steps = [
    deduct > 0
      ? `家庭月收入 ${yuanText(i.incomeCents)} 元，扣除刚性支出 ${yuanText(deduct)} 元，计入收入 ${yuanText(counted)} 元`
      : `家庭月收入 ${yuanText(counted)} 元`,
    `共同生活家庭成员 ${i.members} 人，人均月收入 ${yuanText(perCapita)} 元`,
    `当地保障标准 ${yuanText(i.standard.monthlyCents)} 元/人·月`,
  ];
  const eligibleByIncome = perCapita < i.standard.monthlyCents;
  if (!eligibleByIncome) {
    steps.push('人均收入不低于保障标准，不符合低保收入条件');
    return { eligibleByIncome, perCapitaIncomeCents: perCapita, amountCents: 0, steps };
  }
  let amount: number;
  if (i.standard.method === 'banded') {
    const bands = [...(i.standard.bands ?? [])].sort((a, b) => a.belowCents - b.belowCents);
    const band = bands.find((b) => perCapita < b.belowCents);
    if (!band) throw new RangeError('no band covers this per-capita income');
    amount = band.perPersonCents * i.insuredPersons;
    steps.push(
      `分档：人均收入低于 ${yuanText(band.belowCents)} 元档，每人 ${yuanText(band.perPersonCents)} 元 × 保障人口 ${i.insuredPersons} 人 = ${yuanText(amount)} 元`,
    );
  } else {
    const gap = i.standard.monthlyCents - perCapita;
    amount = gap * i.insuredPersons;
    steps.push(`差额：（${yuanText(i.standard.monthlyCents)} − ${yuanText(perCapita)}）× 保障人口 ${i.insuredPersons} 人 = ${yuanText(amount)} 元`);
  }
  const minimum = Math.max(i.standard.minCents ?? 0, i.minimumCents ?? 0);
  if (i.insuredPersons > 0 && amount < minimum) {
    steps.push(`低于最低发放额 ${yuanText(minimum)} 元，按 ${yuanText(minimum)} 元发放`);
    amount = minimum;
  }
  return { eligibleByIncome, perCapitaIncomeCents: perCapita, amountCents: amount, steps };
}
