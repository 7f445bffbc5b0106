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

/** A pool member: drawn by name; an officer of enforcement also carries its id and 执法证号 (pools before that: name only). */
export type Inspector = { name: string; conflicts: string[]; officerId?: string; certNo?: string };
export type Team = { uscc: string; inspectors: string[] };
export type SpotDraw = { objects: Draw; inspectorOrder: string[]; teams: Team[] };

/** SM3 commitment of a secret seed, published before the draw. */
export const commitmentOf = (seed: string) => sm3Hex(`${SPOT_CHECK_PURPOSE}:commitment:${seed}`);

/**
 * 回避 team assignment, the same in every draw algorithm: the drawn organizations in sorted order take
 * inspectors from the shuffled pool (`order`) in turn, wrapping round, skipping anyone who declared a
 * conflict with that organization (回避). Throws when an organization cannot get `perTeam` inspectors without
 * conflicts.
 */
export function assignTeams(sample: readonly string[], order: readonly string[], pool: readonly Inspector[], perTeam: number): Team[] {
  const conflicts = conflictsOf(pool);
  let next = 0;
  return sample.map((uscc) => {
    const t = teamFrom(uscc, next, order, conflicts, perTeam);
    next = t.next;
    return { uscc, inspectors: t.inspectors };
  });
}

/** Each pool member's declared conflicts (回避), by name. */
export const conflictsOf = (pool: readonly Inspector[]) => new Map(pool.map((i) => [i.name, new Set(i.conflicts)]));

/**
 * One organization's team in `assignTeams`: from position `next` of the shuffled pool, the first `perTeam` names
 * without a conflict with `uscc`, and the position after the last one taken. Throws when there are not enough.
 */
export function teamFrom(uscc: string, next: number, order: readonly string[], conflicts: Map<string, Set<string>>, perTeam: number) {
  const inspectors: string[] = [];
  for (let step = 0; step < order.length; step++) {
    const name = order[(next + step) % order.length]!;
    if (conflicts.get(name)!.has(uscc)) continue;
    inspectors.push(name);
    if (inspectors.length === perTeam) return { inspectors, next: (next + step + 1) % order.length };
  }
  throw new RangeError(`统一社会信用代码为${uscc}的社会组织，回避后可派的检查人员不足${perTeam}人。`);
}

/** The inspector pool in drawn order (both algorithms): the kernel's shuffle with purpose `orgs-spot-check:inspectors`. */
export const inspectorOrder = (pool: readonly Inspector[], seed: string) =>
  shuffledIds(
    pool.map((i) => i.name),
    { purpose: `${SPOT_CHECK_PURPOSE}:inspectors`, seed },
  );

/**
 * Algorithm v1 (`sm3-mulberry32-fisher-yates/1`, plans committed before v2): draw `k` organizations (by USCC)
 * with the kernel's `drawK`, purpose `orgs-spot-check:objects`, then assign teams. Kept so that published v1
 * draws still re-run exactly.
 */
export function drawSpotCheck(population: readonly string[], k: number, pool: readonly Inspector[], perTeam: number, seed: string): SpotDraw {
  const objects = drawK(population, k, { purpose: `${SPOT_CHECK_PURPOSE}:objects`, seed });
  const order = inspectorOrder(pool, seed);
  return { objects, inspectorOrder: order, teams: assignTeams(objects.sample, order, pool, perTeam) };
}

/** How many organizations a plan draws: at least `ratio` of the population (never fewer than one when there are any). */
export const planSize = (n: number, ratio: number) => (n === 0 ? 0 : Math.max(1, sampleSize(n, ratio)));

export { populationFingerprint };
