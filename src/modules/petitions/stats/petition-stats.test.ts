import { describe, expect, it } from 'vitest';
import { commonRoot, periodKeys } from './petition-stats.ts';
import { demoPlan } from '../demo/demo-plan.ts';
import { parentOrgCode } from '../demo/seed-demo-petitions.ts';

describe('periodKeys', () => {
  it('lists every month, quarter or year of a range', () => {
    expect(periodKeys('month', '2019-11-15', '2020-02-01')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(periodKeys('quarter', '2019-02-01', '2019-12-31')).toEqual(['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']);
    expect(periodKeys('year', '2018-06-01', '2019-01-01')).toEqual(['2018', '2019']);
  });
});

describe('commonRoot', () => {
  it('is the longest area path all grants share', () => {
    expect(commonRoot(['640000.640100.640104', '640000.640100.640104'])).toBe('640000.640100.640104');
    expect(commonRoot(['640000.640100.640104', '640000.640400.640423'])).toBe('640000');
    expect(commonRoot([])).toBe('');
  });
});

describe('demo plan (the report paragraph, by construction)', () => {
  const plan = demoPlan();
  const dept = plan.filter((p) => p.org === '640000-mzt-fgc' && !p.recent);
  it('has the department register 63 items in 2019 before mid-November', () => {
    expect(dept).toHaveLength(63);
    expect(Math.max(...dept.map((p) => p.day))).toBeLessThan(320);
  });
  it('has 40 from 自治区信访局 and 19 from 民政部', () => {
    expect(dept.filter((p) => p.input.sourceBody === '自治区信访局')).toHaveLength(40);
    expect(dept.filter((p) => p.input.sourceBody === '民政部')).toHaveLength(19);
  });
  it('has 53 letters and visits with 153 persons', () => {
    const lv = dept.filter((p) => p.input.channel === '来信' || p.input.channel === '来访');
    expect(lv).toHaveLength(53);
    expect(lv.reduce((s, p) => s + Number(p.input.visitPersons ?? 1), 0)).toBe(153);
  });
  it('concludes every department item (last move close, refuse or the served 复核意见)', () => {
    for (const p of dept) {
      const last = [...p.steps].reverse().find((s) => s.move.kind === 't');
      expect(last && last.move.kind === 't' ? last.move.name : null, `plan ${p.key}`).toMatch(/^(close|refuse|deliver_recheck)$/);
    }
  });
  it('is deterministic', () => {
    expect(JSON.stringify(demoPlan())).toBe(JSON.stringify(plan));
  });
  it('finds the level above an org', () => {
    expect(parentOrgCode('640104001-gov')).toBe('640104-mzj');
    expect(parentOrgCode('640104-mzj')).toBe('640100-mzj');
    expect(parentOrgCode('640100-mzj')).toBe('640000-mzt-fgc');
  });
});
