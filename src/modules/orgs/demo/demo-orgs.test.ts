import { describe, expect, it } from 'vitest';
import { validateUscc } from '../../../kernel/codes/index.ts';
import { checkName } from '../names/name-rules.ts';
import { demoOrganizations, type DemoAuthority } from './demo-orgs.ts';
import { DEMO_AUTHORITIES } from './demo-authorities.ts';

describe('demo registry', () => {
  const orgs = demoOrganizations(DEMO_AUTHORITIES);
  it('is about 300 organizations over the region, cities and counties', () => {
    expect(orgs.length).toBeGreaterThan(280);
    expect(orgs.length).toBeLessThan(340);
    expect(new Set(orgs.map((o) => o.orgUnitCode)).size).toBe(DEMO_AUTHORITIES.length);
    expect(new Set(orgs.map((o) => o.uscc)).size).toBe(orgs.length);
  });
  it('passes the name rules within each authority and has valid USCCs of the right kind and area', () => {
    const byAuthority = new Map<string, { id: string; name: string }[]>();
    for (const [i, o] of orgs.entries()) {
      const a = DEMO_AUTHORITIES.find((x: DemoAuthority) => x.orgUnitCode === o.orgUnitCode)!;
      const existing = byAuthority.get(o.orgUnitCode) ?? [];
      const r = checkName({ name: o.name, kind: o.kind, authority: { names: a.chain }, existing });
      expect(r.problems, o.name).toEqual([]);
      existing.push({ id: String(i), name: o.name });
      byAuthority.set(o.orgUnitCode, existing);
      const u = validateUscc(o.uscc);
      expect(u.valid, o.uscc).toBe(true);
      if (u.valid) expect(u.parts.areaCode).toBe(a.areaCode);
    }
  });
  it('names carry one region prefix: a county’s organization is not also prefixed with its city (no “银川市永宁县…”)', () => {
    for (const o of orgs) {
      const a = DEMO_AUTHORITIES.find((x: DemoAuthority) => x.orgUnitCode === o.orgUnitCode)!;
      if (a.chain.length === 3) expect(o.name.startsWith(a.chain[1]!), o.name).toBe(false);
      if (a.chain.length >= 2) expect(o.name.startsWith(a.chain.at(-1)!), o.name).toBe(true);
    }
  });
});
