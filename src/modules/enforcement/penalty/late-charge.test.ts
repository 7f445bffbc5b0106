import { describe, expect, it } from 'vitest';
import { lateCharge } from './late-charge.ts';
import { penaltyLawOn } from '../law.ts';

describe('加处罚款 (第七十二条)', () => {
  it('3% of the fine per day after the due date', () => {
    expect(lateCharge(60000, '2026-11-13', '2026-11-18')).toEqual({ daysLate: 5, charge: 9000, capped: false });
    expect(lateCharge(333.33, '2026-01-01', '2026-01-02')).toEqual({ daysLate: 1, charge: 10, capped: false });
  });
  it('nothing when paid on or before the due date', () => {
    expect(lateCharge(5000, '2026-11-13', '2026-11-13').charge).toBe(0);
    expect(lateCharge(5000, '2026-11-13', '2026-11-01').daysLate).toBe(0);
  });
  it('capped at the fine itself (34 days × 3% = 102%)', () => {
    expect(lateCharge(1000, '2026-01-01', '2026-02-03')).toEqual({ daysLate: 33, charge: 990, capped: false });
    expect(lateCharge(1000, '2026-01-01', '2026-02-04')).toEqual({ daysLate: 34, charge: 1000, capped: true });
  });
});

describe('the law of the day', () => {
  it('2021-07-15 on: 二日…七日 are working days (第八十五条), the hearing request 5 working days', () => {
    const l = penaltyLawOn('2021-07-15');
    expect(l.version).toBe('2021');
    expect(l.shortDays(7)).toEqual({ unit: 'workdays', n: 7 });
    expect(l.hearingRequest).toEqual({ unit: 'workdays', n: 5 });
    expect(l.art.dayRule).toContain('第八十五条');
    expect(l.maxLimitationYears).toBe(5);
  });
  it('before: the 2017 text counts calendar days, 3 days to ask for a hearing, 2 years only', () => {
    const l = penaltyLawOn('2021-07-14');
    expect(l.version).toBe('2017');
    expect(l.shortDays(7)).toEqual({ unit: 'days', n: 7 });
    expect(l.hearingRequest).toEqual({ unit: 'days', n: 3 });
    expect(l.art.hearing).toContain('第四十二条');
    expect(l.maxLimitationYears).toBe(2);
  });
});
