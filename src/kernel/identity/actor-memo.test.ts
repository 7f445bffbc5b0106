import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { memoForActor } from './actor-memo.ts';

describe('memoForActor', () => {
  it('builds once per grants object and key; new grants (a reloaded session) or another user build afresh', () => {
    let builds = 0;
    const build = () => ++builds;
    const a: Actor = { ...SYSTEM_ACTOR, userId: 'u1', grants: [] };
    expect(memoForActor(a, 'k', build)).toBe(1);
    expect(memoForActor({ ...a, clientIp: '10.0.0.1' }, 'k', build)).toBe(1); // the same session's next request
    expect(memoForActor(a, 'other', build)).toBe(2);
    expect(memoForActor({ ...a, grants: [] }, 'k', build)).toBe(3); // grants reloaded
    expect(memoForActor({ ...a, userId: 'u2' }, 'k', build)).toBe(4);
    expect(memoForActor({ ...a, orgUnitId: 'elsewhere' }, 'k', build)).toBe(5);
  });

  it('keeps at most 64 keys per grants object, dropping the oldest', () => {
    const a: Actor = { ...SYSTEM_ACTOR, grants: [] };
    for (let i = 0; i < 65; i++) memoForActor(a, `k${i}`, () => i);
    expect(memoForActor(a, 'k64', () => -1)).toBe(64);
    expect(memoForActor(a, 'k0', () => -1)).toBe(-1);
  });
});
