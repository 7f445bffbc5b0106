/** Public API of the sampling kernel (可复现抽取: 低保抽查, 双随机). See README.md for the algorithm. */
export { mulberry32, seededRandom } from './seeded-random.ts';
export { DRAW_ALGORITHM, drawK, drawShare, populationFingerprint, sampleSize, shuffledIds, verifyDraw, type Draw, type DrawOptions } from './draw.ts';
export { drawTeams, type TeamDraw } from './pair.ts';
