import { drawK, populationFingerprint, shuffledIds, type Draw, type DrawOptions } from './draw.ts';

export type TeamDraw = {
  /** The drawn objects (检查对象), published like any draw (purpose `${purpose}:objects`). */
  objects: Draw;
  /** The inspector pool (执法检查人员名录): its size and fingerprint, shuffled with purpose `${purpose}:inspectors`. */
  inspectors: { population: number; fingerprint: string };
  /** One team per drawn object, in the objects' sorted order. */
  teams: Array<{ objectId: string; inspectorIds: string[] }>;
};

/**
 * 双随机: draw `objectCount` objects, shuffle the inspector pool with the same seed, then give the
 * i-th drawn object (sorted) the inspectors at shuffled positions i·t … i·t + t − 1, wrapping round
 * the pool (t = `perTeam`). Every team has t different inspectors and no inspector has more than
 * one visit more than another. Drawing again with the same seed and lists gives the same teams.
 */
export function drawTeams(input: { objects: readonly string[]; objectCount: number; inspectors: readonly string[]; perTeam: number } & DrawOptions): TeamDraw {
  const { purpose, seed, perTeam } = input;
  if (!Number.isInteger(perTeam) || perTeam < 1 || perTeam > input.inspectors.length)
    throw new RangeError(`每组检查人员应为 1 到 ${input.inspectors.length} 人 / a team of ${perTeam} does not fit a pool of ${input.inspectors.length}`);
  const objects = drawK(input.objects, input.objectCount, { purpose: `${purpose}:objects`, seed });
  const order = shuffledIds(input.inspectors, { purpose: `${purpose}:inspectors`, seed });
  const teams = objects.sample.map((objectId, i) => ({
    objectId,
    inspectorIds: Array.from({ length: perTeam }, (_, j) => order[(i * perTeam + j) % order.length]!),
  }));
  return { objects, inspectors: { population: order.length, fingerprint: populationFingerprint(order) }, teams };
}
