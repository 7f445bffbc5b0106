import { describe, expect, it } from 'vitest';
import { dateLikeProblem, dateProblem, isCalendarDate, monthsBetween, textProblem } from './input-rules.ts';
import { inputProblems } from './input-guard.ts';
import { checkStatsPeriod } from './input-schemas.ts';

describe('dates', () => {
  it('only real calendar dates', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2019-02-29')).toBe(false);
    expect(isCalendarDate('2019-02-30')).toBe(false);
    expect(isCalendarDate('2019-13-01')).toBe(false);
    expect(isCalendarDate('10000-01-01')).toBe(false);
  });

  it('within the platform range, compared as dates', () => {
    expect(dateProblem('1900-01-01')).toBeNull();
    expect(dateProblem('2099-12-31')).toBeNull();
    expect(dateProblem('9999-12-31')).toContain('between 1900-01-01 and 2099-12-31');
    expect(dateProblem('1899-12-31')).not.toBeNull();
  });

  it('date-times are checked by their date; other text is not a date', () => {
    expect(dateLikeProblem('2019-02-30T10:00:00Z')).not.toBeNull();
    expect(dateLikeProblem('2019-02-28T10:00:00.123+08:00')).toBeNull();
    expect(dateLikeProblem('2019-02-30 的来信')).toBeNull();
    expect(dateLikeProblem('640423198001010011')).toBeNull();
  });

  it('statistics periods: from ≤ to, at most 10 years, from 1949-10-01', () => {
    expect(monthsBetween('2009-07-01', '2019-06-30')).toBe(119);
    expect(() => checkStatsPeriod('2009-07-01', '2019-06-30')).not.toThrow();
    expect(() => checkStatsPeriod('2009-06-01', '2019-06-30')).toThrow(/10 年/);
    expect(() => checkStatsPeriod('2019-07-01', '2019-06-30')).toThrow(/不能晚于/);
    expect(() => checkStatsPeriod('1949-09-30', '1950-01-01')).toThrow(/1949-10-01/);
  });
});

describe('text', () => {
  it('line breaks and tabs in multi-line text only', () => {
    expect(textProblem('第一行\n第二行\t\r')).toBeNull();
    expect(textProblem('a\nb', 'line')).not.toBeNull();
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085']) expect(textProblem(`a${c}b`)).toContain('control characters');
  });

  it('lone surrogates, but not pairs', () => {
    expect(textProblem('\ud800')).toContain('lone surrogate');
    expect(textProblem('x\udc00')).toContain('lone surrogate');
    expect(textProblem('𠀀😀')).toBeNull();
  });

  it('bidi overrides in file names only', () => {
    expect(textProblem('invoice\u202efdp.exe', 'filename')).toContain('bidirectional');
    expect(textProblem('a\u2066b', 'filename')).not.toBeNull();
    expect(textProblem('证明材料.pdf', 'filename')).toBeNull();
  });
});

describe('inputProblems (the hook walk)', () => {
  it('names the path of every hostile leaf and key', () => {
    const found = inputProblems({ a: [{ b: 'x\u0000' }], 'k\u0000': 1, n: 2 ** 31, m: -(2 ** 31) + 1, totalCents: 2 ** 40, f: Infinity }, 'body');
    expect(found.map((f) => f.field)).toEqual(['a.0.b', 'k\u0000', 'n', 'f']);
  });

  it('file name keys refuse bidi overrides; numeric query keys refuse int32 overflow', () => {
    expect(inputProblems({ fileName: 'a\u202eb' }, 'body').map((f) => f.field)).toEqual(['fileName']);
    expect(inputProblems({ page: '2147483648', q: '2147483648' }, 'querystring', new Set(['page'])).map((f) => f.field)).toEqual(['page']);
  });
});
