import { describe, expect, it } from 'vitest';
import { sameChoice, scorePaper } from './scoring.ts';

describe('学法考试评分', () => {
  it('a multiple choice is right only with exactly the key’s letters, in any order', () => {
    expect(sameChoice(['B', 'A'], ['A', 'B'])).toBe(true);
    expect(sameChoice(['A'], ['A', 'B'])).toBe(false);
    expect(sameChoice(['A', 'B', 'C'], ['A', 'B'])).toBe(false);
    expect(sameChoice(['A', 'A'], ['A', 'B'])).toBe(false);
    expect(sameChoice(undefined, ['A'])).toBe(false);
  });

  it('shares 100 points over the paper, rounds, and passes at the mark', () => {
    const paper = [1, 2, 3].map((n) => ({ id: `q${n}`, answer: ['A'] }));
    expect(scorePaper(paper, { q1: ['A'], q2: ['A'] }, 67)).toMatchObject({ correct: 2, score: 67, passed: true });
    expect(scorePaper(paper, { q1: ['A'], q2: ['B'] }, 60)).toMatchObject({ correct: 1, score: 33, passed: false });
    expect(scorePaper([], {}, 60)).toMatchObject({ score: 0, passed: false });
  });
});
