import { describe, expect, it } from 'vitest';
import { competentLevelFor, contentSimilarity, daysFrom, isSkipLevel, maskIdNumber, petitionLevel, simpleRefusals } from './policies.ts';

describe('petition policies', () => {
  it('scores near-identical Chinese complaints high and unrelated ones low', () => {
    const a = '我家低保被取消了，要求恢复低保待遇。';
    expect(contentSimilarity(a, '我家的低保被取消，要求恢复低保待遇')).toBeGreaterThan(0.6);
    expect(contentSimilarity(a, '建议在社区增设养老服务站点')).toBeLessThan(0.1);
    expect(contentSimilarity('', '')).toBe(0);
    expect(contentSimilarity(a, a)).toBe(1);
  });

  it('flags visits two or more levels above the competent body as 越级', () => {
    expect(petitionLevel(1)).toBe(4);
    expect(petitionLevel(4)).toBe(1);
    expect(petitionLevel(5)).toBe(1);
    // a 兴庆区 (县) matter: competent 县=2; 自治区=4 → skip, 市=3 → not.
    expect(competentLevelFor(3)).toBe(2);
    expect(competentLevelFor(5)).toBe(2);
    expect(isSkipLevel(petitionLevel(1), competentLevelFor(3))).toBe(true);
    expect(isSkipLevel(petitionLevel(2), competentLevelFor(3))).toBe(false);
    expect(isSkipLevel(petitionLevel(1), competentLevelFor(2))).toBe(false);
  });

  it('masks ID numbers', () => {
    expect(maskIdNumber('640104199001011234')).toBe('640***********1234');
  });

  it('admits only first-time, clear, individual, non-repeat items to 简易办理', () => {
    const ok = { firstTime: true, factsClear: true, group: false, repeat: false };
    expect(simpleRefusals(ok)).toEqual([]);
    expect(simpleRefusals({ ...ok, firstTime: false })).toEqual(['不是初次信访']);
    expect(simpleRefusals({ ...ok, repeat: true })).toEqual(['属于重信重访']);
    expect(simpleRefusals({ ...ok, group: true })).toEqual(['属于集体访或多人联名信访']);
    expect(simpleRefusals({ ...ok, factsClear: false })).toEqual(['事实不清楚或责任不明确']);
    expect(simpleRefusals({ firstTime: false, factsClear: false, group: true, repeat: true })).toHaveLength(4);
  });

  it('counts calendar days between dates across months and years', () => {
    expect(daysFrom('2026-06-01', '2026-07-01')).toBe(30);
    expect(daysFrom('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysFrom('2026-03-01', '2026-02-28')).toBe(-1);
  });
});
