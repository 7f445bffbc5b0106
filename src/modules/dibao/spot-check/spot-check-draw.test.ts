import { describe, expect, it } from 'vitest';
import { drawShare } from '../../../kernel/sampling/index.ts';

const ids = (n: number, prefix = 'case') => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
// The purpose under which 低保 spot checks have always drawn: stored draws must keep reproducing.
const P = { purpose: 'dibao-spot-check', seed: 'golden-seed' };

describe('低保 spot-check draw', () => {
  it('draws what the 低保 spot check drew before it moved here (stored draws still reproduce)', () => {
    // Produced by the spot check's own implementation before this kernel existed.
    expect(drawShare(ids(40), 0.3, P).sample).toEqual([
      'case-000',
      'case-008',
      'case-010',
      'case-012',
      'case-018',
      'case-019',
      'case-021',
      'case-024',
      'case-025',
      'case-027',
      'case-033',
      'case-036',
    ]);
    expect(drawShare(ids(40), 0.3, { ...P, seed: '640423:2019-01-01:2019-06-30:2019-07-01' }).sample).toEqual([
      'case-002',
      'case-004',
      'case-010',
      'case-011',
      'case-013',
      'case-023',
      'case-024',
      'case-028',
      'case-029',
      'case-033',
      'case-035',
      'case-037',
    ]);
  });
});
