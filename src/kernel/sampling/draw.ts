import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { seededRandom } from './seeded-random.ts';

/** Names the algorithm in a published draw; a new algorithm gets a new name, old draws keep theirs. */
export const DRAW_ALGORITHM = 'sm3-mulberry32-fisher-yates/1';

/** What is published with a draw so that anyone holding the population can draw again and compare. */
export type Draw = {
  algorithm: typeof DRAW_ALGORITHM;
  purpose: string;
  seed: string;
  /** Size of the population and SM3 of its sorted ids joined by '\n'. */
  population: number;
  fingerprint: string;
  /** The drawn ids, sorted. */
  sample: string[];
};

export type DrawOptions = { purpose: string; seed: string };

/** Sorted copy of the ids; duplicate ids are refused (a population lists each item once). */
function sortedIds(population: readonly string[]): string[] {
  const xs = [...population].sort();
  for (let i = 1; i < xs.length; i++) if (xs[i] === xs[i - 1]) throw new RangeError(`总体中有重复编号 / duplicate id in the population: ${xs[i]}`);
  return xs;
}

/** SM3 of the sorted ids joined by '\n': two parties compare it to know they hold the same population. */
export function populationFingerprint(population: readonly string[]): string {
  return sm3Hex(sortedIds(population).join('\n'));
}

/**
 * How many to draw for a proportion: the smallest k with k ≥ ratio × n ("at least 30 %" is met, never
 * overshot by float error: 0.55 × 100 is 55.000…01 in floating point, still 55). ratio in [0, 1].
 */
export function sampleSize(n: number, ratio: number): number {
  if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`抽取比例应在 0 到 1 之间 / ratio must lie in [0, 1]: ${ratio}`);
  return Math.min(n, Math.ceil(ratio * n - 1e-9));
}

/**
 * The population in drawn order: sort the ids, then shuffle them by Fisher–Yates from the last
 * position down (j = floor(r × (i + 1)), r from seededRandom(purpose, seed)). The order the
 * population is given in does not matter.
 */
export function shuffledIds(population: readonly string[], opts: DrawOptions): string[] {
  const xs = sortedIds(population);
  const rnd = seededRandom(opts.purpose, opts.seed);
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Draw k of the population: the first k of shuffledIds, sorted. */
export function drawK(population: readonly string[], k: number, opts: DrawOptions): Draw {
  if (!Number.isInteger(k) || k < 0 || k > population.length)
    throw new RangeError(`抽取数量应在 0 到 ${population.length} 之间 / cannot draw ${k} of ${population.length}`);
  const order = shuffledIds(population, opts);
  return {
    algorithm: DRAW_ALGORITHM,
    purpose: opts.purpose,
    seed: opts.seed,
    population: order.length,
    fingerprint: populationFingerprint(order),
    sample: order.slice(0, k).sort(),
  };
}

/** Draw at least `ratio` of the population (see sampleSize). */
export function drawShare(population: readonly string[], ratio: number, opts: DrawOptions): Draw {
  return drawK(population, sampleSize(population.length, ratio), opts);
}

/**
 * Check a published draw against a population: the same population (fingerprint) and the same
 * sample when drawn again. Returns the first mismatch in words, or null when the draw holds.
 */
export function verifyDraw(draw: Draw, population: readonly string[]): string | null {
  if (draw.algorithm !== DRAW_ALGORITHM) return `未知的抽取算法 ${draw.algorithm}`;
  if (populationFingerprint(population) !== draw.fingerprint) return '总体与公布的指纹不一致';
  const again = drawK(population, draw.sample.length, { purpose: draw.purpose, seed: draw.seed });
  if (again.sample.join('\n') !== draw.sample.join('\n')) return '按公布的种子重新抽取，样本不一致';
  return null;
}
