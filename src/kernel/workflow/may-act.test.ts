import { describe, expect, it } from 'vitest';
import { sampleWorkflow } from '../../../tests/helpers/sample-workflow.ts';
import type { Actor, Grant } from '../identity/actor.ts';
import { defineWorkflow } from './define-workflow.ts';
import { mayActOn } from './may-act.ts';

/** A 待确认-like state whose only holder's move below the leader's is an action kept to counties (低保 县级入户核查). */
const def = defineWorkflow({
  ...sampleWorkflow,
  type: 'test.may-act-levels',
  actions: { county_visit: { label: '县级入户核查', from: ['drafted'], who: { permission: 'org.read', levels: [1, 2, 3] } } },
});

const actor = (areaPath: string): Actor => {
  const g = { orgUnitId: 'u1', areaPath, permissions: ['org.read'], scope: 'subtree' } as unknown as Grant;
  return { userId: 'a', username: 'a', displayName: 'a', orgUnitId: 'u1', areaCode: '', areaPath, grants: [g], sessionId: null, clientIp: null };
};
const c = { type: def.type, state: 'drafted', org_unit_id: 'u1', assignee_id: null };

describe('may act (待我处理)', () => {
  it('counts an action kept to other levels only where the actor’s unit is of those levels', () => {
    expect(mayActOn(actor('640000.640400.640423'), c)).toBe(true); // a county clerk signs for it and visits
    expect(mayActOn(actor('640000.640400.640423.640423100'), c)).toBe(false); // the township clerk waits for her leader
  });
});
