import { describe, expect, it } from 'vitest';
import { defaultTemplate } from './default-template.ts';
import type { Figure } from './compute-figures.ts';
import { fillTemplate } from './generate-report.ts';
import { figureWords, momentWords } from './report-wording.ts';

const fig = (code: string, value: number, unit: string) => [code, { code, value, unit } as Figure] as const;

describe('the report in 公文 style', () => {
  it('prints a percentage with one decimal, counts whole, and the unit unless the text gives it', () => {
    expect(figureWords(91.66666, '%')).toBe('91.7%');
    expect(figureWords(100, '%')).toBe('100.0%');
    expect(figureWords(63, '件')).toBe('63件');
    expect(figureWords(2.25, '个')).toBe('2.3个');
    expect(figureWords(63, '件', false)).toBe('63');
    expect(momentWords('2019-12-31T16:05:00Z')).toBe('2020年1月1日00时05分');
  });

  it('fills the 2019 template: full-width punctuation, 一是……二是……三是, one-decimal rate, units, no code or English', () => {
    const body = defaultTemplate(2019);
    body.sections[1]!.paragraphs.push('全年新增{{dibao.confirmed}}，办结率{{petitions.on_time_rate}}(含结转),详见附件:');
    const figures = new Map([
      fig('petitions.total', 63, '件'),
      fig('petitions.batches', 53, '批'),
      fig('petitions.persons', 153, '人次'),
      fig('petitions.from_xfj', 40, '件'),
      fig('petitions.from_mca', 19, '件'),
      fig('petitions.transferred', 12, '件'),
      fig('petitions.assigned', 3, '件'),
      fig('petitions.supervised', 1, '件'),
      fig('petitions.concluded', 63, '件'),
      fig('petitions.on_time_rate', 100, '%'),
      fig('dibao.confirmed', 120, '户'),
    ]);
    const { text, missing } = fillTemplate(body, figures);
    const [list, added] = text.sections[1]!.paragraphs.slice(1);
    expect(list).toContain('登记办理各类信访件63件，接待群众来信来访53批153人次。一是办理上级转办交办事项');
    expect(list).toContain('；二是依法分类处理，转送有权处理机关12件，交办3件，督办1件；三是按期办结，已办结63件，按期办结率100.0%。');
    expect(added).toBe('全年新增120户，办结率100.0%（含结转），详见附件：');
    const paragraphs = text.sections.flatMap((s) => s.paragraphs.slice(s === text.sections[0] ? 0 : 1));
    for (const p of paragraphs.filter((p) => !p.includes('〔数据不可用〕'))) {
      expect(p).not.toMatch(/[A-Za-z{}]/);
      expect(p).not.toMatch(/[\u3400-\u9fff][,;:?!()]|[,;:?!()][\u3400-\u9fff]/);
    }
    expect(missing).toEqual(expect.arrayContaining(['dibao.delegated_counties']));
  });
});
