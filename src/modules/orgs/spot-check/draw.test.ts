import { describe, expect, it } from 'vitest';
import { assignTeams, drawSpotCheck, type Inspector } from './spot-check-rules.ts';
import { drawSpotCheckV2, populationHashV2 } from './draw-v2.ts';
import { conflictedUsccs, expandTeams, teamAt, teamPlan } from './team-plan.ts';

// Published draws must re-run to the same list forever: these lists were computed once and are pinned here.
// If one of these fails, the algorithm changed — give the new one a new name instead (spot_check.algorithm).
const POPULATION = [
  '51640104MJ0000616Q',
  '51640104MJ0000624K',
  '51640104MJ0000632E',
  '51640104MJ00006409',
  '51640104MJ00006596',
  '51640104MJ00006671',
  '51640104MJ0000675U',
  '51640104MJ0000683N',
  '51640104MJ0000691H',
  '51640104MJ00007047',
  '51640104MJ00007122',
  '51640104MJ0000720W',
];
const POOL = [
  { name: '张明', conflicts: POPULATION.slice(0, 3) },
  { name: '李华', conflicts: [] },
  { name: '王芳', conflicts: [] },
  { name: '马丽', conflicts: [POPULATION[3]!] },
];
const SEED = '2d'.repeat(32);
const team = (uscc: string, inspectors: string[]) => ({ uscc, inspectors });

describe('published spot-check draws do not change', () => {
  it('v2 sha256-rank/2: fixed seed, population and pool give this list and these teams', () => {
    expect(populationHashV2([...POPULATION].reverse())).toBe('bdf20de64afd28e2bc62bf807e7ac93c6f255e2ff3c0b0eac16a6b037d4f8172');
    expect(drawSpotCheckV2([...POPULATION].reverse(), 5, POOL, 2, SEED)).toEqual({
      sample: ['51640104MJ0000616Q', '51640104MJ0000624K', '51640104MJ00006596', '51640104MJ00006671', '51640104MJ00007047'],
      teams: [
        team('51640104MJ0000616Q', ['李华', '王芳']),
        team('51640104MJ0000624K', ['马丽', '李华']),
        team('51640104MJ00006596', ['张明', '王芳']),
        team('51640104MJ00006671', ['马丽', '李华']),
        team('51640104MJ00007047', ['张明', '王芳']),
      ],
    });
  });

  it('v1 sm3-mulberry32-fisher-yates/1: fixed seed, population and pool give this list and these teams', () => {
    const d = drawSpotCheck(POPULATION, 5, POOL, 2, SEED);
    expect(d.objects.fingerprint).toBe('d2012d3f4f255f97643d9a3b87a4085c849ec708f1816fd3b73af750db014202');
    expect(d.objects.sample).toEqual(['51640104MJ00006409', '51640104MJ00006596', '51640104MJ0000683N', '51640104MJ0000691H', '51640104MJ0000720W']);
    expect(d.inspectorOrder).toEqual(['李华', '张明', '王芳', '马丽']);
    expect(d.teams).toEqual([
      team('51640104MJ00006409', ['李华', '张明']),
      team('51640104MJ00006596', ['王芳', '马丽']),
      team('51640104MJ0000683N', ['李华', '张明']),
      team('51640104MJ0000691H', ['王芳', '马丽']),
      team('51640104MJ0000720W', ['李华', '张明']),
    ]);
  });
});

describe('teams stored as a plan (team-plan.ts)', () => {
  it('give every drawn organization the team assignTeams gives it, whatever the conflicts', () => {
    let x = 7;
    let breaks = 0;
    let refused = 0;
    const rnd = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), (x >>> 8) % n);
    for (let round = 0; round < 300; round++) {
      const sample = Array.from({ length: 1 + rnd(60) }, (_, i) => `U${String(i).padStart(3, '0')}`);
      const pool: Inspector[] = Array.from({ length: 2 + rnd(8) }, (_, i) => ({
        name: `检查员${i}`,
        conflicts: Array.from({ length: rnd(4) }, () => `U${String(rnd(80)).padStart(3, '0')}`),
      }));
      const perTeam = 2 + rnd(Math.min(3, pool.length - 1));
      const order = [...pool.map((p) => p.name)].sort(() => rnd(3) - 1);
      let full: ReturnType<typeof assignTeams> | RangeError;
      try {
        full = assignTeams(sample, order, pool, perTeam);
      } catch (e) {
        full = e as RangeError;
      }
      const drawnConflicted = conflictedUsccs(pool).flatMap((uscc) => (sample.includes(uscc) ? [{ uscc, i: sample.indexOf(uscc) }] : []));
      if (full instanceof RangeError) {
        expect(() => teamPlan(drawnConflicted, order, pool, perTeam)).toThrow(full.message);
        refused++;
        continue;
      }
      const plan = teamPlan(drawnConflicted, order, pool, perTeam);
      expect(plan.breaks.length).toBe(drawnConflicted.length);
      breaks += plan.breaks.length;
      expect(expandTeams(plan, sample)).toEqual(full);
      expect(teamAt(plan, sample.length - 1)).toEqual(full.at(-1)!.inspectors);
    }
    // the rounds did exercise conflicts and refusals
    expect(breaks).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(3);
  });
});
