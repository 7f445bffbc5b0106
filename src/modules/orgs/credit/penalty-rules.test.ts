import { describe, expect, it } from 'vitest';
import { penaltyListings, recentPenalty, suspensionOn, type Penalty } from './penalty-rules.ts';
import { eligibility, type OrgFacts } from './credit-rules.ts';

const P = (over: Partial<Penalty>): Penalty => ({ decidedOn: '2020-05-01', warning: false, fineCents: null, suspendedUntil: null, ...over });
const rated: OrgFacts = { status: 'normal', statusOn: null, registeredOn: '2010-01-01', rating: '4A', ratingFrom: '2019-01-01', ratingUntil: '2025-12-31' };

describe('penalties read by the credit rules (民政部令第60号)', () => {
  it('a warning or a fine under 5万元 → 活动异常名录; 5万元 or more, or 限期停止活动 → 严重违法失信名单', () => {
    expect(penaltyListings(P({ warning: true }), [])).toEqual([{ list: 'abnormal', reason: 'minor_penalty' }]);
    expect(penaltyListings(P({ fineCents: 4_999_999 }), [])).toEqual([{ list: 'abnormal', reason: 'minor_penalty' }]);
    expect(penaltyListings(P({ fineCents: 5_000_000 }), [])).toEqual([{ list: 'serious', reason: 'major_fine' }]);
    expect(penaltyListings(P({ suspendedUntil: '2020-08-01' }), [])).toEqual([{ list: 'serious', reason: 'suspension' }]);
  });

  it('the second warning or small fine within three years → 严重违法失信名单 (repeat); one three years back does not count', () => {
    expect(penaltyListings(P({ warning: true }), [P({ decidedOn: '2017-05-02', fineCents: 100_000 })])).toContainEqual({
      list: 'serious',
      reason: 'repeat_penalty',
    });
    expect(penaltyListings(P({ warning: true }), [P({ decidedOn: '2017-05-01', warning: true })])).toEqual([{ list: 'abnormal', reason: 'minor_penalty' }]);
    expect(penaltyListings(P({ warning: true }), [P({ decidedOn: '2019-01-01', fineCents: 6_000_000 })])).toHaveLength(1); // a major fine is not a minor one
  });

  it('限期停止活动 bars every purpose while it runs; a penalty in the last three years withholds the 3A+ preference', () => {
    const s = [P({ suspendedUntil: '2020-08-01' })];
    expect(suspensionOn(s, '2020-08-01')).not.toBeNull();
    expect(suspensionOn(s, '2020-08-02')).toBeNull();
    expect(eligibility(rated, [], '2020-06-01', 'award', s).eligible).toBe(false);
    expect(eligibility(rated, [], '2020-08-02', 'award', s)).toMatchObject({ eligible: true, preferred: false });
    const w = [P({ warning: true })];
    expect(eligibility(rated, [], '2020-04-30', 'grant', w).preferred).toBe(true);
    const e = eligibility(rated, [], '2023-04-30', 'grant', w);
    expect(e).toMatchObject({ eligible: true, preferred: false });
    expect(e.reasons.map((r) => r.text).join()).toContain('不予3A级以上倾斜');
    expect(eligibility(rated, [], '2023-05-01', 'grant', w).preferred).toBe(true);
    expect(recentPenalty(w, '2023-05-01')).toBeNull();
  });
});
