import { describe, expect, it } from 'vitest';
import { drawK, drawShare, drawTeams, populationFingerprint, sampleSize, seededRandom, shuffledIds, verifyDraw } from './index.ts';

const ids = (n: number, prefix = 'case') => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const P = { purpose: 'spot-check', seed: 'golden-seed' };

describe('reproducible draw', () => {
  it('gives the same sample for the same seed, another for another seed or purpose', () => {
    expect(drawK(ids(200), 20, P)).toEqual(drawK(ids(200), 20, P));
    expect(drawK(ids(200), 20, { ...P, seed: 'other' }).sample).not.toEqual(drawK(ids(200), 20, P).sample);
    expect(drawK(ids(200), 20, { ...P, purpose: 'sso-inspection' }).sample).not.toEqual(drawK(ids(200), 20, P).sample);
    const r = seededRandom('p', 's');
    const xs = Array.from({ length: 1000 }, r);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });

  it('does not depend on the order the population is given in', () => {
    const pop = ids(57);
    const reversed = [...pop].reverse();
    const mixed = [...pop].sort((a, b) => (a.slice(-1) + a).localeCompare(b.slice(-1) + b));
    expect(drawK(reversed, 9, P)).toEqual(drawK(pop, 9, P));
    expect(drawK(mixed, 9, P)).toEqual(drawK(pop, 9, P));
    expect(shuffledIds(reversed, P)).toEqual(shuffledIds(pop, P));
    expect(populationFingerprint(mixed)).toBe(populationFingerprint(pop));
  });

  it('draws k distinct members of the population, sorted; refuses duplicates and impossible k', () => {
    const d = drawK(ids(30), 10, P);
    expect(new Set(d.sample).size).toBe(10);
    expect(d.sample.every((x) => ids(30).includes(x))).toBe(true);
    expect(d.sample).toEqual([...d.sample].sort());
    expect(d).toMatchObject({ algorithm: 'sm3-mulberry32-fisher-yates/1', purpose: P.purpose, seed: P.seed, population: 30 });
    expect(drawK(ids(5), 5, P).sample).toEqual(ids(5));
    expect(drawK([], 0, P).sample).toEqual([]);
    expect(() => drawK(['a', 'b', 'a'], 1, P)).toThrow(RangeError);
    expect(() => drawK(ids(3), 4, P)).toThrow(RangeError);
    expect(() => drawK(ids(3), 1.5, P)).toThrow(RangeError);
  });

  it('rounds a proportion up to at least the ratio, never one too many by float error', () => {
    for (let n = 0; n <= 500; n++) {
      const k = sampleSize(n, 0.3);
      expect(k).toBeGreaterThanOrEqual(0.3 * n - 1e-9);
      expect(k - 1).toBeLessThan(0.3 * n);
    }
    expect(sampleSize(10, 0.3)).toBe(3);
    expect(sampleSize(100, 0.55)).toBe(55); // 0.55 × 100 is 55.00000000000001 in floating point
    expect(sampleSize(100, 0.07)).toBe(7);
    expect(sampleSize(11, 0.3)).toBe(4);
    expect(sampleSize(1, 0.3)).toBe(1);
    expect(sampleSize(7, 1)).toBe(7);
    expect(() => sampleSize(7, 1.2)).toThrow(RangeError);
    expect(drawShare(ids(11), 0.3, P).sample).toHaveLength(4);
  });

  it('lets anyone check a published draw against the population', () => {
    const d = drawShare(ids(40), 0.3, P);
    expect(verifyDraw(d, [...ids(40)].reverse())).toBeNull();
    expect(verifyDraw(d, ids(41))).toBe('总体与公布的指纹不一致');
    expect(verifyDraw({ ...d, sample: [...d.sample.slice(1), 'case-039'].sort() }, ids(40))).toBe('按公布的种子重新抽取，样本不一致');
  });
});

describe('双随机: objects and inspector teams', () => {
  const input = { objects: ids(120, 'org'), objectCount: 12, inspectors: ids(7, 'insp'), perTeam: 2, purpose: 'sso-check', seed: '2026-12-06' };

  it('draws the objects and gives each a team of different inspectors, loads within one', () => {
    const t = drawTeams(input);
    expect(t.objects.sample).toHaveLength(12);
    expect(t.teams.map((x) => x.objectId)).toEqual(t.objects.sample);
    for (const team of t.teams) expect(new Set(team.inspectorIds).size).toBe(2);
    const load = new Map<string, number>();
    for (const id of t.teams.flatMap((x) => x.inspectorIds)) load.set(id, (load.get(id) ?? 0) + 1);
    expect(load.size).toBe(7);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
    expect(t.inspectors).toEqual({ population: 7, fingerprint: populationFingerprint(input.inspectors) });
  });

  it('draws the same teams again from the same seed and lists in any order, others from another seed', () => {
    const again = drawTeams({ ...input, objects: [...input.objects].reverse(), inspectors: [...input.inspectors].reverse() });
    expect(again).toEqual(drawTeams(input));
    expect(drawTeams({ ...input, seed: '2026-12-07' }).teams).not.toEqual(drawTeams(input).teams);
    // The object draw is an ordinary published draw: it verifies on its own.
    expect(verifyDraw(drawTeams(input).objects, input.objects)).toBeNull();
  });

  it('refuses a team larger than the pool', () => {
    expect(() => drawTeams({ ...input, perTeam: 8 })).toThrow(RangeError);
    expect(() => drawTeams({ ...input, perTeam: 0 })).toThrow(RangeError);
  });
});
