import { mulberry32 } from '../../../kernel/sampling/index.ts';

/** The demo's draws over mulberry32 (the figures are the same on every installation). */
export function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

export const weighted = <T>(r: Rng, xs: Array<[T, number]>): T => {
  let x = r.next() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[0]![0];
};
