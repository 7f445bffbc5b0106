import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from './actor.ts';
import { grantCovers, inScope, missingForGrant, pathWithin, recordInScope } from './scope.ts';

const LD = '640000.640400.640423';
const LD_CGZ = LD + '.640423100';
const grant = (g: Partial<Grant>): Grant => ({
  assignmentId: 'a',
  roleCode: 'clerk',
  roleName: '业务经办人员',
  orgUnitId: 'ou-ld',
  orgUnitName: '隆德县民政局',
  areaCode: '640423',
  areaPath: LD,
  scope: 'subtree',
  permissions: ['user.read'],
  delegatedBy: null,
  validTo: null,
  ...g,
});
const actor = (grants: Grant[]): Actor => ({
  userId: 'me',
  username: 'ld-mzj',
  displayName: '杨志明',
  orgUnitId: 'ou-ld',
  areaCode: '640423',
  areaPath: LD,
  grants,
  sessionId: null,
  clientIp: null,
});

describe('recordInScope', () => {
  it('本级及下级 covers the subtree and nothing beside it', () => {
    const a = actor([grant({})]);
    expect(recordInScope(a, 'user.read', { areaPath: LD })).toBe(true);
    expect(recordInScope(a, 'user.read', { areaPath: LD_CGZ })).toBe(true);
    expect(recordInScope(a, 'user.read', { areaPath: '640000.640400.640422' })).toBe(false);
    expect(recordInScope(a, 'user.read', { areaPath: '640000.640400.6404231' })).toBe(false); // prefix of the text, not of the path
    expect(recordInScope(a, 'user.read', { areaPath: '640000.640400' })).toBe(false); // the parent city
    expect(recordInScope(a, 'user.manage', { areaPath: LD })).toBe(false); // other permission
  });
  it('本级 is the same org unit (or same area without an org column)', () => {
    const a = actor([grant({ scope: 'org' })]);
    expect(recordInScope(a, 'user.read', { areaPath: LD, orgUnitId: 'ou-ld' })).toBe(true);
    expect(recordInScope(a, 'user.read', { areaPath: LD, orgUnitId: 'ou-other-in-same-area' })).toBe(false);
    expect(recordInScope(a, 'user.read', { areaPath: LD_CGZ, orgUnitId: 'ou-cgz' })).toBe(false);
    expect(recordInScope(a, 'user.read', { areaPath: LD })).toBe(true);
  });
  it("本人 is only the actor's own records", () => {
    const a = actor([grant({ scope: 'self' })]);
    expect(recordInScope(a, 'user.read', { areaPath: LD, ownerId: 'me' })).toBe(true);
    expect(recordInScope(a, 'user.read', { areaPath: LD, ownerId: 'you' })).toBe(false);
    expect(recordInScope(a, 'user.read', { areaPath: LD })).toBe(false);
  });
  it('no grants, no access', () => {
    expect(recordInScope(actor([]), 'user.read', { areaPath: '640000' })).toBe(false);
    expect(pathWithin('640000', '640000')).toBe(true);
  });
});

describe('grant coverage (no escalation)', () => {
  const target = { areaPath: LD_CGZ, orgUnitId: 'ou-cgz' };
  it('a subtree grant covers any scope inside it; an org grant only org/self at its unit', () => {
    expect(grantCovers(grant({}), { ...target, scope: 'subtree' })).toBe(true);
    expect(grantCovers(grant({ scope: 'org' }), { ...target, scope: 'org' })).toBe(false);
    expect(grantCovers(grant({ scope: 'org', orgUnitId: 'ou-cgz' }), { ...target, scope: 'org' })).toBe(true);
    expect(grantCovers(grant({ scope: 'org', orgUnitId: 'ou-cgz' }), { ...target, scope: 'subtree' })).toBe(false);
    expect(grantCovers(grant({ scope: 'self' }), { ...target, scope: 'self' })).toBe(false);
    expect(grantCovers(grant({ areaPath: LD_CGZ }), { areaPath: LD, orgUnitId: 'ou-ld', scope: 'org' })).toBe(false);
  });
  it('names the permissions the actor lacks over the target', () => {
    const a = actor([grant({ permissions: ['user.read', 'user.manage', 'org.read'] })]);
    expect(missingForGrant(a, 'user.manage', ['user.read', 'org.read'], { ...target, scope: 'subtree' })).toEqual([]);
    expect(missingForGrant(a, 'user.manage', ['user.read', 'audit.read', 'area.manage'], { ...target, scope: 'subtree' })).toEqual([
      'audit.read',
      'area.manage',
    ]);
    expect(missingForGrant(a, 'user.manage', ['user.read'], { areaPath: '640000.640200.640221', orgUnitId: 'ou-pl', scope: 'org' })).toEqual([
      'user.manage',
      'user.read',
    ]);
  });
});

describe('inScope SQL', () => {
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (d) => new PostgresIntrospector(d),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const compile = (a: Actor) =>
    db
      .selectFrom('t')
      .selectAll()
      .where(inScope(a, 'user.read', { areaPath: 't.area_path', orgUnitId: 't.org_unit_id', ownerId: 't.owner_id' }))
      .compile();

  it('ORs one condition per grant, escaping LIKE metacharacters', () => {
    const q = compile(actor([grant({}), grant({ scope: 'org', orgUnitId: 'ou-x' }), grant({ scope: 'self' })]));
    expect(q.sql).toBe('select * from "t" where (("t"."area_path" = $1 or "t"."area_path" like $2) or "t"."org_unit_id" = $3 or "t"."owner_id" = $4)');
    expect(q.parameters).toEqual([LD, LD + '.%', 'ou-x', 'me']);
    expect(compile(actor([grant({ areaPath: '64_0' })])).parameters).toEqual(['64_0', '64\\_0.%']);
  });
  it('is false without grants for the permission', () => {
    expect(compile(actor([grant({ permissions: ['other'] })])).sql).toBe('select * from "t" where false');
  });
});
