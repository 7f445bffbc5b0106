import { describe, expect, it } from 'vitest';
import { computeBenefit, type StandardRule } from './compute-benefit.ts';

// Every expected figure below is worked out by hand in the comment next to it (amounts in 分).
const URBAN: StandardRule = { monthlyCents: 58000, method: 'difference' }; // 580.00 元/人·月
const BANDED: StandardRule = {
  monthlyCents: 34500,
  method: 'banded',
  bands: [
    { belowCents: 34500, perPersonCents: 10000 },
    { belowCents: 10000, perPersonCents: 30000 },
    { belowCents: 20000, perPersonCents: 20000 },
  ], // unsorted on purpose
};

describe('computeBenefit — 差额（difference）', () => {
  it('pays (standard − per-capita income) × insured persons', () => {
    // 600.00 / 3 = 200.00 per person; (580.00 − 200.00) × 3 = 1,140.00
    const r = computeBenefit({ standard: URBAN, incomeCents: 60000, members: 3, insuredPersons: 3 });
    expect(r).toMatchObject({ eligibleByIncome: true, perCapitaIncomeCents: 20000, amountCents: 114000 });
    expect(r.steps.join('\n')).toContain('（580.00 − 200.00）× 保障人口 3 人 = 1140.00 元');
  });

  it('multiplies by the insured persons, not by all members', () => {
    // 600.00 / 3 = 200.00; (580.00 − 200.00) × 2 = 760.00
    expect(computeBenefit({ standard: URBAN, incomeCents: 60000, members: 3, insuredPersons: 2 }).amountCents).toBe(76000);
  });

  it('rounds the per-capita income down to the 分（in the household’s favour）', () => {
    // 100.00 / 3 = 33.333… → 33.33; (580.00 − 33.33) × 3 = 1,640.01 (not 1,640.00)
    const r = computeBenefit({ standard: URBAN, incomeCents: 10000, members: 3, insuredPersons: 3 });
    expect(r.perCapitaIncomeCents).toBe(3333);
    expect(r.amountCents).toBe(164001);
  });

  it('pays the whole standard to a household without income', () => {
    // (580.00 − 0) × 1 = 580.00
    expect(computeBenefit({ standard: URBAN, incomeCents: 0, members: 1, insuredPersons: 1 }).amountCents).toBe(58000);
  });
});

describe('computeBenefit — 刚性支出 deduction', () => {
  it('deducts rigid expenses from income before dividing', () => {
    // (900.00 − 300.00) / 4 = 150.00; rural 345.00: (345.00 − 150.00) × 4 = 780.00
    const r = computeBenefit({
      standard: { monthlyCents: 34500, method: 'difference' },
      incomeCents: 90000,
      rigidExpenseCents: 30000,
      members: 4,
      insuredPersons: 4,
    });
    expect(r.perCapitaIncomeCents).toBe(15000);
    expect(r.amountCents).toBe(78000);
    expect(r.steps[0]).toBe('家庭月收入 900.00 元，扣除刚性支出 300.00 元，计入收入 600.00 元');
  });

  it('never counts negative income when expenses exceed it, and ignores a negative expense', () => {
    // max(0, 200.00 − 500.00) = 0 → (345.00 − 0) × 2 = 690.00
    expect(
      computeBenefit({ standard: { monthlyCents: 34500, method: 'difference' }, incomeCents: 20000, rigidExpenseCents: 50000, members: 2, insuredPersons: 2 })
        .amountCents,
    ).toBe(69000);
    // a negative deduction counts as 0: 400.00 / 2 = 200.00 → (345.00 − 200.00) × 2 = 290.00
    expect(
      computeBenefit({ standard: { monthlyCents: 34500, method: 'difference' }, incomeCents: 40000, rigidExpenseCents: -10000, members: 2, insuredPersons: 2 })
        .amountCents,
    ).toBe(29000);
  });

  it('can turn an ineligible household eligible', () => {
    // without: 1,800.00 / 3 = 600.00 ≥ 580.00 → 0; with 300.00 medical: 1,500.00 / 3 = 500.00 → (580 − 500) × 3 = 240.00
    expect(computeBenefit({ standard: URBAN, incomeCents: 180000, members: 3, insuredPersons: 3 }).amountCents).toBe(0);
    expect(computeBenefit({ standard: URBAN, incomeCents: 180000, rigidExpenseCents: 30000, members: 3, insuredPersons: 3 }).amountCents).toBe(24000);
  });
});

describe('computeBenefit — ineligible by income', () => {
  it('pays nothing when the per-capita income equals the standard', () => {
    // 1,740.00 / 3 = 580.00, not below 580.00
    const r = computeBenefit({ standard: URBAN, incomeCents: 174000, members: 3, insuredPersons: 3, minimumCents: 5000 });
    expect(r).toMatchObject({ eligibleByIncome: false, perCapitaIncomeCents: 58000, amountCents: 0 });
    expect(r.steps.at(-1)).toContain('不符合低保收入条件');
  });

  it('is eligible one 分 below the standard', () => {
    // 1,739.97 / 3 = 579.99; (580.00 − 579.99) × 3 = 0.03
    expect(computeBenefit({ standard: URBAN, incomeCents: 173997, members: 3, insuredPersons: 3 }).amountCents).toBe(3);
  });
});

describe('computeBenefit — minimum amount', () => {
  it('raises a small amount to the settings minimum', () => {
    // 1,710.00 / 3 = 570.00; (580 − 570) × 3 = 30.00 < 50.00 → 50.00
    const r = computeBenefit({ standard: URBAN, incomeCents: 171000, members: 3, insuredPersons: 3, minimumCents: 5000 });
    expect(r.amountCents).toBe(5000);
    expect(r.steps.at(-1)).toBe('低于最低发放额 50.00 元，按 50.00 元发放');
  });

  it('uses the higher of the standard’s own minimum and the settings minimum', () => {
    // same household: 30.00; standard minimum 60.00 > settings 50.00 → 60.00
    expect(computeBenefit({ standard: { ...URBAN, minCents: 6000 }, incomeCents: 171000, members: 3, insuredPersons: 3, minimumCents: 5000 }).amountCents).toBe(
      6000,
    );
  });

  it('leaves an amount above the minimum alone, and pays no minimum to nobody insured', () => {
    // 1,140.00 > 50.00
    expect(computeBenefit({ standard: URBAN, incomeCents: 60000, members: 3, insuredPersons: 3, minimumCents: 5000 }).amountCents).toBe(114000);
    // 0 insured persons → 0 × gap = 0, and no minimum
    expect(computeBenefit({ standard: URBAN, incomeCents: 60000, members: 3, insuredPersons: 0, minimumCents: 5000 }).amountCents).toBe(0);
  });
});

describe('computeBenefit — 分档（banded）', () => {
  it('pays the per-person amount of the band the per-capita income falls in', () => {
    // 250.00 / 2 = 125.00 → band "below 200.00": 200.00 × 2 = 400.00
    const r = computeBenefit({ standard: BANDED, incomeCents: 25000, members: 2, insuredPersons: 2 });
    expect(r.amountCents).toBe(40000);
    expect(r.steps.at(-1)).toContain('人均收入低于 200.00 元档，每人 200.00 元 × 保障人口 2 人 = 400.00 元');
  });

  it('puts a per-capita income equal to a band limit into the next band', () => {
    // 99.99 → band below 100.00: 300.00; 100.00 → band below 200.00: 200.00; 344.99 → band below 345.00: 100.00
    expect(computeBenefit({ standard: BANDED, incomeCents: 9999, members: 1, insuredPersons: 1 }).amountCents).toBe(30000);
    expect(computeBenefit({ standard: BANDED, incomeCents: 10000, members: 1, insuredPersons: 1 }).amountCents).toBe(20000);
    expect(computeBenefit({ standard: BANDED, incomeCents: 34499, members: 1, insuredPersons: 1 }).amountCents).toBe(10000);
  });

  it('applies the minimum to banded amounts too, and refuses a band table that leaves a gap', () => {
    // band below 345.00 pays 1.00 per person × 1 = 1.00 < 20.00 → 20.00
    const tiny: StandardRule = { monthlyCents: 34500, method: 'banded', bands: [{ belowCents: 34500, perPersonCents: 100 }] };
    expect(computeBenefit({ standard: tiny, incomeCents: 30000, members: 1, insuredPersons: 1, minimumCents: 2000 }).amountCents).toBe(2000);
    const gap: StandardRule = { monthlyCents: 34500, method: 'banded', bands: [{ belowCents: 20000, perPersonCents: 100 }] };
    expect(() => computeBenefit({ standard: gap, incomeCents: 30000, members: 1, insuredPersons: 1 })).toThrow(RangeError);
  });
});

describe('computeBenefit — input guards', () => {
  it('rejects impossible household sizes', () => {
    expect(() => computeBenefit({ standard: URBAN, incomeCents: 0, members: 0, insuredPersons: 0 })).toThrow(RangeError);
    expect(() => computeBenefit({ standard: URBAN, incomeCents: 0, members: 2, insuredPersons: 3 })).toThrow(RangeError);
    expect(() => computeBenefit({ standard: URBAN, incomeCents: 0, members: 1.5, insuredPersons: 1 })).toThrow(RangeError);
  });
});
