import { describe, expect, it } from 'vitest';
import { remedyText } from './remedy.ts';

describe('remedy paragraph by the law in force on the decision day', () => {
  it('2024 on: 行政复议法 (2023) 第二十条, the county government for a bureau and a township alike; 6 months to sue', () => {
    for (const level of ['county', 'township'] as const) {
      const r = remedyText('2026-06-15', level, { county: '西吉县', city: '固原市' });
      expect(r).toContain('60 日内向西吉县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）');
      expect(r).toContain('6 个月内向西吉县人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）');
      expect(r).not.toContain('民政局');
    }
  });

  it('before 2024: 行政复议法 (2017) 第九条; a county bureau’s decision may also go to the city 民政局', () => {
    expect(remedyText('2019-09-20', 'county', { county: '西吉县', city: '固原市' })).toContain(
      '向西吉县人民政府或者固原市民政局申请行政复议（《中华人民共和国行政复议法》第九条）',
    );
    expect(remedyText('2023-12-31', 'township', { county: '隆德县', city: '固原市' })).toContain(
      '向隆德县人民政府申请行政复议（《中华人民共和国行政复议法》第九条）',
    );
  });

  it('names a district court with its city; before 2015-05-01 the time to sue was 3 months', () => {
    expect(remedyText('2019-04-02', 'township', { county: '兴庆区', city: '银川市' })).toContain('向银川市兴庆区人民法院提起行政诉讼');
    expect(remedyText('2015-04-30', 'county', { county: '隆德县', city: '固原市' })).toContain('3 个月内向隆德县人民法院');
  });
});
