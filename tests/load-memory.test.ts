import { describe, expect, it } from 'vitest';
import { steadyGrowth } from '../bench/memory.ts';

const every = (n: number, f: (s: number) => number) => Array.from({ length: n }, (_, i) => ({ s: i * 30, mb: f(i * 30) }));

describe('bench/memory steadyGrowth (the load test memory verdict)', () => {
  it('sees no growth in a flat heap with noise, and ignores the warm-up before the steady part', () => {
    // 0–300 s: caches fill (100 → 150 MB); then flat around 150 with ±3 MB of in-flight requests.
    const heap = every(21, (s) => (s < 300 ? 100 + s / 6 : 150 + (s % 60 ? 3 : -3)));
    const g = steadyGrowth(heap, 300)!;
    expect(g.n).toBe(11);
    expect(Math.abs(g.pct)).toBeLessThan(1);
    // Judged from the start the same readings would look like growth.
    expect(steadyGrowth(heap, 0)!.pct).toBeGreaterThan(30);
  });

  it('reports a steady leak in the second half', () => {
    const g = steadyGrowth(
      every(21, (s) => 150 + s / 20),
      300,
    )!;
    expect(g.startMb).toBeCloseTo(165);
    expect(g.endMb).toBeCloseTo(180);
    expect(g.pct).toBeCloseTo(9.09, 1);
  });

  it('is not fooled by one high last reading', () => {
    const heap = every(21, (s) => (s === 600 ? 180 : 150));
    expect(steadyGrowth(heap, 300)!.pct).toBeLessThan(10);
  });

  it('gives no verdict on fewer than 3 readings', () => {
    expect(
      steadyGrowth(
        every(2, () => 100),
        0,
      ),
    ).toBeNull();
  });
});
