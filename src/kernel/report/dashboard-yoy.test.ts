import { describe, expect, it } from 'vitest';
import { yearOnYear } from './dashboard-yoy.ts';

describe('the dashboard 同比', () => {
  it('gives the percentage over a base of 10 or more', () => {
    expect(yearOnYear(63, 40)).toMatchObject({ change: 23, changePercent: 57.5, text: '上年 40件，同比增加 23件、增长 57.5%' });
    expect(yearOnYear(0, 10)).toMatchObject({ change: -10, changePercent: -100 });
    expect(yearOnYear(12, 12)).toMatchObject({ change: 0, text: '上年 12件，与上年持平' });
  });

  it('leaves the percentage out over a base below 10, and says why', () => {
    // The demo's 2019 against 2018: 2 → 492 would read +24,500%.
    expect(yearOnYear(492, 2)).toEqual({
      current: 492,
      previous: 2,
      change: 490,
      changePercent: null,
      text: '上年 2件，同比增加 490件（上年同期不足 10 件，不列百分比）',
      noBase: false,
    });
    expect(yearOnYear(1, 9)).toMatchObject({ change: -8, changePercent: null, text: '上年 9件，同比减少 8件（上年同期不足 10 件，不列百分比）' });
  });

  it('says 上年同期无数据 over an empty base, not an increase', () => {
    expect(yearOnYear(5, 0)).toEqual({ current: 5, previous: 0, change: 5, changePercent: null, text: '上年同期无数据', noBase: true });
    expect(yearOnYear(0, 0)).toMatchObject({ change: 0, text: '上年同期无数据', noBase: true });
    // 0 open last year out of 12 registered is a figure, not an empty base.
    expect(yearOnYear(4, 0, 12)).toMatchObject({ change: 4, changePercent: null, noBase: false, text: '上年 0件，同比增加 4件' });
  });

  it('leaves it out beyond ±1000%', () => {
    expect(yearOnYear(250, 20)).toMatchObject({ change: 230, changePercent: null, text: '上年 20件，同比增加 230件（增减超过 1000%，不列百分比）' });
    expect(yearOnYear(220, 20)).toMatchObject({ changePercent: 1000 });
  });
});
