/** Memory figures of a load run: is the server's memory flat over the steady part of the run? */

/** A memory reading, `s` seconds after the measured run began. */
export type MemorySample = { s: number; mb: number };

/**
 * The rise of a straight line fitted (least squares) through the samples taken from `from` s on,
 * over that stretch, relative to the line's value where the stretch begins. A fitted line, not
 * the last reading against the first: one reading taken while many requests are in flight, or
 * just before a collection, does not decide the verdict. Null with fewer than 3 samples.
 */
export function steadyGrowth(samples: MemorySample[], from: number): { n: number; startMb: number; endMb: number; pct: number } | null {
  const xs = samples.filter((p) => p.s >= from);
  if (xs.length < 3) return null;
  const n = xs.length;
  const mx = xs.reduce((a, p) => a + p.s, 0) / n;
  const my = xs.reduce((a, p) => a + p.mb, 0) / n;
  const sxx = xs.reduce((a, p) => a + (p.s - mx) ** 2, 0);
  const slope = sxx ? xs.reduce((a, p) => a + (p.s - mx) * (p.mb - my), 0) / sxx : 0;
  const at = (s: number) => my + slope * (s - mx);
  const startMb = at(xs[0]!.s);
  const endMb = at(xs[n - 1]!.s);
  return { n, startMb, endMb, pct: ((endMb - startMb) / startMb) * 100 };
}

/** The share of growth over the steady part that still counts as flat. */
export const FLAT_PCT = 10;
