import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { drawK, populationFingerprint, sampleSize, shuffledIds, type Draw } from '../../../kernel/sampling/index.ts';

/** Stored draws use this purpose: keep it, or their seeds no longer reproduce them. */
export const SPOT_CHECK_PURPOSE = 'orgs-spot-check';

/**
 * 《社会组织抽查暂行办法》（民发〔2017〕45号）: the yearly 定期抽查 samples at least this share of the
 * organizations an authority registers — 省级（自治区）5%, 市级 4%, 县级 3% (regulations.md §4.3).
 */
export const MIN_RATIO: Record<number, number> = { 1: 0.05, 2: 0.04, 3: 0.03 };
export const LEVEL_LABEL: Record<number, string> = { 1: '自治区', 2: '市级', 3: '县级' };
export const RATIO_BASIS = '《社会组织抽查暂行办法》（民发〔2017〕45号）';

/** The problem with a 定期抽查 ratio for an authority of `level`, or null. */
export function ratioProblem(level: number, ratio: number): string | null {
  const min = MIN_RATIO[level];
  if (min === undefined) return '只有自治区、市、县（区）民政部门可以制定社会组织抽查计划。';
  if (ratio + 1e-9 < min)
    return `${LEVEL_LABEL[level]}登记管理机关定期抽查的比例不得低于${min * 100}%（${RATIO_BASIS}），本计划为${Math.round(ratio * 10000) / 100}%。`;
  return null;
}

export type Inspector = { name: string; conflicts: string[] };
export type Team = { uscc: string; inspectors: string[] };
export type SpotDraw = { objects: Draw; inspectorOrder: string[]; teams: Team[] };

/** SM3 commitment of a secret seed, published before the draw. */
export const commitmentOf = (seed: string) => sm3Hex(`${SPOT_CHECK_PURPOSE}:commitment:${seed}`);

/**
 * 双随机 with 回避: draw `k` organizations (by USCC) with purpose `orgs-spot-check:objects`; shuffle the
 * inspector pool (names) with purpose `orgs-spot-check:inspectors` and the same seed; the drawn
 * organizations in sorted order take inspectors from the shuffled pool in turn, wrapping round, skipping
 * anyone who declared a conflict with that organization (回避) or already sits in its team. Throws when
 * an organization cannot get `perTeam` inspectors without conflicts.
 */
export function drawSpotCheck(population: readonly string[], k: number, pool: readonly Inspector[], perTeam: number, seed: string): SpotDraw {
  const objects = drawK(population, k, { purpose: `${SPOT_CHECK_PURPOSE}:objects`, seed });
  const order = shuffledIds(
    pool.map((i) => i.name),
    { purpose: `${SPOT_CHECK_PURPOSE}:inspectors`, seed },
  );
  const conflicts = new Map(pool.map((i) => [i.name, new Set(i.conflicts)]));
  let next = 0;
  const teams = objects.sample.map((uscc) => {
    const team: string[] = [];
    for (let step = 0; step < order.length && team.length < perTeam; step++) {
      const name = order[(next + step) % order.length]!;
      if (conflicts.get(name)!.has(uscc)) continue;
      team.push(name);
      if (team.length === perTeam) next = (next + step + 1) % order.length;
    }
    if (team.length < perTeam) throw new RangeError(`统一社会信用代码为${uscc}的社会组织，回避后可派的检查人员不足${perTeam}人。`);
    return { uscc, inspectors: team };
  });
  return { objects, inspectorOrder: order, teams };
}

/** How many organizations a plan draws: at least `ratio` of the population (never fewer than one when there are any). */
export const planSize = (n: number, ratio: number) => (n === 0 ? 0 : Math.max(1, sampleSize(n, ratio)));

export { populationFingerprint };
